/**
 * npm run bench:edge [-- --participants N --outage-s S]
 * A province server and a site's edge server, each its own process and SQLite database, with a proxy between them that
 * drops every connection while the uplink is "cut". The site's proctor prepares the edge over the proxy; N people log
 * in on the edge with their printed site codes and start; the uplink is cut mid-exam for S seconds while they keep
 * answering (the edge is killed with SIGKILL once in the middle of it and started again); everyone submits; the uplink
 * returns and the edge is killed once more while it catches up. Then the province's database is read directly: every
 * answer the edge acknowledged is there, once, each attempt graded as an independent grading says, and the edge's
 * database holds no key. The last line is one JSON object. Never fails on a time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../src/server/db/database.ts';
import { fetchBundle, prepareEdgeDatabase } from '../../src/server/edge/prepare.ts';
import { createCampaign } from '../../src/server/modules/campaigns/service.ts';
import { assignParticipants, createSite, setProctors } from '../../src/server/modules/sites/service.ts';
import { systemClock } from '../../src/server/context.ts';
import { rootActor } from '../../src/server/test/assessment-builders.ts';
import { startCutProxy } from '../../src/server/test/cut-proxy.ts';
import { Connection, withConcurrency } from '../../src/server/test/http-connection.ts';
import { findRootUnit } from '../../src/server/modules/units/repository.ts';
import { AppNodes } from '../exam/nodes.ts';
import { BENCH_PASSWORD, loadConfig, seedBench } from '../exam/seed.ts';
import { verifyEdgeRun, type AckedAnswer } from './verify.ts';

const { values } = parseArgs({
  options: { participants: { type: 'string', default: '200' }, 'outage-s': { type: 'string', default: '120' } },
});
const N = Math.max(2, Number(values.participants));
const OUTAGE_S = Math.max(1, Number(values['outage-s']));
const say = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const provinceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-bench-edge-province-'));
const edgeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-bench-edge-site-'));
const config = { ...loadConfig({}), dataDir: provinceDir, databaseUrl: undefined, logLevel: 'warn' };
say(`bench:edge — ${N} người tại một điểm cầu, mất đường truyền ${OUTAGE_S} s, ${os.cpus().length} nhân, Node ${process.version}`);

// The province: the survey, a campaign with one site holding the N people, its proctor (one of them: staff take it too).
const { assessmentId } = await seedBench(config, N);
const setup = openDatabase(config);
const province = { db: setup.db, dialect: setup.dialect, config, clock: systemClock };
const actor = await rootActor(province);
const root = (await findRootUnit(setup.db))!;
const campaign = await createCampaign(province, actor, { name: 'Bồi dưỡng hè 2026', schoolYear: '2025–2026', unitId: root.id });
const campaignId = (campaign as { id: number }).id;
const site = await createSite(province, actor, campaignId, { name: 'Điểm cầu xã vùng cao', unitId: root.id });
const siteId = (site as { id: number }).id;
const people = await setup.db
  .selectFrom('people')
  .innerJoin('users', 'users.person_id', 'people.id')
  .select(['people.id', 'users.username'])
  .where('people.active', '=', 1)
  .orderBy('users.id')
  .limit(N)
  .execute();
await assignParticipants(province, actor, siteId, { personIds: people.map((p) => p.id) });
await setProctors(province, actor, siteId, [people[0].id]);
await setup.destroy();

const provinceNode = await AppNodes.start(1, { dataDir: provinceDir, nodeArgs: [], env: {}, mode: 'person', localAddresses: 1 });
const proxy = await startCutProxy({ host: '127.0.0.1', port: provinceNode.servers[0].port });
const { bundle, slips } = await fetchBundle({ upstream: proxy.url, siteId, username: people[0].username, password: BENCH_PASSWORD });
await prepareEdgeDatabase({ ...config, dataDir: edgeDir }, bundle, proxy.url);
say(`chuẩn bị máy điểm cầu: ${bundle.people.length} người, ${bundle.assessments.length} bài, ${slips.length} mã dự thi`);
const edgeNode = await AppNodes.start(1, {
  dataDir: edgeDir,
  nodeArgs: [],
  env: {},
  mode: 'person',
  localAddresses: 1,
});
const edgePort = () => edgeNode.servers[0].port;

interface Person {
  username: string;
  code: string;
  conn: Connection;
  attemptId: number;
  questions: number;
  seq: number;
}
const codeOf = new Map(slips.map((s) => [s.username, s.code]));
const everyone: Person[] = people.map((p) => ({
  username: p.username,
  code: codeOf.get(p.username)!,
  conn: new Connection('127.0.0.1', 0),
  attemptId: 0,
  questions: 0,
  seq: 0,
}));
const acked: AckedAnswer[] = [];
let errors = 0;

/** As the exam page does: a request the edge dropped (killed, restarting) is sent again until it is answered. */
async function send<T>(p: Person, method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
  for (let i = 0; ; i++) {
    try {
      const reply = await p.conn.request<T>(method, url, body);
      if (reply.status < 500) return reply;
    } catch {
      /* the edge is restarting */
    }
    if (i > 600) throw new Error(`${method} ${url}: the edge never answered`);
    p.conn.close();
    const fresh = new Connection('127.0.0.1', edgePort());
    fresh.cookie = p.conn.cookie;
    fresh.csrf = p.conn.csrf;
    p.conn = fresh;
    await sleep(100);
  }
}

