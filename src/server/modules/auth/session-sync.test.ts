/**
 * Two app processes on one database keep sessions in their own caches (minutes, not seconds); a logout, a password
 * change, a disabled account or a revoked role on one is honoured by the other as soon as it is announced — well before
 * any cache lifetime could expire. On SQLite only one process serves; there the second app reads the same file and
 * learns of the first's commits through PRAGMA data_version.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { ensureRootUnit } from '../../bootstrap.ts';
import { systemClock, type AppContext } from '../../context.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../db/database.ts';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { createPgDatabase, describeEachDialect } from '../../test/harness.ts';
import { Connection } from '../../test/http-connection.ts';
import { spawnServer, type ServerProcess } from '../../test/server-process.ts';

/** Within this, the other node must refuse; its cache would otherwise keep the session for 10 minutes. */
const HONOURED_WITHIN_MS = 2500;

async function signIn(port: number, username: string, password: string): Promise<Connection> {
  const conn = new Connection('127.0.0.1', port);
  const r = await conn.request<{ csrfToken: string }>('POST', '/api/auth/login', { username, password });
  expect(r.status).toBe(200);
  conn.cookie = r.cookies.map((c) => c.split(';')[0]).join('; ');
  conn.csrf = r.body.csrfToken;
  return conn;
}

/** The same browser session, sent to another node. */
function sameSessionOn(port: number, conn: Connection): Connection {
  const other = new Connection('127.0.0.1', port);
  other.cookie = conn.cookie;
  other.csrf = conn.csrf;
  return other;
}

async function statusWithin(conn: Connection, url: string, expected: number): Promise<number> {
  const until = Date.now() + HONOURED_WITHIN_MS;
  for (;;) {
    const { status } = await conn.request('GET', url);
    if (status === expected || Date.now() > until) return status;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describeEachDialect('sessions cached by two app processes', (dialect) => {
  let dataDir: string;
  let pg: Awaited<ReturnType<typeof createPgDatabase>> | undefined;
  let handle: DatabaseHandle;
  let ctx: AppContext;
  const servers: ServerProcess[] = [];
  const conns: Connection[] = [];
  let school: Awaited<ReturnType<typeof buildUnit>>;
  let admin: Awaited<ReturnType<typeof buildUser>>;
  let adminOnA: Connection;
  const a = () => servers[0].port;
  // SQLite serves from one process: both "nodes" are that process, and the external writer is this test's connection.
  const b = () => servers[dialect === 'postgres' ? 1 : 0].port;
  const track = (c: Connection) => (conns.push(c), c);

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-session-sync-'));
    pg = dialect === 'postgres' ? await createPgDatabase() : undefined;
    const config = { ...loadConfig({}), dataDir, databaseUrl: pg?.url, logLevel: 'silent' };
    handle = openDatabase(config);
    await migrateToLatest(handle.db);
    ctx = { db: handle.db, dialect, config, clock: systemClock };
    const root = await ensureRootUnit(ctx);
    school = await buildUnit(ctx, { name: 'Trường THCS Lê Lợi', schoolLevel: 'thcs' });
    admin = await buildUser(ctx, { roles: [{ role: 'admin', unit: root }] });
    servers.push(await spawnServer({ dataDir, databaseUrl: pg?.url }));
    if (dialect === 'postgres') servers.push(await spawnServer({ dataDir, databaseUrl: pg?.url }));
    adminOnA = track(await signIn(a(), admin.username, admin.password));
  }, 120_000);

  afterAll(async () => {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
    for (const c of conns) c.close();
    await handle?.destroy();
    await pg?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a logout on one node ends the session on the other', async () => {
    const user = await buildUser(ctx, { unit: school });
    const onA = track(await signIn(a(), user.username, user.password));
    const onB = track(sameSessionOn(b(), onA));
    expect((await onB.request('GET', '/api/auth/me')).status).toBe(200); // now cached on B
    expect((await onA.request('POST', '/api/auth/logout')).status).toBe(200);
    expect(await statusWithin(onB, '/api/auth/me', 401)).toBe(401);
  });

  it('a disabled account is refused on the other node', async () => {
    const user = await buildUser(ctx, { unit: school });
    const onA = track(await signIn(a(), user.username, user.password));
    const onB = track(sameSessionOn(b(), onA));
    expect((await onB.request('GET', '/api/auth/me')).status).toBe(200);
    const r = await adminOnA.request('POST', `/api/accounts/${user.userId}/disabled`, { disabled: true });
    expect(r.status).toBe(200);
    expect(await statusWithin(onB, '/api/auth/me', 401)).toBe(401);
  });

  it('a revoked role stops working on the other node, a granted one starts', async () => {
    const user = await buildUser(ctx, { unit: school, roles: [{ role: 'unit_manager', unit: school }] });
    const onA = track(await signIn(a(), user.username, user.password));
    const onB = track(sameSessionOn(b(), onA));
    const people = `/api/people?unitId=${school.id}`;
    expect((await onB.request('GET', people)).status).toBe(200);
    const grants = await adminOnA.request<{ items: { grantId: number; userId: number }[] }>('GET', `/api/grants?unitId=${school.id}`);
    const grant = grants.body.items.find((g) => g.userId === user.userId)!;
    expect((await adminOnA.request('DELETE', `/api/grants/${grant.grantId}`)).status).toBe(200);
    expect(await statusWithin(onB, people, 404)).not.toBe(200);
    const granted = await adminOnA.request('POST', '/api/grants', { userId: user.userId, role: 'unit_manager', unitId: school.id });
    expect(granted.status).toBe(200);
    expect(await statusWithin(onB, people, 200)).toBe(200);
  });

  it("a password change ends the account's other sessions on the other node", async () => {
    const user = await buildUser(ctx, { unit: school });
    const first = track(await signIn(a(), user.username, user.password));
    const second = track(await signIn(b(), user.username, user.password));
    expect((await second.request('GET', '/api/auth/me')).status).toBe(200);
    const r = await first.request('POST', '/api/auth/change-password', { currentPassword: user.password, newPassword: 'MatKhauMoi#2026' });
    expect(r.status).toBe(200);
    expect(await statusWithin(second, '/api/auth/me', 401)).toBe(401);
    expect((await first.request('GET', '/api/auth/me')).status).toBe(200);
  });

  it('a change written by another process (a CLI command) reaches the serving nodes', async () => {
    const user = await buildUser(ctx, { unit: school });
    const onB = track(await signIn(b(), user.username, user.password));
    expect((await onB.request('GET', '/api/auth/me')).status).toBe(200);
    // As `boiduong create-admin` does on an existing account: its sessions are deleted and the change announced.
    const { announceSessionChange } = await import('./session-invalidation.ts');
    await handle.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('sessions').where('user_id', '=', user.userId).execute();
      await announceSessionChange(ctx, trx, { kind: 'user', userId: user.userId });
    });
    expect(await statusWithin(onB, '/api/auth/me', 401)).toBe(401);
  });
});
