/**
 * Announcing a change that alters what sessions grant, so that every node drops its cached copies (session-cache.ts).
 * Call it inside the transaction that makes the change: on PostgreSQL the NOTIFY is delivered to every node (this one
 * included) when that transaction commits, and never if it rolls back; this node also forgets at once.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/database.ts';
import { forget, type SessionChange } from './session-cache.ts';

export const SESSIONS_CHANNEL = 'bd_sessions';

export function encodeSessionChange(change: SessionChange): string {
  if (change.kind === 'all') return '*';
  return change.kind === 'user' ? `u:${change.userId}` : `s:${change.tokenHash}`;
}

export function decodeSessionChange(payload: string): SessionChange {
  if (payload.startsWith('u:') && /^\d+$/.test(payload.slice(2))) return { kind: 'user', userId: Number(payload.slice(2)) };
  if (payload.startsWith('s:')) return { kind: 'session', tokenHash: payload.slice(2) };
  return { kind: 'all' }; // '*', or anything this version does not know: forgetting everything is always safe
}

export async function announceSessionChange(ctx: Pick<AppContext, 'db' | 'dialect'>, via: Executor, change: SessionChange): Promise<void> {
  forget(ctx.db, change);
  if (ctx.dialect === 'postgres') await sql`select pg_notify(${SESSIONS_CHANNEL}, ${encodeSessionChange(change)})`.execute(via);
}
