import crypto from 'node:crypto';
import type { Actor, Grant } from '../../../domain/roles.ts';
import { isRole } from '../../../domain/roles.ts';
import { normalizeText } from '../../../domain/text.ts';
import { fail } from '../../errors.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { recordAudit } from '../audit/repository.ts';
import * as repo from './repository.ts';
import { cacheSession, cachedSession, sessionReadStamp } from './session-cache.ts';
import { announceSessionChange } from './session-invalidation.ts';
import { burnVerification, hashPassword, hashToken, newToken, passwordProblem, verifyPassword } from './password.ts';
import { keysFor, recordFailedAttempt, releaseAttempt, reserveAttempt } from './throttle.ts';

const TOUCH_EVERY_MS = 5 * 60_000;

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: string;
  mustChangePassword: boolean;
}

export interface SessionInfo {
  tokenHash: string;
  expiresAt: string;
  csrfToken: string;
  mustChangePassword: boolean;
  displayName: string;
  actor: Actor;
}

function minutesAgo(ctx: AppContext, minutes: number): string {
  return new Date(ctx.clock.now().getTime() - minutes * 60_000).toISOString();
}

/**
 * A password is evaluated only inside a reserved slot of the account's and the address's failure budgets (see
 * throttle.ts); the slot stays a failure unless the password is right.
 */
export async function login(
  ctx: AppContext,
  input: { username: string; password: string; ip: string; userAgent?: string },
): Promise<LoginResult> {
  const username = normalizeText(input.username).toLowerCase();
  const reservation = await reserveAttempt(ctx, keysFor(ctx, username, input.ip));
  const user = await repo.findUserByUsername(ctx.db, username);
  const ok = user?.password_hash
    ? await verifyPassword(user.password_hash, input.password)
    : (await burnVerification(input.password), false);
  if (!user || !ok) {
    await recordFailedAttempt(ctx, reservation);
    throw fail('bad_credentials');
  }
  if (user.disabled) {
    await releaseAttempt(ctx.db, reservation);
    throw fail('account_disabled');
  }

  const token = newToken();
  const csrfToken = newToken();
  const now = nowIso(ctx);
  const expiresAt = new Date(ctx.clock.now().getTime() + ctx.config.sessionHours * 3_600_000).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertSession(trx, {
      token_hash: hashToken(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
      last_seen_at: now,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    });
    await repo.markLoggedIn(trx, user.id, now);
    await releaseAttempt(trx, reservation);
  });
  if (Math.random() < 0.01) await repo.deleteExpired(ctx.db, now, minutesAgo(ctx, 24 * 60));
  return { token, csrfToken, expiresAt, mustChangePassword: user.must_change_password === 1 };
}

export async function loadSession(ctx: AppContext, token: string): Promise<SessionInfo | null> {
  const tokenHash = hashToken(token);
  const now = ctx.clock.now();
  const cached = cachedSession(ctx.db, tokenHash, now.getTime());
  if (cached !== undefined && (!cached || cached.expiresAt > now.toISOString())) return cached;
  const stamp = sessionReadStamp(ctx.db);
  const info = await readSession(ctx, tokenHash, now);
  cacheSession(ctx.db, tokenHash, info, now.getTime(), stamp);
  return info;
}

async function readSession(ctx: AppContext, tokenHash: string, now: Date): Promise<SessionInfo | null> {
  const rows = await repo.findSessionWithGrants(ctx.db, tokenHash);
  const session = rows[0];
  if (!session || session.expires_at <= now.toISOString() || session.disabled) return null;
  if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS) {
    const expiresAt = new Date(now.getTime() + ctx.config.sessionHours * 3_600_000).toISOString();
    await repo.touchSession(ctx.db, tokenHash, now.toISOString(), expiresAt);
  }
  const grants: Grant[] = [];
  for (const g of rows) {
    if (g.role !== null && isRole(g.role) && g.grant_unit_id !== null && g.grant_unit_path !== null) {
      grants.push({ role: g.role, unitId: g.grant_unit_id, unitPath: g.grant_unit_path });
    }
  }
  return {
    tokenHash,
    expiresAt: session.expires_at,
    csrfToken: session.csrf_token,
    mustChangePassword: session.must_change_password === 1,
    displayName: session.display_name,
    actor: { userId: session.user_id, personId: session.person_id, username: session.username, grants },
  };
}

export async function logout(ctx: AppContext, tokenHash: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, tokenHash);
    await announceSessionChange(ctx, trx, { kind: 'session', tokenHash });
  });
}

/** The current password is a guess like a login's: it is checked inside a reserved slot of the same budgets. */
export async function changePassword(
  ctx: AppContext,
  session: SessionInfo,
  input: { currentPassword: string; newPassword: string; ip: string },
) {
  // What needs no verification is refused first, without spending a slot.
  const problem = passwordProblem(input.newPassword);
  if (problem) throw fail('weak_password', { reason: problem });
  if (input.newPassword === input.currentPassword) {
    throw fail('same_password');
  }
  const reservation = await reserveAttempt(ctx, keysFor(ctx, session.actor.username, input.ip));
  const user = await repo.findUserById(ctx.db, session.actor.userId);
  if (!user?.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    await recordFailedAttempt(ctx, reservation);
    throw fail('wrong_current_password');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await releaseAttempt(trx, reservation);
    await repo.setPassword(trx, user.id, passwordHash, false);
    await repo.deleteSessionsOfUser(trx, user.id, session.tokenHash);
    await announceSessionChange(ctx, trx, { kind: 'user', userId: user.id });
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: user.id,
      action: 'password.change',
      entityType: 'user',
      entityId: user.id,
      summary: `Đổi mật khẩu tài khoản ${user.username}`,
    });
  });
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
