import { afterAll, beforeAll, expect, it } from 'vitest';
import { bootstrap } from '../../bootstrap.ts';
import { buildUser } from '../../test/builders.ts';
import { createTestEnv, describeEachDialect, login, type TestEnv } from '../../test/harness.ts';

describeEachDialect('auth', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
  });
  afterAll(async () => env.close());

  it('creates a first admin once, who must change the one-time password before anything else', async () => {
    const admin = await bootstrap(env.ctx);
    expect(admin?.username).toBe('admin');
    expect(await bootstrap(env.ctx)).toBeNull();
    const stored = await env.ctx.db.selectFrom('users').select('password_hash').where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    expect(stored.password_hash).not.toContain(admin!.password);

    const session = await login(env.app, 'admin', admin!.password);
    const blocked = await session.request('GET', '/api/units');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');

    const weak = await session.request('POST', '/api/auth/change-password', { currentPassword: admin!.password, newPassword: 'abc' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toContain('ít nhất 8 ký tự');
    const changed = await session.request('POST', '/api/auth/change-password', {
      currentPassword: admin!.password,
      newPassword: 'MatKhauMoi2026',
    });
    expect(changed.statusCode).toBe(200);
    expect((await session.request('GET', '/api/units')).statusCode).toBe(200);
    expect((await session.request('GET', '/api/auth/me')).json().mustChangePassword).toBe(false);
  });

  it('uses opaque httpOnly SameSite session cookies, stored only as a hash', async () => {
    const user = await buildUser(env.ctx);
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: user.password },
    });
    const cookie = res.cookies.find((c) => c.name === 'bd_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.value.length).toBeGreaterThanOrEqual(40);
    const rows = await env.ctx.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === cookie.value)).toBe(false);
  });

  it('refuses a state-changing request without the CSRF header', async () => {
    const user = await buildUser(env.ctx);
    const session = await login(env.app, user.username, user.password);
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: { cookie: session.cookie },
      payload: { currentPassword: user.password, newPassword: 'KhacHan12345' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
  });

  it('says the same thing for an unknown user and a wrong password', async () => {
    const user = await buildUser(env.ctx);
    const unknown = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '127.0.0.20',
      payload: { username: 'khongton', password: 'x' },
    });
    const wrong = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '127.0.0.20',
      payload: { username: user.username, password: 'sai' },
    });
    expect([unknown.statusCode, wrong.statusCode]).toEqual([401, 401]);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('ends the session on logout', async () => {
    const user = await buildUser(env.ctx);
    const session = await login(env.app, user.username, user.password);
    expect((await session.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await session.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('answers /healthz with the database reachable', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: dialect });
  });
});
