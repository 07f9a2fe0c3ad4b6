import { can, canGrant, isRole, ROLE_LABELS, scopeOf, type Actor, type Role } from '../../../domain/roles.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { announceSessionChange } from '../auth/session-invalidation.ts';
import { clearAccountFailures } from '../auth/throttle.ts';
import { recordAudit } from '../audit/repository.ts';
import { generateInitialPassword, hashPassword } from '../auth/password.ts';
import { unitForActor } from '../units/service.ts';
import { formatDateTimeVi } from '../../../domain/datetime.ts';
import type { LoginSlip } from './login-slips-xlsx.ts';
import * as repo from './repository.ts';

export const MAX_SLIPS_PER_BATCH = 3000;

/**
 * The account if the actor may manage it: it lies in their subtree and every role it holds is one the actor
 * could grant — a principal cannot take over an organiser's account by resetting its password.
 */
async function accountForActor(ctx: AppContext, actor: Actor, userId: number) {
  const account = await repo.findAccount(ctx.db, userId);
  const isAdmin = actor.grants.some((g) => g.role === 'admin');
  if (!account) throw fail('user_not_found');
  if (!account.unit_path) {
    if (!isAdmin) throw fail('user_not_found');
    return account;
  }
  if (!can(actor, 'roster.read', account.unit_path)) throw fail('user_not_found');
  if (!can(actor, 'accounts.manage', account.unit_path)) throw fail('forbidden', { action: 'quản lý tài khoản này' });
  const held = await repo.grantsOfUsers(ctx.db, [account.id]);
  if (!held.every((g) => isRole(g.role) && canGrant(actor, g.role, g.path))) {
    throw fail('forbidden', { action: 'quản lý tài khoản có vai trò cao hơn của bạn' });
  }
  return account;
}

export async function listGrants(ctx: AppContext, actor: Actor, unitId?: number) {
  let scopes = scopeOf(actor, 'accounts.manage');
  if (scopes.length === 0) throw fail('forbidden', { action: 'xem phân quyền' });
  if (unitId !== undefined) scopes = [(await unitForActor(ctx.db, actor, unitId, 'accounts.manage')).path];
  const rows = await repo.grantsInScopes(ctx.db, scopes);
  return rows.map((r) => ({
    grantId: r.id,
    role: r.role,
    roleLabel: ROLE_LABELS[r.role as Role] ?? r.role,
    unitId: r.unit_id,
    unitName: r.unit_name,
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    personId: r.person_id,
    hasLoggedIn: Boolean(r.last_login_at),
    disabled: r.disabled === 1,
  }));
}

export async function grantRole(ctx: AppContext, actor: Actor, input: { userId: number; role: string; unitId: number }) {
  if (!isRole(input.role)) throw fail('invalid_role');
  const role = input.role;
  return ctx.db.transaction().execute(async (trx) => {
    const account = await accountForActor({ ...ctx, db: trx }, actor, input.userId);
    const unit = await unitForActor(trx, actor, input.unitId, 'roster.read');
    if (!canGrant(actor, role, unit.path)) throw fail('forbidden', { action: `giao vai trò ${ROLE_LABELS[role]} tại ${unit.name}` });
    if (await repo.grantExists(trx, account.id, role, unit.id)) {
      throw fail('grant_exists', { name: account.display_name, role: ROLE_LABELS[role], unit: unit.name });
    }
    const now = nowIso(ctx);
    const id = await repo.insertGrant(trx, { userId: account.id, role, unitId: unit.id, grantedBy: actor.userId, at: now });
    await announceSessionChange(ctx, trx, { kind: 'user', userId: account.id });
    await recordAudit(trx, {
      at: now,
      actorUserId: actor.userId,
      action: 'role.grant',
      entityType: 'user',
      entityId: account.id,
      unitId: unit.id,
      summary: `Giao vai trò ${ROLE_LABELS[role]} tại ${unit.name} cho ${account.display_name} (${account.username})`,
    });
    return { grantId: id };
  });
}

export async function revokeRole(ctx: AppContext, actor: Actor, grantId: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const grant = await repo.findGrant(trx, grantId);
    if (!grant || !can(actor, 'accounts.manage', grant.path)) throw fail('grant_not_found');
    const role = grant.role as Role;
    if (!canGrant(actor, role, grant.path)) throw fail('forbidden', { action: `thu hồi vai trò ${ROLE_LABELS[role] ?? role}` });
    if (role === 'admin' && (await repo.countAdmins(trx)) <= 1) {
      throw fail('last_admin');
    }
    const account = await repo.findAccount(trx, grant.user_id);
    await repo.deleteGrant(trx, grantId);
    await announceSessionChange(ctx, trx, { kind: 'user', userId: grant.user_id });
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'role.revoke',
      entityType: 'user',
      entityId: grant.user_id,
      unitId: grant.unit_id,
      summary: `Thu hồi vai trò ${ROLE_LABELS[role] ?? role} tại ${grant.unit_name} của ${account?.display_name} (${account?.username})`,
    });
  });
}

export async function resetPassword(ctx: AppContext, actor: Actor, userId: number) {
  const account = await accountForActor(ctx, actor, userId);
  const password = generateInitialPassword();
  const hash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso(ctx);
    await repo.setInitialPassword(trx, account.id, hash, now);
    await announceSessionChange(ctx, trx, { kind: 'user', userId: account.id });
    // A new password lifts a lock from wrong guesses: the person given new slips can sign in at once.
    await clearAccountFailures(trx, account.username);
    await recordAudit(trx, {
      at: now,
      actorUserId: actor.userId,
      action: 'password.reset',
      entityType: 'user',
      entityId: account.id,
      summary: `Cấp lại mật khẩu ban đầu cho ${account.display_name} (${account.username})`,
    });
  });
  return { username: account.username, password };
}

