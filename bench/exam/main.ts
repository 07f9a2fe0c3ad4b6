/**
 * npm run bench:exam [-- --participants N --db sqlite|postgres --nodes K --concurrency C --saves S --abandon P
 *                       --connections person|pooled --kill-node --login L]
 * Starts K server processes (default 1) on a fresh database and simulates N participants over HTTP from this one,
 * every request sent to a random node: a login spike, starts, S saves each (default 60: 50 answers and 10 changed
 * ones) driven as fast as the servers take them with everyone connected, then a submit storm spread over 10 s. P % of
 * the people (default 1) never submit: their deadline is then moved into the past in the database and the nodes'
 * sweepers must close and grade them. With --kill-node the last node is killed with SIGKILL a third of the way through
 * the saves and started again (requests it dropped are retried on a random node). --login L: only the first L people log
 * in over HTTP (the login figure); the others' sessions are written into the database as the login route writes them.
 * Prints each phase's figures and the nodes' peak RSS, then checks in the database that every acknowledged answer is
 * stored and every score equals an independent grading. The last line is one JSON object. Never fails on a time.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPgDatabase } from '../../src/server/test/harness.ts';
import { Connection, withConcurrency, type Reply } from '../../src/server/test/http-connection.ts';
import { openDatabase } from '../../src/server/db/database.ts';
import { hashToken, newToken } from '../../src/server/modules/auth/password.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../src/server/plugins/auth.ts';
import { Phase } from './figures.ts';
import { addressesNeeded, AppNodes, type ConnectionMode } from './nodes.ts';
import { BENCH_PASSWORD, loadConfig, rawArgon2PerSecond, seedBench } from './seed.ts';
import { verifyRun, type Acked } from './verify.ts';

const { values } = parseArgs({
  options: {
    participants: { type: 'string', default: '10000' },
    db: { type: 'string', default: process.env.DATABASE_URL ? 'postgres' : 'sqlite' },
    concurrency: { type: 'string', default: '64' },
    'login-concurrency': { type: 'string', default: '32' },
    'submit-window': { type: 'string', default: '10' },
    nodes: { type: 'string', default: '1' },
    saves: { type: 'string', default: '60' },
    abandon: { type: 'string', default: '1' },
    connections: { type: 'string' },
    'kill-node': { type: 'boolean', default: false },
    login: { type: 'string' },
  },
});
const N = Number(values.participants);
const C = Number(values.concurrency);
const NODES = Math.max(1, Number(values.nodes));
const LOGINS = values.login === undefined ? N : Math.min(N, Math.max(1, Number(values.login)));
const SAVES = Math.max(1, Number(values.saves));
const mode: ConnectionMode =
  values.connections === 'person' || values.connections === 'pooled' ? values.connections : NODES * N <= 15_000 ? 'person' : 'pooled';
const dialect = values.db === 'postgres' ? 'postgres' : 'sqlite';
const say = (line: string) => process.stdout.write(`${line}\n`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-bench-exam-'));
const pgDb = dialect === 'postgres' && !process.env.DATABASE_URL ? await createPgDatabase() : undefined;
const databaseUrl = dialect === 'postgres' ? (process.env.DATABASE_URL ?? pgDb!.url) : undefined;
const config = { ...loadConfig({}), dataDir, databaseUrl, logLevel: 'warn' };

say(
  `bench:exam — ${N} người, ${dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}, ${NODES} tiến trình ứng dụng, kết nối ${mode === 'person' ? 'riêng từng người' : 'dùng chung như sau bộ cân bằng tải'}, ${os.cpus().length} nhân ${os.cpus()[0]?.model ?? ''}, Node ${process.version}`,
);
const t = performance.now();
const { assessmentId, usernames } = await seedBench(config, N);
say(`chuẩn bị dữ liệu: ${usernames.length} tài khoản, bài 50 câu, 2 mã đề (${((performance.now() - t) / 1000).toFixed(1)} s)`);
const argon2PerSecond = await rawArgon2PerSecond();
say(`argon2id trên máy này: ${argon2PerSecond.toFixed(1)} lần kiểm tra mật khẩu/giây (4 luồng)`);

// The servers, each in its own process. BENCH_SERVER_ARGS='--cpu-prof' profiles them; BENCH_SERVER_ENV='DB_POOL_SIZE=8 …'
// sets their environment.
const serverEnv = Object.fromEntries(
  (process.env.BENCH_SERVER_ENV ?? '')
    .split(' ')
    .filter(Boolean)
    .map((kv) => kv.split('=') as [string, string]),
);
const nodes = await AppNodes.start(NODES, {
  dataDir,
  databaseUrl,
  nodeArgs: (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean),
  env: serverEnv,
  mode,
  localAddresses: addressesNeeded(mode, N),
});
const probe = new Connection('127.0.0.1', nodes.servers[0].port);

interface Person {
  username: string;
  conns: Connection[];
  attemptId: number;
  questions: number;
  plan: { position: number; choice: number }[];
  seq: number;
  acked: Map<number, { choice: number | null; seq: number }>;
  submitted: boolean;
  abandons: boolean;
}

const abandonEvery = Number(values.abandon) > 0 ? Math.max(1, Math.round(100 / Number(values.abandon))) : 0;
const people: Person[] = usernames.map((username, i) => ({
  username,
  conns: nodes.connectionsFor(i),
  attemptId: 0,
  questions: 0,
  plan: [],
  seq: 0,
  acked: new Map(),
  submitted: false,
  abandons: abandonEvery > 0 && i % abandonEvery === abandonEvery - 1,
}));

/**
 * A request to a random node; what the network refused (a node killed, a socket closed while idle) is sent again to a
 * random node, so only idempotent calls. `retried` tells the caller that an earlier try may have landed; `ms` counts
 * from the first try.
 */
