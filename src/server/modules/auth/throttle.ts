/**
 * Login throttling that no burst gets through. A password is verified only after a slot was reserved: a row in
 * `login_failures` for the account, inserted by one statement only while the account and the address are both under
 * their limits in the window. The row counts as a failure from that moment (so the sixth of forty concurrent guesses
 * is refused without being evaluated); a correct password removes it and the account's earlier failures. On
 * PostgreSQL the statement runs after a transaction-scoped advisory lock on the account key, so concurrent
 * reservations on any number of app processes sharing the database see each other's rows; on SQLite one statement is
 * atomic.
 *
 * The address is charged only once a password proved wrong: a school's thousand correct logins in flight behind one
 * NAT during the login spike must not count against its budget (a burst may overshoot the address budget by what is
 * in flight; the per-account limit is what stops guessing).
 *
 * Refused attempts record nothing: they were not guesses, and an attacker cannot extend a lock by hammering it.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { formatTimeVi } from '../../../domain/datetime.ts';
import { normalizeText } from '../../../domain/text.ts';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/database.ts';
import { fail, type AppError } from '../../errors.ts';
import * as repo from './repository.ts';

export const FAILURE_WINDOW_MIN = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
/**
 * The first argument of pg_advisory_xact_lock(int, int): login keys share no lock with anything else (PostgreSQL keeps
 * the two-int key space apart from the bigint one that db/exclusive.ts and Kysely's migrator use).
 */
const LOCK_NAMESPACE = 0x4c4f4749; // "LOGI"

export interface ThrottleKey {
  key: string;
  limit: number;
  scope: 'account' | 'address';
}

const reservedNow = (k: ThrottleKey) => k.scope === 'account';

/** The slot reserved for one attempt: the rows to remove if the password turns out right. */
export interface Reservation {
  accountKey: string;
  /** Keys charged when the password turns out wrong (the address). */
  onFailure: string[];
  /** The account key's row: the account's failures up to it are cleared by a success. */
  accountRowId: number;
}

export function accountKey(username: string): string {
  return `u:${normalizeText(username).toLowerCase()}`;
}

export async function clearAccountFailures(db: Executor, username: string): Promise<void> {
  await db.deleteFrom('login_failures').where('key', '=', accountKey(username)).execute();
}

export function keysFor(ctx: AppContext, username: string, ip: string): ThrottleKey[] {
  return [
    { key: accountKey(username), limit: MAX_FAILURES_PER_ACCOUNT, scope: 'account' },
    { key: `ip:${ip}`, limit: ctx.config.loginFailuresPerIp, scope: 'address' },
  ];
}

function windowStart(ctx: AppContext): string {
  return new Date(ctx.clock.now().getTime() - FAILURE_WINDOW_MIN * 60_000).toISOString();
}

/** A signed 32-bit lock id per key; collisions only make two keys wait for each other. */
function lockId(key: string): number {
  return crypto.createHash('sha256').update(key).digest().readInt32BE(0);
}

/** Reserves a slot on every key, or throws 429 saying when to retry. */
export async function reserveAttempt(ctx: AppContext, keys: ThrottleKey[]): Promise<Reservation> {
  const now = ctx.clock.now().toISOString();
  const since = windowStart(ctx);
  const rows =
    ctx.dialect === 'postgres'
      ? await ctx.db.transaction().execute(async (trx) => {
          // One global order (by lock id) so that two attempts sharing keys cannot deadlock.
          for (const id of [...new Set(keys.filter(reservedNow).map((k) => lockId(k.key)))].sort((a, b) => a - b)) {
            await sql`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${id})`.execute(trx);
          }
          return repo.insertFailuresIfUnder(trx, keys, keys.filter(reservedNow), now, since);
        })
      : await repo.insertFailuresIfUnder(ctx.db, keys, keys.filter(reservedNow), now, since);
  const account = keys.find((k) => k.scope === 'account')!;
  const accountRow = rows.find((r) => r.key === account.key);
  if (accountRow) {
    return { accountKey: account.key, accountRowId: accountRow.id, onFailure: keys.filter((k) => !reservedNow(k)).map((k) => k.key) };
  }
  throw await refusal(ctx, keys, since);
}

/** The password was wrong: the account's reserved row stays as its failure, and the address is charged. */
export async function recordFailedAttempt(ctx: AppContext, reservation: Reservation): Promise<void> {
  const at = ctx.clock.now().toISOString();
  if (reservation.onFailure.length > 0) {
    await ctx.db
      .insertInto('login_failures')
      .values(reservation.onFailure.map((key) => ({ key, at })))
      .execute();
  }
}

/** The password was right: the attempt was no failure, and the account's failures before it are forgiven. */
export async function releaseAttempt(db: Executor, reservation: Reservation): Promise<void> {
  // The reserved row is the account's newest: clearing up to it removes the attempt and the failures before it.
  await repo.clearFailuresUpTo(db, reservation.accountKey, reservation.accountRowId);
}

async function refusal(ctx: AppContext, keys: ThrottleKey[], since: string): Promise<AppError> {
  const now = ctx.clock.now().getTime();
  // The account first: it is what the person can act on (wait, or ask for a reset).
  for (const scope of ['account', 'address'] as const) {
    const key = keys.find((k) => k.scope === scope);
    if (!key) continue;
    // Below the limit again once the limit-th newest failure leaves the window.
    const at = await repo.nthNewestFailure(ctx.db, key.key, since, key.limit);
    if (at) return throttled(scope, Math.max(Date.parse(at) + FAILURE_WINDOW_MIN * 60_000, now + 60_000), now);
  }
  // Freed in the meantime (a success elsewhere cleared the account): the next attempt goes through.
  return throttled('account', now + 60_000, now);
}

function throttled(scope: 'account' | 'address', retryAt: number, now: number): AppError {
  const minutes = Math.max(1, Math.ceil((retryAt - now) / 60_000));
  return fail(
    'login_throttled',
    { scope, minutes, at: formatTimeVi(new Date(retryAt).toISOString()) },
    {
      scope,
      retryAt: new Date(retryAt).toISOString(),
      retryAfterSeconds: Math.ceil((retryAt - now) / 1000),
    },
  );
}