export async function setAccountDisabled(ctx: AppContext, actor: Actor, userId: number, disabled: boolean) {
  if (userId === actor.userId) throw fail('self_disable');
  const account = await accountForActor(ctx, actor, userId);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setDisabled(trx, account.id, disabled);
    await announceSessionChange(ctx, trx, { kind: 'user', userId: account.id });
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: disabled ? 'account.disable' : 'account.enable',
      entityType: 'user',
      entityId: account.id,
      summary: `${disabled ? 'Khóa' : 'Mở khóa'} tài khoản ${account.display_name} (${account.username})`,
    });
  });
}

/** The accounts of a subtree that have not logged in and that the actor may give slips to. */
async function slipCandidates(ctx: AppContext, actor: Actor, unitId: number) {
  const unit = await unitForActor(ctx.db, actor, unitId, 'accounts.manage');
  const candidates = await repo.accountsForSlips(ctx.db, unit.path, false);
  const held = await repo.grantsOfUsers(
    ctx.db,
    candidates.map((a) => a.id),
  );
  const beyondActor = new Set(held.filter((g) => !isRole(g.role) || !canGrant(actor, g.role, g.path)).map((g) => g.user_id));
  const accounts = candidates.filter((a) => !beyondActor.has(a.id));
  const issued = accounts.filter((a) => Number(a.has_password) === 1);
  const lastIssuedAt = issued.reduce<string | null>(
    (last, a) => (a.initial_password_issued_at && (!last || a.initial_password_issued_at > last) ? a.initial_password_issued_at : last),
    null,
  );
  return { unit, pending: accounts.filter((a) => Number(a.has_password) !== 1), issued, lastIssuedAt };
}

/** What printing slips for a unit would do: accounts without a password yet, and those whose slips are out already. */
export async function loginSlipsSummary(ctx: AppContext, actor: Actor, unitId: number) {
  const { pending, issued, lastIssuedAt } = await slipCandidates(ctx, actor, unitId);
  return { pending: pending.length, issued: issued.length, lastIssuedAt };
}

/**
 * Sets initial passwords for the accounts of a subtree that have none yet and returns their slips. An initial password
 * already set (slips printed earlier, not used yet) is never replaced silently: only `reissue` — the page's explicit
 * "Cấp lại mật khẩu ban đầu" — sets new ones for those accounts too, voiding their printed slips.
 * The passwords exist in clear only in the returned slips.
 */
export async function issueLoginSlips(
  ctx: AppContext,
  actor: Actor,
  unitId: number,
  options: { reissue?: boolean } = {},
): Promise<{ unitName: string; slips: LoginSlip[]; reissued: number }> {
  const { unit, pending, issued: alreadyIssued, lastIssuedAt } = await slipCandidates(ctx, actor, unitId);
  const accounts = options.reissue
    ? [...pending, ...alreadyIssued].sort((a, b) =>
        a.path === b.path ? (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : 0) : a.path < b.path ? -1 : 1,
      )
    : pending;
  if (accounts.length === 0 && alreadyIssued.length > 0) {
    throw fail('slips_already_issued', {
      count: alreadyIssued.length,
      unit: unit.name,
      lastIssuedAt: lastIssuedAt ? formatDateTimeVi(lastIssuedAt) : undefined,
    });
  }
  if (accounts.length > MAX_SLIPS_PER_BATCH) {
    throw fail('too_many_slips', { count: accounts.length, max: MAX_SLIPS_PER_BATCH });
  }
  const issued: { id: number; slip: LoginSlip; hash: string }[] = [];
  const BATCH = 8;
  for (let i = 0; i < accounts.length; i += BATCH) {
    const part = accounts.slice(i, i + BATCH);
    issued.push(
      ...(await Promise.all(
        part.map(async (a) => {
          const password = generateInitialPassword();
          return {
            id: a.id,
            hash: await hashPassword(password),
            slip: { fullName: a.full_name, unitName: a.unit_name, username: a.username, initialPassword: password },
          };
        }),
      )),
    );
  }
  await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso(ctx);
    for (const item of issued) await repo.setInitialPassword(trx, item.id, item.hash, now);
    // These accounts have not signed in, so they hold no session; announced all the same, once for the batch.
    if (issued.length > 0) await announceSessionChange(ctx, trx, { kind: 'all' });
    const reissued = options.reissue ? alreadyIssued.length : 0;
    await recordAudit(trx, {
      at: now,
      actorUserId: actor.userId,
      action: reissued > 0 ? 'slips.reissue' : 'slips.issue',
      entityType: 'unit',
      entityId: unit.id,
      unitId: unit.id,
      summary:
        reissued > 0
          ? `In ${issued.length} phiếu đăng nhập cho ${unit.name}, cấp lại mật khẩu ban đầu của ${reissued} tài khoản đã có phiếu`
          : `In ${issued.length} phiếu đăng nhập cho ${unit.name} (tài khoản chưa có mật khẩu)`,
    });
  });
  return { unitName: unit.name, slips: issued.map((i) => i.slip), reissued: options.reissue ? alreadyIssued.length : 0 };
}
