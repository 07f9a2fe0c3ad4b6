import type { FastifyInstance } from 'fastify';
import { ROLE_LABELS } from '../../../domain/roles.ts';
import type { AppContext } from '../../context.ts';
import { clearSessionCookies, requireActor, setSessionCookies } from '../../plugins/auth.ts';
import * as repo from './repository.ts';
import { ChangePasswordBody, LoginBody, MeReply } from './schemas.ts';
import * as service from './service.ts';

export async function authRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post<{ Body: LoginBody }>('/api/auth/login', {
    schema: { body: LoginBody },
  }, async (request, reply) => {
    const result = await service.login(ctx, {
      username: request.body.username, password: request.body.password,
      ip: request.ip, userAgent: request.headers['user-agent'],
    });
    setSessionCookies(reply, ctx, result.token, result.csrfToken, result.expiresAt);
    return { mustChangePassword: result.mustChangePassword, csrfToken: result.csrfToken };
  });

  app.post('/api/auth/logout', async (request, reply) => {
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
        role: g.role, roleLabel: ROLE_LABELS[g.role as keyof typeof ROLE_LABELS] ?? g.role,
        unitId: g.unit_id, unitName: g.unit_name,
      })),
    };
  });

  app.post<{ Body: ChangePasswordBody }>('/api/auth/change-password', { schema: { body: ChangePasswordBody } },
    async (request) => {
      requireActor(request);
      await service.changePassword(ctx, request.auth!, request.body);
      return { ok: true };
    });
}
