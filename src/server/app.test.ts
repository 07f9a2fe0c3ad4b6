import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RouteOptions } from 'fastify';
import { Type } from '@fastify/type-provider-typebox';
import type { RouteModule } from './lib/route-module.ts';
import { createTestEnv, describeEachDialect, type TestEnv } from './test/harness.ts';

const SUCCESS = /^(2\d\d|2xx)$/;

function routeName(route: RouteOptions): string {
  return `${String(route.method)} ${route.url}`;
}

/** A route added by a test module after the app's own, as a new feature would add one. */
const probeRoutes: RouteModule = async (app) => {
  app.get('/api/probe', { schema: { response: { 200: Type.Object({ ok: Type.Boolean() }) } } }, async () => ({ ok: true }));
};

describeEachDialect('the route contract', (dialect) => {
  const routes: RouteOptions[] = [];
  let env: TestEnv;

  beforeAll(async () => {
    env = await createTestEnv(dialect, { onRoute: (route) => routes.push(route) });
    await env.app.register(probeRoutes, { ctx: env.ctx });
  });
  afterAll(async () => env.close());

  const appRoutes = () => routes.filter((r) => r.method !== 'HEAD' && r.url !== '/api/probe');

  it('declares a response schema for every success a JSON route sends; files say config.file', () => {
    expect(appRoutes().length).toBeGreaterThan(100);
    const missing = appRoutes()
      .filter((r) => r.config?.file !== true)
      .filter((r) => !Object.keys((r.schema?.response ?? {}) as object).some((code) => SUCCESS.test(code)))
      .map(routeName);
    expect(missing).toEqual([]);
  });

  it('keeps file routes free of a JSON response schema (a file flag on a JSON route would hide it)', () => {
    const both = appRoutes()
      .filter((r) => r.config?.file === true && r.schema?.response)
      .map(routeName);
    expect(both).toEqual([]);
  });

  it("opens only the sign-in routes (and what the login page says), the health check and the edge servers' sync (signed by its own token) without a session", () => {
    const open = appRoutes()
      .filter((r) => r.config?.public === true)
      .map(routeName)
      .sort();
    expect(open).toEqual([
      'GET /api/auth/login-info',
      'GET /healthz',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'POST /api/edge/sync',
    ]);
  });

  it('refuses a route without the public flag when there is no session', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/probe' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 'unauthenticated', message: 'Vui lòng đăng nhập.' });
  });
});
