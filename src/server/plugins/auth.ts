import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/roles.ts';
import { fail } from '../errors.ts';
import type { AppContext } from '../context.ts';
import { loadSession, safeEqual, type SessionInfo } from '../modules/auth/service.ts';
import '../lib/route-module.ts';

export const SESSION_COOKIE = 'bd_session';
export const CSRF_COOKIE = 'bd_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    auth: SessionInfo | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Routes an account that must change its password may still call.
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['/api/auth/me', '/api/auth/logout', '/api/auth/change-password']);

export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.auth = await loadSession(ctx, token);
    // Closed by default: a route answers without a session only when it says `config: { public: true }`.
    const open = request.routeOptions.config?.public === true;
    if (!open && !request.auth) throw fail('unauthenticated');
    if (UNSAFE.has(request.method) && request.auth && request.url !== '/api/auth/login') {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !safeEqual(header, request.auth.csrfToken)) throw fail('csrf_failed');
    }
    if (!open) requireActor(request);
  });
}

export function setSessionCookies(reply: FastifyReply, ctx: AppContext, token: string, csrfToken: string, expiresAt: string) {
  const common = { path: '/', sameSite: 'lax' as const, secure: ctx.config.secureCookies, expires: new Date(expiresAt) };
  reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/**
 * The signed-in actor, or 401; 403 until a first-login password change is done. The hook above has already refused
 * both on every route that is not public; this gives the handler the actor's type.
 */
export function requireActor(request: FastifyRequest): Actor {
  const auth = request.auth;
  if (!auth) throw fail('unauthenticated');
  if (auth.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(request.routeOptions.url ?? '')) {
    throw fail('password_change_required');
  }
  return auth.actor;
}