await withConcurrency(everyone, 16, async (p) => {
  p.conn = new Connection('127.0.0.1', edgePort());
  const reply = await p.conn.request<{ csrfToken: string }>('POST', '/api/auth/login', { username: p.username, password: p.code });
  if (reply.status !== 200) throw new Error(`login ${p.username} on the edge with the site code: ${reply.status}`);
  p.conn.cookie = reply.cookies.map((c) => c.split(';')[0]).join('; ');
  p.conn.csrf = reply.body.csrfToken;
  const started = await send<{ attemptId: number }>(p, 'POST', `/api/my/assessments/${assessmentId}/start`);
  if (started.status !== 200) throw new Error(`start ${p.username}: ${started.status} ${JSON.stringify(started.body)}`);
  p.attemptId = started.body.attemptId;
  const exam = await send<{ questions: unknown[] }>(p, 'GET', `/api/attempts/${p.attemptId}`);
  p.questions = exam.body.questions.length;
});
say(`đăng nhập bằng mã dự thi và bắt đầu: ${N} người`);

/** One round: everyone answers the next `count` questions (choices from the person and the position). */
async function answerRound(from: number, count: number): Promise<number> {
  let stored = 0;
  await withConcurrency(everyone, 16, async (p, i) => {
    const answers = [];
    for (let position = from; position < Math.min(p.questions, from + count); position++) {
      answers.push({ position, choice: (i + position) % 4, flagged: false, seq: ++p.seq, base: 0 });
    }
    if (answers.length === 0) return;
    const reply = await send<{ held: { position: number; choice: number | null }[] }>(p, 'POST', `/api/attempts/${p.attemptId}/answers`, {
      clientId: `bench-${i}`,
      deviceId: `bench-device-${i}`,
      answers,
    });
    if (reply.status !== 200) {
      errors++;
      return;
    }
    for (const h of reply.body.held) acked.push({ username: p.username, attemptId: p.attemptId, position: h.position, choice: h.choice });
    stored += reply.body.held.length;
  });
  return stored;
}

await answerRound(0, 10);
await sleep(1500);
say('đã trả lời 10 câu khi còn đường truyền; cắt đường truyền');
proxy.cut();
const outageStarted = performance.now();
let duringOutage = 0;
let from = 10;
let killedInOutage = false;
while (performance.now() - outageStarted < OUTAGE_S * 1000) {
  if (from < 50) {
    duringOutage += await answerRound(from, 10);
    from += 10;
  }
  if (!killedInOutage && performance.now() - outageStarted > (OUTAGE_S * 1000) / 2) {
    await edgeNode.killAndRestart(0);
    killedInOutage = true;
    say('kill -9 máy điểm cầu giữa lúc mất đường truyền, khởi động lại');
  }
  await sleep(Math.min(2000, OUTAGE_S * 100));
}
while (from < 50) {
  duringOutage += await answerRound(from, 10);
  from += 10;
}
await withConcurrency(everyone, 16, async (p, i) => {
  const reply = await send(p, 'POST', `/api/attempts/${p.attemptId}/submit`, {
    clientId: `bench-${i}`,
    deviceId: `bench-device-${i}`,
    answers: [],
    kind: 'participant',
  });
  if (reply.status !== 200) errors++;
});
say(
  `mất đường truyền ${((performance.now() - outageStarted) / 1000).toFixed(0)} s: ${duringOutage} câu trả lời và ${N} bài nộp chờ trên máy điểm cầu`,
);

const provinceDb = openDatabase({ ...config, dataDir: provinceDir });
proxy.restore();
const restored = performance.now();
// Killed again while it catches up: the batch in flight is sent again after the restart.
await sleep(300);
await edgeNode.killAndRestart(0);
say('đường truyền trở lại; kill -9 máy điểm cầu giữa lúc đồng bộ, khởi động lại');
const everythingArrived = async () => {
  const row = await provinceDb.db
    .selectFrom('attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('assessment_id', '=', assessmentId)
    .where('status', '=', 'submitted')
    .where('score', 'is not', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0) >= N;
};
const deadline = performance.now() + 600_000;
while (!(await everythingArrived()) && performance.now() < deadline) await sleep(200);
const syncedAfter = (performance.now() - restored) / 1000;

const edgeDb = openDatabase({ ...config, dataDir: edgeDir });
const verdict = await verifyEdgeRun({
  province: provinceDb.db,
  edge: edgeDb.db,
  assessmentId,
  acked,
  usernames: everyone.map((p) => p.username),
});
await edgeDb.destroy();
await provinceDb.destroy();
await edgeNode.stop();
await proxy.close();
await provinceNode.stop();
for (const p of everyone) p.conn.close();

const summary = {
  participants: N,
  outage_s: OUTAGE_S,
  answers_during_outage: duringOutage,
  lost_answers: verdict.lostAnswers,
  duplicated_attempts: verdict.duplicatedAttempts,
  score_mismatches: verdict.scoreMismatches,
  synced_after_s: Number(syncedAfter.toFixed(1)),
  answer_key_on_edge: verdict.keyOnEdge,
  edge_killed: 2,
  errors,
};
say(
  `đồng bộ xong sau ${summary.synced_after_s} s; mất ${verdict.lostAnswers} câu, trùng ${verdict.duplicatedAttempts} bài, sai ${verdict.scoreMismatches} điểm; đáp án trên máy điểm cầu: ${verdict.keyOnEdge}`,
);
say(JSON.stringify(summary));
fs.rmSync(provinceDir, { recursive: true, force: true });
fs.rmSync(edgeDir, { recursive: true, force: true });
process.exit(verdict.lostAnswers + verdict.duplicatedAttempts + verdict.scoreMismatches + verdict.keyOnEdge > 0 ? 1 : 0);
