/**
 * Sessions read on this node in the last few seconds, so a participant's answer save costs one query instead of three.
 * A change made here (logout, password, roles, a disabled account) drops the user's entries at once; a change made on
 * another node reaches this one within TTL_MS.
 */
import type { Db } from '../../db/database.ts';
import type { SessionInfo } from './service.ts';

const TTL_MS = 5000;
const CAPACITY = 50_000;

interface Entry { info: SessionInfo | null; until: number }

const byDb = new WeakMap<Db, Map<string, Entry>>();

function mapOf(db: Db): Map<string, Entry> {
  let map = byDb.get(db);
  if (!map) byDb.set(db, map = new Map());
  return map;
}

export function cachedSession(db: Db, tokenHash: string, now: number): SessionInfo | null | undefined {
  const entry = mapOf(db).get(tokenHash);
  if (!entry) return undefined;
  if (entry.until <= now) {
    mapOf(db).delete(tokenHash);
    return undefined;
  }
  return entry.info;
}

export function cacheSession(db: Db, tokenHash: string, info: SessionInfo | null, now: number): void {
  const map = mapOf(db);
  if (map.size >= CAPACITY) map.delete(map.keys().next().value as string);
  map.set(tokenHash, { info, until: now + TTL_MS });
}

export function forgetSession(db: Db, tokenHash: string): void {
  mapOf(db).delete(tokenHash);
}

/** Every cached session of the user, e.g. after their roles or password changed. */
export function forgetUser(db: Db, userId: number): void {
  const map = mapOf(db);
  for (const [hash, entry] of map) if (entry.info?.actor.userId === userId) map.delete(hash);
}
