/**
 * Sessions read on this node, so that a participant's answer save costs no statement to know who they are.
 *
 * While a session sync runs (session-sync.ts: PostgreSQL LISTEN/NOTIFY, or SQLite's single process) an entry lives
 * SYNCED_TTL_MS: every change that alters what a session grants — logout, password change or reset, a disabled
 * account, a role granted or revoked, a unit moved (grants carry unit paths) — is announced through the database
 * (session-invalidation.ts) and drops the matching entries on every node as soon as it is committed. Without a
 * running sync (tests through app.inject, or the listener's connection down) entries live UNSYNCED_TTL_MS, as before.
 *
 * A read that was in flight while an invalidation arrived is not cached when the invalidation concerns it: every
 * invalidation gets a generation number, and a read remembers the generation it started at.
 */
import type { Db } from '../../db/database.ts';
import type { SessionInfo } from './service.ts';

const SYNCED_TTL_MS = 10 * 60_000;
const UNSYNCED_TTL_MS = 5000;
/** "No such session" is kept briefly whatever the mode: a token unknown now never becomes valid later. */
const MISSING_TTL_MS = 5000;
const CAPACITY = 250_000;
const RECENT_CHANGES = 4096;

export type SessionChange = { kind: 'user'; userId: number } | { kind: 'session'; tokenHash: string } | { kind: 'all' };

interface Entry {
  info: SessionInfo | null;
  until: number;
}

interface State {
  entries: Map<string, Entry>;
  synced: boolean;
  generation: number;
  /** The latest invalidations, oldest first, with the generation each one made. */
  recent: { generation: number; change: SessionChange }[];
}

const byDb = new WeakMap<Db, State>();

function stateOf(db: Db): State {
  let state = byDb.get(db);
  if (!state) byDb.set(db, (state = { entries: new Map(), synced: false, generation: 0, recent: [] }));
  return state;
}

export function cachedSession(db: Db, tokenHash: string, now: number): SessionInfo | null | undefined {
  const { entries } = stateOf(db);
  const entry = entries.get(tokenHash);
  if (!entry) return undefined;
  if (entry.until <= now) {
    entries.delete(tokenHash);
    return undefined;
  }
  return entry.info;
}

/** Taken before reading a session from the database; pass it to cacheSession. */
export function sessionReadStamp(db: Db): number {
  return stateOf(db).generation;
}

function concerns(change: SessionChange, tokenHash: string, info: SessionInfo | null): boolean {
  if (change.kind === 'all') return true;
  if (change.kind === 'session') return change.tokenHash === tokenHash;
  return info?.actor.userId === change.userId;
}

export function cacheSession(db: Db, tokenHash: string, info: SessionInfo | null, now: number, stamp: number): void {
  const state = stateOf(db);
  if (state.generation !== stamp) {
    const oldest = state.recent[0]?.generation ?? Infinity;
    if (oldest > stamp + 1) return; // the changes since the read are no longer all known
    if (state.recent.some((r) => r.generation > stamp && concerns(r.change, tokenHash, info))) return;
  }
  const { entries } = state;
  if (entries.size >= CAPACITY && !entries.has(tokenHash)) entries.delete(entries.keys().next().value as string);
  const ttl = info === null ? MISSING_TTL_MS : state.synced ? SYNCED_TTL_MS : UNSYNCED_TTL_MS;
  entries.set(tokenHash, { info, until: now + ttl });
}

/** Drops what the change concerns from this node's cache. */
export function forget(db: Db, change: SessionChange): void {
  const state = stateOf(db);
  state.generation++;
  state.recent.push({ generation: state.generation, change });
  if (state.recent.length > RECENT_CHANGES) state.recent.shift();
  const { entries } = state;
  if (change.kind === 'all') entries.clear();
  else if (change.kind === 'session') entries.delete(change.tokenHash);
  else for (const [hash, entry] of entries) if (entry.info?.actor.userId === change.userId) entries.delete(hash);
}

export function forgetSession(db: Db, tokenHash: string): void {
  forget(db, { kind: 'session', tokenHash });
}

/** Every cached session of the user, e.g. after their roles or password changed. */
export function forgetUser(db: Db, userId: number): void {
  forget(db, { kind: 'user', userId });
}

/**
 * Whether changes made by other processes reach this cache. Either way the cache starts empty: entries kept while
 * unsynced may miss an invalidation, and while the sync was down invalidations may have been missed.
 */
export function setSessionsSynced(db: Db, synced: boolean): void {
  const state = stateOf(db);
  if (state.synced === synced) return;
  state.synced = synced;
  forget(db, { kind: 'all' });
}

/** For tests and the health page: entries held and whether they are kept long. */
export function sessionCacheState(db: Db): { entries: number; synced: boolean } {
  const state = stateOf(db);
  return { entries: state.entries.size, synced: state.synced };
}
