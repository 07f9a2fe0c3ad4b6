import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { ensureRootUnit } from '../../bootstrap.ts';
import { systemClock, type AppContext } from '../../context.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../db/database.ts';
import { buildPublishedAssessment } from '../../test/assessment-builders.ts';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { createPgDatabase, DIALECTS, PG_ADMIN_URL } from '../../test/harness.ts';
import { Connection } from '../../test/http-connection.ts';
import { spawnServer, type ServerProcess } from '../../test/server-process.ts';

const PARTICIPANTS = 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Client {
  conn: Connection;
  attemptId: number;
  seq: number;
  acked: Map<number, number>;
}

/** What every reply was: the outage may answer 503 (or drop the connection), never anything else. */
const seen = { ok: 0, unavailable: 0, network: 0, other: [] as string[] };

async function saveUntilAcked(client: Client, position: number, choice: number) {
  const seq = ++client.seq;
  for (let i = 0; i < 600; i++) {
    try {
      const r = await client.conn.request<{ message?: string }>('POST', `/api/attempts/${client.attemptId}/answers`, {
        clientId: 'outage',
        deviceId: 'outage-device',
        answers: [{ position, choice, flagged: false, seq, base: 0 }],
      });
      if (r.status === 200) {
        seen.ok += 1;
        client.acked.set(position, choice);
        return;
      }
      if (r.status === 503 && r.body.message?.startsWith('Máy chủ tạm thời không kết nối được cơ sở dữ liệu')) seen.unavailable += 1;
      else seen.other.push(`${r.status} ${JSON.stringify(r.body)}`);
    } catch {
      seen.network += 1;
    }
    await sleep(20 + Math.random() * 40);
  }
  throw new Error('save never acknowledged');
}

describe.skipIf(!DIALECTS.includes('postgres'))('PostgreSQL going away under load [postgres]', () => {
  let dataDir: string;
  let db: Awaited<ReturnType<typeof createPgDatabase>>;
  let dbName: string;
  let handle: DatabaseHandle;
  let admin: pg.Client;
  const servers: ServerProcess[] = [];
  const clients: Client[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-outage-'));
    db = await createPgDatabase();
    dbName = new URL(db.url).pathname.slice(1);
    const config = { ...loadConfig({}), dataDir, databaseUrl: db.url, logLevel: 'silent' };
    handle = openDatabase({ ...config, poolSize: 2 });
    await migrateToLatest(handle.db);
    const ctx: AppContext = { db: handle.db, dialect: 'postgres', config, clock: systemClock };
    await ensureRootUnit(ctx);
    const school = await buildUnit(ctx, { name: 'Trường THCS Kim Đồng', schoolLevel: 'thcs' });
    const users = [];
    for (let i = 0; i < PARTICIPANTS; i++) users.push(await buildUser(ctx, { unit: school }));
    const { id } = await buildPublishedAssessment(ctx, { targets: [school] });
    // The test's own pool is closed before the outage: only the two app processes use the database.
    await handle.destroy();
    for (let i = 0; i < 2; i++) servers.push(await spawnServer({ dataDir, databaseUrl: db.url }));
    for (const [k, u] of users.entries()) {
      const conn = new Connection('127.0.0.1', servers[k % 2].port);
      const login = await conn.request<{ csrfToken: string }>('POST', '/api/auth/login', { username: u.username, password: u.password });
      conn.cookie = login.cookies.map((c) => c.split(';')[0]).join('; ');
      conn.csrf = login.body.csrfToken;
      const start = await conn.request<{ attemptId: number }>('POST', `/api/my/assessments/${id}/start`);
      clients.push({ conn, attemptId: start.body.attemptId, seq: 0, acked: new Map() });
    }
    admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
  }, 120_000);

  afterAll(async () => {
    await admin?.query(`alter database ${dbName} allow_connections true`).catch(() => undefined);
    await admin?.end();
    for (const s of servers) {
      s.child.kill('SIGTERM');
      await s.exited;
    }
    for (const c of clients) c.conn.close();
    await db?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  const terminateAll = () =>
    admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [dbName]);

  it('answers 503 while the database is gone, never exits, and resumes by itself with every acknowledged answer kept', async () => {
    let answering = true;
    const load = Promise.all(
      clients.map(async (client, k) => {
        for (let step = 0; answering || step < 20; step++) await saveUntilAcked(client, step % 10, (step + k) % 4);
      }),
    );
    await sleep(500);
    // A restart or failover: every connection cut, again and again, while requests run.
    for (let i = 0; i < 15; i++) {
      await terminateAll();
      await sleep(100);
    }
    // The database refuses connections for a while: health and saves say so in Vietnamese.
    await admin.query(`alter database ${dbName} allow_connections false`);
    await terminateAll();
    const probe = new Connection('127.0.0.1', servers[0].port);
    const health = await probe.request<{ status: string; message: string }>('GET', '/healthz');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'unavailable' });
    expect(health.body.message).toMatch(/^Không kết nối được cơ sở dữ liệu/);
    await sleep(1500);
    await admin.query(`alter database ${dbName} allow_connections true`);
    const back = performance.now();
    for (;;) {
      if ((await probe.request('GET', '/healthz')).status === 200) break;
      expect(performance.now() - back).toBeLessThan(15_000);
      await sleep(100);
    }
    probe.close();
    answering = false;
    await load;

    for (const s of servers) expect(s.child.exitCode).toBeNull();
    expect(seen.other).toEqual([]);
    expect(seen.unavailable).toBeGreaterThan(0);
    expect(seen.ok).toBeGreaterThan(PARTICIPANTS * 20);
    const check = new pg.Client({ connectionString: db.url });
    await check.connect();
    try {
      for (const client of clients) {
        const { rows } = await check.query<{ position: number; choice: number }>(
          'select position, choice from attempt_answers where attempt_id = $1',
          [client.attemptId],
        );
        const stored = new Map(rows.map((r) => [r.position, r.choice]));
        for (const [position, choice] of client.acked) expect(stored.get(position)).toBe(choice);
      }
    } finally {
      await check.end();
    }
  }, 120_000);
});
