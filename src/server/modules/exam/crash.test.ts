import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { ensureRootUnit } from '../../bootstrap.ts';
import { systemClock, type AppContext } from '../../context.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../db/database.ts';
import { buildPublishedAssessment } from '../../test/assessment-builders.ts';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { createPgDatabase, describeEachDialect } from '../../test/harness.ts';
import { Connection } from '../../test/http-connection.ts';
import { spawnServer, type ServerProcess } from '../../test/server-process.ts';

const PARTICIPANTS = 12;

interface Client {
  conn: Connection;
  attemptId: number;
  deadline: string;
  seq: number;
  acked: Map<number, { choice: number; seq: number }>;
}

/** One save, retried until the server (perhaps restarted meanwhile) acknowledges it, as the exam page's queue does. */
async function saveUntilAcked(client: Client, position: number, choice: number) {
  const seq = ++client.seq;
  for (let i = 0; ; i++) {
    try {
      const r = await client.conn.request('POST', `/api/attempts/${client.attemptId}/answers`, {
        clientId: 'crash',
        deviceId: 'crash-device',
        answers: [{ position, choice, flagged: false, seq, base: 0 }],
      });
      if (r.status === 200) {
        client.acked.set(position, { choice, seq });
        return;
      }
      if (r.status < 500) throw new Error(`save refused: ${r.status} ${JSON.stringify(r.body)}`);
    } catch (err) {
      if ((err as Error).message.startsWith('save refused') || i > 400) throw err;
    }
    await new Promise((r) => setTimeout(r, 25 + Math.random() * 50));
  }
}

describeEachDialect('a server killed with SIGKILL mid-survey', (dialect) => {
  let dataDir: string;
  let pg: Awaited<ReturnType<typeof createPgDatabase>> | undefined;
  let handle: DatabaseHandle;
  let ctx: AppContext;
  let server: ServerProcess;
  const clients: Client[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-crash-'));
    pg = dialect === 'postgres' ? await createPgDatabase() : undefined;
    const config = { ...loadConfig({}), dataDir, databaseUrl: pg?.url, logLevel: 'silent' };
    handle = openDatabase(config);
    await migrateToLatest(handle.db);
    ctx = { db: handle.db, dialect, config, clock: systemClock };
    await ensureRootUnit(ctx);
    const school = await buildUnit(ctx, { name: 'Trường THPT Chu Văn An', schoolLevel: 'thpt' });
    const users = [];
    for (let i = 0; i < PARTICIPANTS; i++) users.push(await buildUser(ctx, { unit: school }));
    const { id } = await buildPublishedAssessment(ctx, { targets: [school] });
    server = await spawnServer({ dataDir, databaseUrl: pg?.url });
    for (const u of users) {
      const conn = new Connection('127.0.0.1', server.port);
      const login = await conn.request<{ csrfToken: string }>('POST', '/api/auth/login', { username: u.username, password: u.password });
      conn.cookie = login.cookies.map((c) => c.split(';')[0]).join('; ');
      conn.csrf = login.body.csrfToken;
      const start = await conn.request<{ attemptId: number }>('POST', `/api/my/assessments/${id}/start`);
      const exam = await conn.request<{ attempt: { deadlineAt: string } }>('GET', `/api/attempts/${start.body.attemptId}`);
      clients.push({ conn, attemptId: start.body.attemptId, deadline: exam.body.attempt.deadlineAt, seq: 0, acked: new Map() });
    }
  }, 120_000);

  afterAll(async () => {
    server?.child.kill('SIGKILL');
    for (const c of clients) c.conn.close();
    await handle?.destroy();
    await pg?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every answer it acknowledged and every deadline, once restarted and the clients resume', async () => {
    const answering = Promise.all(
      clients.map(async (client, k) => {
        for (let step = 0; step < 40; step++) await saveUntilAcked(client, step % 10, (step + k) % 4);
      }),
    );
    // Kill once answers are flowing, then start a new process on the same database while the clients keep retrying.
    while (clients.reduce((n, c) => n + c.acked.size, 0) < PARTICIPANTS * 3) await new Promise((r) => setTimeout(r, 20));
    const ackedAtKill = clients.map((c) => new Map(c.acked));
    server.child.kill('SIGKILL');
    await server.exited;
    server = await spawnServer({ dataDir, databaseUrl: pg?.url, port: server.port });
    await answering;

    for (const [k, client] of clients.entries()) {
      const exam = await client.conn.request<{
        attempt: { deadlineAt: string; status: string };
        answers: { position: number; choice: number; seq: number }[];
      }>('GET', `/api/attempts/${client.attemptId}`);
      expect(exam.body.attempt).toMatchObject({ status: 'in_progress', deadlineAt: client.deadline });
      const stored = new Map(exam.body.answers.map((a) => [a.position, a]));
      for (const [position, acked] of [...ackedAtKill[k], ...client.acked]) {
        expect(stored.get(position)?.seq ?? 0).toBeGreaterThanOrEqual(acked.seq);
      }
      for (const [position, acked] of client.acked) expect(stored.get(position)).toMatchObject(acked);
    }
    const deadlines = await handle.db.selectFrom('attempts').select(['id', 'deadline_at']).execute();
    for (const c of clients) expect(deadlines.find((d) => d.id === c.attemptId)?.deadline_at).toBe(c.deadline);
  }, 120_000);
});