let unavailable = 0;
async function send<T>(p: Person, method: string, url: string, body?: unknown): Promise<Reply<T> & { retried: boolean }> {
  // The time a participant waits: from the first try to the reply that counts, retries included.
  const started = performance.now();
  for (let i = 1; ; i++) {
    try {
      const reply = await p.conns[crypto.randomInt(p.conns.length)].request<T>(method, url, body);
      // 503: the node could not reach the database just then; the exam page keeps the change queued and sends it again.
      if (reply.status === 503 && i < 40) {
        unavailable++;
        await new Promise((r) => setTimeout(r, Math.min(1000, 50 * i)));
        continue;
      }
      return { ...reply, ms: performance.now() - started, retried: i > 1 };
    } catch (err) {
      if (i >= 40) throw err;
      await new Promise((r) => setTimeout(r, Math.min(1000, 25 * i)));
    }
  }
}

async function issueSessions(list: Person[]) {
  const handle = openDatabase({ ...config, poolSize: 2 });
  try {
    const now = new Date();
    const expires = new Date(now.getTime() + 8 * 3_600_000).toISOString();
    for (let i = 0; i < list.length; i += 1000) {
      const batch = list.slice(i, i + 1000);
      const users = await handle.db
        .selectFrom('users')
        .select(['id', 'username'])
        .where(
          'username',
          'in',
          batch.map((p) => p.username),
        )
        .execute();
      const idOf = new Map(users.map((u) => [u.username, u.id]));
      const rows = batch.map((p) => ({ p, token: newToken(), csrf: newToken() }));
      await handle.db
        .insertInto('sessions')
        .values(
          rows.map(({ p, token, csrf }) => ({
            token_hash: hashToken(token),
            user_id: idOf.get(p.username)!,
            csrf_token: csrf,
            created_at: now.toISOString(),
            expires_at: expires,
            last_seen_at: now.toISOString(),
            ip: '127.0.0.1',
            user_agent: 'bench',
          })),
        )
        .execute();
      for (const { p, token, csrf } of rows) {
        for (const conn of p.conns) {
          conn.cookie = `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${csrf}`;
          conn.csrf = csrf;
        }
      }
    }
  } finally {
    await handle.destroy();
  }
}

