import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatTimeVi } from '../../../domain/datetime.ts';
import { buildApp } from '../../app.ts';
import type { AppContext } from '../../context.ts';
import { openDatabase, type DatabaseHandle } from '../../db/database.ts';
import { buildUser } from '../../test/builders.ts';
import { createTestEnv, describeEachDialect, login, type TestEnv } from '../../test/harness.ts';

const MINUTE = 60_000;

function countCodes(replies: LightMyRequestResponse[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const reply of replies) {
    const code = reply.statusCode === 200 ? 'ok' : (reply.json().code as string);
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

describeEachDialect('login throttling', (dialect) => {
  let env: TestEnv;
  // The app's clock, moved by the tests: windows pass without waiting.
  let nowMs = Math.floor(Date.now() / MINUTE) * MINUTE;
  const clock = { now: () => new Date(nowMs) };
  // A second app process on the same database (its own connection or pool), as several nodes behind a proxy.
  let second: { app: FastifyInstance; handle: DatabaseHandle };

  beforeAll(async () => {
    env = await createTestEnv(dialect, { clock });
    const handle = openDatabase({ dataDir: env.dataDir, databaseUrl: env.ctx.config.databaseUrl, poolSize: 4 });
    const ctx: AppContext = { ...env.ctx, db: handle.db };
    second = { app: await buildApp(ctx, { serveWeb: false }), handle };
  });
  afterAll(async () => {
    await second.app.close();
    await second.handle.destroy();
    await env.close();
  });

  const post = (
    app: FastifyInstance,
    username: string,
    password: string,
    remoteAddress = '127.0.0.1',
    headers: Record<string, string> = {},
  ) => app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, headers, payload: { username, password } });

  it('evaluates exactly 5 of 40 concurrent wrong passwords on two app instances, then refuses the right one until the window has passed', async () => {
    const user = await buildUser(env.ctx);
    const other = await buildUser(env.ctx);
    const started = nowMs;
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) => post(i % 2 === 0 ? env.app : second.app, user.username, `sai-${i}`, '10.0.0.1')),
    );
    expect(countCodes(burst)).toEqual({ bad_credentials: 5, login_throttled: 35 });
    const refused = burst.find((r) => r.statusCode === 429)!;
    const retryAt = formatTimeVi(new Date(started + 15 * MINUTE).toISOString());
    expect(refused.json().message).toBe(
      'Tài khoản tạm khoá vì nhập sai mật khẩu quá nhiều lần. ' + `Vui lòng thử lại sau 15 phút (lúc ${retryAt}).`,
    );
    expect(refused.json().details).toMatchObject({ scope: 'account', retryAfterSeconds: 900 });
    expect(refused.headers['retry-after']).toBe('900');

    // The right password is refused too, on either node and from any address: it was not evaluated.
    for (const [app, from] of [
      [env.app, '10.0.0.1'],
      [second.app, '10.0.0.2'],
    ] as const) {
      const right = await post(app, user.username, user.password, from);
      expect(right.statusCode).toBe(429);
      expect(right.json().code).toBe('login_throttled');
    }
    // Another account behind the same address signs in.
    expect((await post(env.app, other.username, other.password, '10.0.0.1')).statusCode).toBe(200);

    nowMs += 14 * MINUTE;
    const later = await post(env.app, user.username, user.password, '10.0.0.1');
    expect(later.statusCode).toBe(429);
    expect(later.json().message).toContain(`thử lại sau 1 phút (lúc ${retryAt})`);
    nowMs += MINUTE;
    expect((await post(second.app, user.username, user.password, '10.0.0.1')).statusCode).toBe(200);
    // A success forgives the account's earlier failures: a typo afterwards is one failure, not the sixth.
    expect((await post(env.app, user.username, 'sai', '10.0.0.1')).json().code).toBe('bad_credentials');
  });

  it('lets a school behind one address keep signing in: 60 failures on other accounts, and one locked account, stop no one else', async () => {
    const school = '10.0.1.1';
    const [locked, teacher, principal] = [await buildUser(env.ctx), await buildUser(env.ctx), await buildUser(env.ctx)];
    for (let batch = 0; batch < 6; batch++) {
      const replies = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          post(batch % 2 === 0 ? env.app : second.app, `khong-co-${batch * 10 + i}`, 'doan-sai', school),
        ),
      );
      expect(countCodes(replies)).toEqual({ bad_credentials: 10 });
    }
    for (let i = 0; i < 5; i++) expect((await post(env.app, locked.username, 'sai', school)).statusCode).toBe(401);
    expect((await post(env.app, locked.username, locked.password, school)).json().details.scope).toBe('account');

    expect((await post(env.app, teacher.username, teacher.password, school)).statusCode).toBe(200);
    expect((await post(second.app, principal.username, principal.password, school)).statusCode).toBe(200);
  });

  it('refuses an address past its failure budget, whichever accounts it tries, on every node, and says when to retry', async () => {
    const budget = env.ctx.config.loginFailuresPerIp;
    env.ctx.config.loginFailuresPerIp = 20;
    try {
      const user = await buildUser(env.ctx);
      const started = nowMs;
      // A school's correct logins in flight together never count against its address.
      const school = await Promise.all(Array.from({ length: 30 }, () => buildUser(env.ctx)));
      const spike = await Promise.all(school.map((u, i) => post(i % 2 === 0 ? env.app : second.app, u.username, u.password, '10.0.2.1')));
      expect(countCodes(spike)).toEqual({ ok: 30 });

      const burst = await Promise.all(
        Array.from({ length: 20 }, (_, i) => post(i % 2 === 0 ? env.app : second.app, `phun-${i}`, 'MatKhau123', '10.0.2.1')),
      );
      expect(countCodes(burst)).toEqual({ bad_credentials: 20 });
      const more = await post(second.app, 'phun-20', 'MatKhau123', '10.0.2.1');
      expect(more.json().code).toBe('login_throttled');

      // Now even a correct password from that address waits; from another address it is fine.
      const refused = await post(env.app, user.username, user.password, '10.0.2.1');
      expect(refused.statusCode).toBe(429);
      expect(refused.json().details.scope).toBe('address');
      expect(refused.json().message).toContain(
        'từ địa chỉ mạng này. Vui lòng thử lại sau 15 phút ' + `(lúc ${formatTimeVi(new Date(started + 15 * MINUTE).toISOString())})`,
      );
      expect((await post(second.app, user.username, user.password, '10.0.2.2')).statusCode).toBe(200);

      nowMs += 15 * MINUTE;
      expect((await post(second.app, user.username, user.password, '10.0.2.1')).statusCode).toBe(200);
    } finally {
      env.ctx.config.loginFailuresPerIp = budget;
    }
  });

  it('throttles change-password like login: a wrong current password counts against the account', async () => {
    const user = await buildUser(env.ctx);
    const session = await login(env.app, user.username, user.password);
    const change = (currentPassword: string, newPassword = 'MatKhauMoi2027') =>
      session.request('POST', '/api/auth/change-password', { currentPassword, newPassword });

    // Refused without a guess being spent: the new password is checked first.
    expect((await change('sai', 'abc')).json().code).toBe('weak_password');
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => change(`sai-${i}`)));
    expect(countCodes(burst)).toEqual({ wrong_current_password: 5, login_throttled: 7 });
    expect(burst.find((r) => r.statusCode === 429)!.json().message).toContain('thử lại sau 15 phút');

    const right = await change(user.password);
    expect(right.statusCode).toBe(429);
    // The same budget as login's: the account cannot be guessed through either door.
    expect((await post(second.app, user.username, user.password, '10.0.3.1')).statusCode).toBe(429);

    nowMs += 15 * MINUTE;
    expect((await change(user.password)).statusCode).toBe(200);
    expect((await post(env.app, user.username, 'MatKhauMoi2027', '10.0.3.1')).statusCode).toBe(200);
  });

  it('takes the client address from the trusted proxy, never from a forged X-Forwarded-For entry', async () => {
    const user = await buildUser(env.ctx);
    const ipOf = async (app: FastifyInstance, remoteAddress: string, forwardedFor: string) => {
      await env.ctx.db.deleteFrom('sessions').where('user_id', '=', user.userId).execute();
      const res = await post(app, user.username, user.password, remoteAddress, { 'x-forwarded-for': forwardedFor });
      expect(res.statusCode).toBe(200);
      const session = await env.ctx.db.selectFrom('sessions').select('ip').where('user_id', '=', user.userId).executeTakeFirstOrThrow();
      return session.ip;
    };
    const withProxy = async (trustProxy: AppContext['config']['trustProxy']) =>
      buildApp({ ...env.ctx, config: { ...env.ctx.config, trustProxy } }, { serveWeb: false });
    const hops = await withProxy(1);
    const listed = await withProxy(['10.0.0.0/8', '127.0.0.1']);
    try {
      // nginx appends the peer it saw; whatever the client wrote before it is ignored.
      expect(await ipOf(hops, '127.0.0.1', '6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
      expect(await ipOf(hops, '127.0.0.1', '203.0.113.7')).toBe('203.0.113.7');
      expect(await ipOf(listed, '10.1.1.1', '6.6.6.6, 203.0.113.8')).toBe('203.0.113.8');
      // A client that is not a listed proxy cannot name itself.
      expect(await ipOf(listed, '198.51.100.4', '203.0.113.8')).toBe('198.51.100.4');
      // Without TRUST_PROXY the header means nothing.
      expect(await ipOf(env.app, '198.51.100.5', '203.0.113.9')).toBe('198.51.100.5');

      // Forged leading entries do not escape the limits: the failures land on the real address.
      const victim = await buildUser(env.ctx);
      for (let i = 0; i < 5; i++) {
        const res = await post(hops, victim.username, 'sai', '127.0.0.1', { 'x-forwarded-for': `6.6.6.${i}, 203.0.113.10` });
        expect(res.statusCode).toBe(401);
      }
      const ipFailures = await env.ctx.db
        .selectFrom('login_failures')
        .select('key')
        .where((eb) => eb.or([eb('key', 'like', 'ip:6.6.6.%'), eb('key', '=', 'ip:203.0.113.10')]))
        .execute();
      expect(ipFailures.map((r) => r.key)).toEqual(Array(5).fill('ip:203.0.113.10'));
    } finally {
      await hops.close();
      await listed.close();
    }
  });
});
