import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { ROLE_LABELS } from '../../../domain/roles.ts';
import { clearSessionCookies, requireActor, setSessionCookies } from '../../plugins/auth.ts';
import * as repo from './repository.ts';
import { OkReply } from '../../lib/schemas.ts';
import { ChangePasswordBody, LoginBody, LoginInfoReply, LoginReply, MeReply } from './schemas.ts';
import * as service from './service.ts';
import { AppError } from '../../errors.ts';

/** A refused attempt says when to come back, in the message and as Retry-After. */
async function withRetryAfter<T>(reply: FastifyReply, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    const seconds =
      error instanceof AppError && error.code === 'login_throttled'
        ? (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds
        : undefined;
    if (seconds) reply.header('retry-after', String(seconds));
    throw error;
  }
}

let warnedForwardedFor = false;
/**
 * Behind a proxy with TRUST_PROXY off, every request seems to come from the proxy: everyone would share one address's
 * login budget. Said once per process, in the log.
 */
function warnIfProxiedUntrusted(request: FastifyRequest, ctx: AppContext) {
  if (warnedForwardedFor || ctx.config.trustProxy !== false || !request.headers['x-forwarded-for']) return;
  warnedForwardedFor = true;
  request.log.warn(
    'Yêu cầu có X-Forwarded-For nhưng TRUST_PROXY chưa đặt: mọi người dùng sau proxy sẽ bị coi là '
      + 'cùng một địa chỉ (giới hạn đăng nhập sai tính chung). Đặt TRUST_PROXY=1 hoặc địa chỉ của proxy.',
  );
}

export const authRoutes: RouteModule = async (app, { ctx }) => {
  app.get('/api/auth/login-info', { config: { public: true }, schema: { response: { 200: LoginInfoReply } } }, async () => ({
    edgeSite: ctx.edge?.siteName ?? null,
  }));

  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: { body: LoginBody, response: { 200: LoginReply } },
    },
    async (request, reply) => {
      warnIfProxiedUntrusted(request, ctx);
      const result = await withRetryAfter(reply, () =>
        service.login(ctx, {
          username: request.body.username,
          password: request.body.password,
          ip: request.ip,
          userAgent: request.headers['user-agent'],
        }),
      );
      setSessionCookies(reply, ctx, result.token, result.csrfToken, result.expiresAt);
      return { mustChangePassword: result.mustChangePassword, csrfToken: result.csrfToken };
    },
  );

  // Public: signing out with an expired session still clears the cookies.
  app.post('/api/auth/logout', { config: { public: true }, schema: { response: { 200: OkReply } } }, async (request, reply) => {
    if (request.auth) await service.logout(ctx, request.auth.tokenHash);
    clearSessionCookies(reply);
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { response: { 200: MeReply } } }, async (request) => {
    const actor = requireActor(request);
    const auth = request.auth!;
    const grants = await repo.grantsOfUser(ctx.db, actor.userId);
    return {
      userId: actor.userId,
      username: actor.username,
      displayName: auth.displayName,
      personId: actor.personId,
      mustChangePassword: auth.mustChangePassword,
      csrfToken: auth.csrfToken,
      grants: grants.map((g) => ({
        role: g.role,
        roleLabel: ROLE_LABELS[g.role as keyof typeof ROLE_LABELS] ?? g.role,
        unitId: g.unit_id,
        unitName: g.unit_name,
      })),
    };
  });

  app.post('/api/auth/change-password', { schema: { body: ChangePasswordBody, response: { 200: OkReply } } }, async (request, reply) => {
    requireActor(request);
    await withRetryAfter(reply, () => service.changePassword(ctx, request.auth!, { ...request.body, ip: request.ip }));
    return { ok: true };
  });
};