// 1. Login spike, with a probe of the event loop: /healthz every 100 ms must stay fast while argon2 runs on the pool.
const login = new Phase('đăng nhập');
const health = new Phase('healthz khi đăng nhập');
let probing = true;
const prober = (async () => {
  while (probing) {
    const r = await probe.request('GET', '/healthz').catch(() => null);
    if (r?.status === 200) health.ok(r.ms);
    else health.fail(String(r?.status));
    await new Promise((res) => setTimeout(res, 100));
  }
})();
login.start();
health.start();
await withConcurrency(people.slice(0, LOGINS), Number(values['login-concurrency']), async (p) => {
  const r = await send<{ csrfToken: string }>(p, 'POST', '/api/auth/login', { username: p.username, password: BENCH_PASSWORD });
  if (r.status !== 200) return login.fail(`${r.status}`);
  for (const conn of p.conns) {
    conn.cookie = r.cookies.map((c) => c.split(';')[0]).join('; ');
    conn.csrf = r.body.csrfToken;
  }
  login.ok(r.ms);
});
login.stop();
probing = false;
await prober;
health.stop();
say(login.line('lần'));
say(health.line());
if (LOGINS < N) {
  // --login K: the rest get their sessions written straight into the database, as the login route would write them
  // (argon2id at ~150 verifications/s would make a 100,000-person run mostly a login run).
  const t0 = performance.now();
  await issueSessions(people.slice(LOGINS));
  say(`phiên của ${N - LOGINS} người còn lại ghi thẳng vào cơ sở dữ liệu (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

// 2. Starts: each gets its variant and deadline, then loads the exam page's data.
const start = new Phase('bắt đầu + tải đề');
start.start();
await withConcurrency(people, 64, async (p) => {
  const s = await send<{ attemptId: number }>(p, 'POST', `/api/my/assessments/${assessmentId}/start`);
  if (s.status !== 200) return start.fail(`${s.status}`);
  p.attemptId = s.body.attemptId;
  const exam = await send<{ questions: { options: unknown[] }[] }>(p, 'GET', `/api/attempts/${p.attemptId}`);
  if (exam.status !== 200) return start.fail(`${exam.status}`);
  p.questions = exam.body.questions.length;
  const order = crypto.randomInt(2) ? [...Array(p.questions).keys()] : [...Array(p.questions).keys()].reverse();
  p.plan = order.map((position) => ({ position, choice: crypto.randomInt(exam.body.questions[position].options.length) }));
  for (let k = 0; k < 10; k++) p.plan.splice(20 + k * 4, 0, { position: order[k], choice: crypto.randomInt(4) });
  p.plan = p.plan.slice(0, SAVES);
  start.ok(s.ms + exam.ms);
});
start.stop();
say(start.line('người'));

// 3. Saves as fast as the servers take them, C in flight, everyone connected; one request at a time per person.
const connected = mode === 'person' ? people.reduce((n, p) => n + p.conns.reduce((m, c) => m + c.openSockets, 0), 0) : null;
const saves = new Phase('lưu câu trả lời');
const ready = people.map((_, i) => i);
const totalSaves = people.reduce((n, p) => n + p.plan.length, 0);
let killed: Promise<void> | null = null;
saves.start();
await Promise.all(
  Array.from({ length: C }, async () => {
    for (;;) {
      const i = ready.shift();
      if (i === undefined) return;
      const p = people[i];
      const step = p.plan.shift()!;
      const answer = { position: step.position, choice: step.choice, flagged: false, seq: ++p.seq, base: 0 };
      try {
        if (values['kill-node'] && !killed && saves.latencies.length >= totalSaves / 3) {
          killed = nodes.killAndRestart(nodes.count - 1).then(() => {
            say(`tiến trình ${nodes.count} bị kill -9 sau ${saves.latencies.length} lần lưu, đã khởi động lại`);
          });
        }
        const r = await send<{ held: { seq: number; writer: string }[] }>(p, 'POST', `/api/attempts/${p.attemptId}/answers`, {
          clientId: `b${i}`,
          deviceId: `bench-device-${i}`,
          answers: [answer],
        });
        // Acknowledged only when the server says it holds this very change.
        if (r.status === 200 && r.body.held[0]?.seq === answer.seq && r.body.held[0]?.writer === `bench-device-${i}`) {
          saves.ok(r.ms);
          p.acked.set(answer.position, { choice: answer.choice, seq: answer.seq });
        } else saves.fail(`${r.status}`);
      } catch (err) {
        saves.fail((err as Error).message);
      }
      if (p.plan.length > 0) ready.push(i);
    }
  }),
);
saves.stop();
await killed;
say(
  `${saves.line('lần')}  (${connected === null ? `kết nối dùng chung, ${nodes.count} tiến trình` : `${connected} kết nối mở khi bắt đầu`})`,
);

// 4. Submit storm: everyone within the window, as the deadline would make them.
const windowMs = Number(values['submit-window']) * 1000;
const submit = new Phase('nộp bài dồn dập');
submit.start();
await Promise.all(
  people.map(async (p, i) => {
    if (p.abandons || !p.attemptId) return;
    await new Promise((r) => setTimeout(r, crypto.randomInt(windowMs)));
    try {
      const r = await send<{ status: string; details?: { status?: string } }>(p, 'POST', `/api/attempts/${p.attemptId}/submit`, {
        clientId: `b${i}`,
        deviceId: `bench-device-${i}`,
        answers: [],
        kind: 'participant',
      });
      // A retry after a dropped reply finds the attempt already submitted by the try that landed.
      const landedBefore = r.retried && r.status === 409 && r.body.details?.status === 'submitted';
      if ((r.status === 200 && r.body.status === 'submitted') || landedBefore) {
        submit.ok(r.ms);
        p.submitted = true;
      } else submit.fail(`${r.status}`);
    } catch (err) {
      submit.fail((err as Error).message);
    }
  }),
);
submit.stop();
say(submit.line('bài'));

// 5. The abandoned attempts: their deadline (and grace) passes in the database; the nodes' sweepers must close them.
const abandoned = people.filter((p) => p.abandons && p.attemptId).map((p) => p.attemptId);
let sweepSeconds: number | null = null;
let swept = 0;
if (abandoned.length > 0) {
  const handle = openDatabase({ ...config, poolSize: 2 });
  try {
    const { grace_seconds: grace } = await handle.db
      .selectFrom('assessments')
      .select('grace_seconds')
      .where('id', '=', assessmentId)
      .executeTakeFirstOrThrow();
    const past = new Date(Date.now() - (grace + 2) * 1000).toISOString();
    for (let i = 0; i < abandoned.length; i += 1000) {
      await handle.db
        .updateTable('attempts')
        .set({ deadline_at: past })
        .where('id', 'in', abandoned.slice(i, i + 1000))
        .execute();
    }
    const sweptAt = performance.now();
    for (;;) {
      const open = await handle.db
        .selectFrom('attempts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('id', 'in', abandoned)
        .where('status', '=', 'in_progress')
        .executeTakeFirstOrThrow();
      swept = abandoned.length - Number(open.n);
      if (Number(open.n) === 0 || performance.now() - sweptAt > 120_000) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    sweepSeconds = (performance.now() - sweptAt) / 1000;
    say(
      `bỏ dở (không nộp): ${abandoned.length} bài — các tiến trình tự đóng và chấm ${swept} bài sau ${sweepSeconds.toFixed(1)} s kể từ khi quá hạn`,
    );
  } finally {
    await handle.destroy();
  }
  for (const p of people) if (p.abandons) p.submitted = true;
}

const peakRssNodes = nodes.peakRssMb();
const peakRss = Math.max(...peakRssNodes);
await nodes.stop();
for (const p of people) for (const conn of p.conns) conn.close();
probe.close();

const acked: Acked[] = people.filter((p) => p.attemptId).map((p) => ({ attemptId: p.attemptId, answers: p.acked, submitted: p.submitted }));
const check = await verifyRun(config, acked);
say(`RSS đỉnh của máy chủ: ${peakRssNodes.map((mb) => `${mb.toFixed(0)} MB`).join(', ')}`);
say(`lost answers: ${check.lost}`);
say(`điểm chấm lại độc lập khác điểm đã lưu: ${check.mismatches} / ${check.graded} bài; chưa nộp: ${check.notSubmitted}`);

fs.rmSync(dataDir, { recursive: true, force: true });
await pgDb?.drop();
const round = (n: number) => Math.round(n * 10) / 10;
const errors = login.errors + start.errors + saves.errors + submit.errors;
say(
  JSON.stringify({
    participants: N,
    nodes: NODES,
    connections: mode,
    logins: LOGINS,
    login_per_s: round(login.rate),
    argon2_verify_per_s: round(argon2PerSecond),
    starts_per_s: round(start.rate),
    start_p99_ms: round(start.percentile(99)),
    saves_per_s: round(saves.rate),
    save_p50_ms: round(saves.percentile(50)),
    save_p99_ms: round(saves.percentile(99)),
    submits: submit.latencies.length,
    submit_s: round(submit.seconds),
    submit_p50_ms: round(submit.percentile(50)),
    submit_p99_ms: round(submit.percentile(99)),
    swept,
    sweep_s: sweepSeconds === null ? null : round(sweepSeconds),
    killed_node: Boolean(values['kill-node']),
    errors,
    retried_503: unavailable,
    lost_answers: check.lost,
    score_mismatches: check.mismatches,
    peak_rss_mb: Math.round(peakRss),
  }),
);
const passed = check.lost === 0 && check.mismatches === 0 && check.notSubmitted === 0;
if (!passed || errors > 0 || unavailable > 0) process.stderr.write(`${nodes.logs()}\n`);
process.exit(passed ? 0 : 1);
