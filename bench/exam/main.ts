/**
 * npm run bench:exam [-- --participants N --db sqlite|postgres --concurrency C]
 * Starts the server in its own process on a fresh database and simulates N participants over HTTP from this one:
 * a login spike, starts, 60 saves each (50 answers and 10 changed ones) driven as fast as the server takes them with
 * everyone connected, then a submit storm spread over 10 s. Prints each phase's figures and the server's peak RSS,
 * then checks in the database that every acknowledged answer is stored and every score equals an independent grading.
 * The last line is one JSON object. Never fails on a time.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPgDatabase } from '../../src/server/test/harness.ts';
import { spawnServer } from '../../src/server/test/server-process.ts';
import { Connection, withConcurrency } from '../../src/server/test/http-connection.ts';
import { Phase } from './figures.ts';
import { BENCH_PASSWORD, loadConfig, rawArgon2PerSecond, seedBench } from './seed.ts';
import { verifyRun, type Acked } from './verify.ts';

const { values } = parseArgs({ options: {
  participants: { type: 'string', default: '10000' }, db: { type: 'string', default: process.env.DATABASE_URL ? 'postgres' : 'sqlite' },
  concurrency: { type: 'string', default: '64' }, 'login-concurrency': { type: 'string', default: '32' },
  'submit-window': { type: 'string', default: '10' },
} });
const N = Number(values.participants);
const C = Number(values.concurrency);
const dialect = values.db === 'postgres' ? 'postgres' : 'sqlite';
const say = (line: string) => process.stdout.write(`${line}\n`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-bench-exam-'));
const pgDb = dialect === 'postgres' && !process.env.DATABASE_URL ? await createPgDatabase() : undefined;
const databaseUrl = dialect === 'postgres' ? (process.env.DATABASE_URL ?? pgDb!.url) : undefined;
const config = { ...loadConfig({}), dataDir, databaseUrl, logLevel: 'warn' };

say(`bench:exam — ${N} người, ${dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}, ${os.cpus().length} nhân ${os.cpus()[0]?.model ?? ''}, Node ${process.version}`);
let t = performance.now();
const { assessmentId, usernames } = await seedBench(config, N);
say(`chuẩn bị dữ liệu: ${usernames.length} tài khoản, bài 50 câu, 2 mã đề (${((performance.now() - t) / 1000).toFixed(1)} s)`);
const argon2PerSecond = await rawArgon2PerSecond();
say(`argon2id trên máy này: ${argon2PerSecond.toFixed(1)} lần kiểm tra mật khẩu/giây (4 luồng)`);

// The server, in its own process. BENCH_SERVER_ARGS='--cpu-prof' profiles it.
const serverProcess = await spawnServer({ dataDir, databaseUrl, nodeArgs: (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean) });
const server = serverProcess.child;
const port = serverProcess.port;
const probe = new Connection('127.0.0.1', port);

function peakRssMb(): number {
  const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const people = usernames.map((username) => ({ username, conn: new Connection('127.0.0.1', port), attemptId: 0, questions: 0,
  plan: [] as { position: number; choice: number }[], seq: 0, acked: new Map<number, { choice: number | null; seq: number }>(),
  submitted: false }));

// 1. Login spike, with a probe of the event loop: /healthz every 100 ms must stay fast while argon2 runs on the pool.
const login = new Phase('đăng nhập');
const health = new Phase('healthz khi đăng nhập');
let probing = true;
const prober = (async () => {
  while (probing) {
    const r = await probe.request('GET', '/healthz').catch(() => null);
    if (r?.status === 200) health.ok(r.ms); else health.fail(String(r?.status));
    await new Promise((res) => setTimeout(res, 100));
  }
})();
login.start(); health.start();
await withConcurrency(people, Number(values['login-concurrency']), async (p) => {
  const r = await p.conn.retrying<{ csrfToken: string }>('POST', '/api/auth/login', { username: p.username, password: BENCH_PASSWORD });
  if (r.status !== 200) return login.fail(`${r.status}`);
  p.conn.cookie = r.cookies.map((c) => c.split(';')[0]).join('; ');
  p.conn.csrf = r.body.csrfToken;
  login.ok(r.ms);
});
login.stop(); probing = false; await prober; health.stop();
say(login.line('lần'));
say(health.line());

// 2. Starts: each gets its variant and deadline, then loads the exam page's data.
const start = new Phase('bắt đầu + tải đề');
start.start();
await withConcurrency(people, 64, async (p) => {
  const s = await p.conn.retrying<{ attemptId: number }>('POST', `/api/my/assessments/${assessmentId}/start`);
  if (s.status !== 200) return start.fail(`${s.status}`);
  p.attemptId = s.body.attemptId;
  const exam = await p.conn.retrying<{ questions: { options: unknown[] }[] }>('GET', `/api/attempts/${p.attemptId}`);
  if (exam.status !== 200) return start.fail(`${exam.status}`);
  p.questions = exam.body.questions.length;
  const order = crypto.randomInt(2) ? [...Array(p.questions).keys()] : [...Array(p.questions).keys()].reverse();
  p.plan = order.map((position) => ({ position, choice: crypto.randomInt(exam.body.questions[position].options.length) }));
  for (let k = 0; k < 10; k++) p.plan.splice(20 + k * 4, 0, { position: order[k], choice: crypto.randomInt(4) });
  start.ok(s.ms + exam.ms);
});
start.stop();
say(start.line('người'));

// 3. Saves as fast as the server takes them, C in flight, everyone connected; one request at a time per person.
const connected = people.reduce((n, p) => n + p.conn.openSockets, 0);
const saves = new Phase('lưu câu trả lời');
const ready = people.map((_, i) => i);
saves.start();
await Promise.all(Array.from({ length: C }, async () => {
  for (;;) {
    const i = ready.shift();
    if (i === undefined) return;
    const p = people[i];
    const step = p.plan.shift()!;
    const answer = { position: step.position, choice: step.choice, flagged: false, seq: ++p.seq, base: 0 };
    try {
      const r = await p.conn.retrying<{ held: { seq: number; writer: string }[] }>('POST', `/api/attempts/${p.attemptId}/answers`,
        { clientId: `b${i}`, deviceId: `bench-device-${i}`, answers: [answer] });
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
}));
saves.stop();
say(`${saves.line('lần')}  (${connected} kết nối mở khi bắt đầu)`);

// 4. Submit storm: everyone within the window, as the deadline would make them.
const windowMs = Number(values['submit-window']) * 1000;
const submit = new Phase('nộp bài dồn dập');
submit.start();
await Promise.all(people.map(async (p, i) => {
  await new Promise((r) => setTimeout(r, crypto.randomInt(windowMs)));
  try {
    const r = await p.conn.retrying<{ status: string }>('POST', `/api/attempts/${p.attemptId}/submit`,
      { clientId: `b${i}`, deviceId: `bench-device-${i}`, answers: [], kind: 'participant' });
    if (r.status === 200 && r.body.status === 'submitted') { submit.ok(r.ms); p.submitted = true; } else submit.fail(`${r.status}`);
  } catch (err) {
    submit.fail((err as Error).message);
  }
}));
submit.stop();
say(submit.line('bài'));

const peakRss = peakRssMb();
server.kill('SIGTERM');
await serverProcess.exited;
for (const p of people) p.conn.close();
probe.close();

const acked: Acked[] = people.filter((p) => p.attemptId).map((p) => ({ attemptId: p.attemptId, answers: p.acked, submitted: p.submitted }));
const check = await verifyRun(config, acked);
say(`RSS đỉnh của máy chủ: ${peakRss.toFixed(0)} MB`);
say(`lost answers: ${check.lost}`);
say(`điểm chấm lại độc lập khác điểm đã lưu: ${check.mismatches} / ${check.graded} bài; chưa nộp: ${check.notSubmitted}`);

fs.rmSync(dataDir, { recursive: true, force: true });
await pgDb?.drop();
const round = (n: number) => Math.round(n * 10) / 10;
say(JSON.stringify({
  participants: N, login_per_s: round(login.rate), argon2_verify_per_s: round(argon2PerSecond), saves_per_s: round(saves.rate),
  save_p50_ms: round(saves.percentile(50)), save_p99_ms: round(saves.percentile(99)), submit_p99_ms: round(submit.percentile(99)),
  lost_answers: check.lost, score_mismatches: check.mismatches, peak_rss_mb: Math.round(peakRss),
}));
process.exit(check.lost === 0 && check.mismatches === 0 && check.notSubmitted === 0 ? 0 : 1);
