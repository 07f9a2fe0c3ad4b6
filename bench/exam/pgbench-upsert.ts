/**
 * npm run bench:exam:pgbench [-- --participants N --clients C --seconds S]
 * The database's own ceiling for an answer save on this machine: pgbench runs the very statement the app sends
 * (repository.saveAnswersStatement, compiled by Kysely, one answer, prepared) against N open attempts of a fresh
 * database seeded like bench:exam, with C clients (default 16) and synchronous commit, each transaction one save to a
 * random attempt and position that always writes (a change over the version held). Prints pgbench's summary and one
 * JSON line: transactions per second and latency percentiles from pgbench's per-transaction log.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../../src/server/db/database.ts';
import { saveAnswersStatement } from '../../src/server/modules/exam/repository.ts';
import { createPgDatabase } from '../../src/server/test/harness.ts';
import { loadConfig, seedBench } from './seed.ts';

const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    participants: { type: 'string', default: '10000' },
    clients: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '30' },
  },
});
const N = Number(values.participants);
const say = (line: string) => process.stdout.write(`${line}\n`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-pgbench-'));
const pgDb = await createPgDatabase();
const config = { ...loadConfig({}), dataDir, databaseUrl: pgDb.url, logLevel: 'warn' };
try {
  const { assessmentId } = await seedBench(config, N);
  const handle = openDatabase({ ...config, poolSize: 2 });
  let offset: number;
  try {
    const db = handle.db;
    const variant = await db
      .selectFrom('assessment_variants')
      .select('id')
      .where('assessment_id', '=', assessmentId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const now = new Date();
    const deadline = new Date(now.getTime() + 4 * 3_600_000).toISOString();
    // Attempt k belongs to person k + offset: the ids pgbench draws stay consistent with the owner check.
    await sql`insert into attempts (assessment_id, person_id, user_id, attempt_no, variant_id, status, started_at, deadline_at,
        answered_count, last_seen_at)
      select ${assessmentId}, u.person_id, u.id, 1, ${variant.id}, 'in_progress', ${now.toISOString()}, ${deadline}, 0, ${now.toISOString()}
      from users u where u.person_id is not null order by u.person_id`.execute(db);
    const first = await db.selectFrom('attempts').select(['id', 'person_id']).orderBy('id').executeTakeFirstOrThrow();
    offset = first.person_id - first.id;
    const bad = await sql<{ n: number }>`select count(*) as n from attempts where person_id <> id + ${offset}`.execute(db);
    if (Number(bad.rows[0].n) !== 0) throw new Error('attempt ids are not contiguous with person ids');
    await sql`analyze`.execute(db);
  } finally {
    await handle.destroy();
  }

  // The app's statement with sentinel values, each replaced by a pgbench variable.
  const compiled = saveAnswersStatement(
    'postgres',
    { attemptId: -101, personId: -102, writer: 'W' },
    [{ position: -103, choice: -104, flagged: false, seq: -105, base: -107 }],
    '2000-01-01T00:00:00.000Z',
    'AT',
  ).compile(openDatabase({ ...config, poolSize: 1 }).db);
  const names = new Map<unknown, string>([
    [-101, ':aid'],
    [-102, ':pid'],
    [-103, ':pos'],
    [-104, ':choice'],
    [0, ':flagged'],
    [-105, ':seq'],
    [-106, ':version'],
    ['W', ':writer'],
    ['AT', ':at'],
    ['2000-01-01T00:00:00.000Z', ':cutoff'],
  ]);
  const text = compiled.sql
    .replace(/\$(\d+)/g, (_, i: string) => {
      const name = names.get(compiled.parameters[Number(i) - 1]);
      if (!name) throw new Error(`parameter $${i} has no pgbench variable`);
      return name;
    })
    .replace(/\s+/g, ' ')
    .trim();
  const script = path.join(dataDir, 'upsert.sql');
  fs.writeFileSync(
    script,
    [
      `\\set aid random(1, ${N})`,
      `\\set pid :aid + ${offset}`,
      '\\set pos random(0, 49)',
      '\\set choice random(0, 3)',
      '\\set flagged 0',
      '\\set seq random(1, 1000000)',
      '\\set version 1000000000',
      '\\set writer random(1, 1000000000)',
      `${text};`,
    ].join('\n'),
  );
  const url = new URL(pgDb.url);
  const logPrefix = path.join(dataDir, 'pgbench_log');
  say(`pgbench: câu lệnh lưu của ứng dụng, ${values.clients} kết nối, ${values.seconds} s, ${N} bài đang làm`);
  // \set takes numbers only: the two timestamps are variables given on the command line.
  const { stdout } = await run(
    'pgbench',
    [
      '-n',
      '-M',
      'prepared',
      '-D',
      `at=${new Date().toISOString()}`,
      '-D',
      'cutoff=2000-01-01T00:00:00.000Z',
      '-c',
      values.clients!,
      '-j',
      '2',
      '-T',
      values.seconds!,
      '-f',
      script,
      '-l',
      '--log-prefix',
      logPrefix,
      '-h',
      url.hostname,
      '-p',
      url.port || '5432',
      '-U',
      decodeURIComponent(url.username) || 'postgres',
      url.pathname.slice(1),
    ],
    { maxBuffer: 10 * 1024 * 1024 },
  );
  say(stdout.trim());
  const latencies: number[] = [];
  for (const file of fs.readdirSync(dataDir).filter((f) => f.startsWith('pgbench_log'))) {
    for (const line of fs.readFileSync(path.join(dataDir, file), 'utf8').split('\n')) {
      const cols = line.split(' ');
      if (cols.length >= 3) latencies.push(Number(cols[2]) / 1000);
    }
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0;
  const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1] ?? 0);
  const round = (n: number) => Math.round(n * 10) / 10;
  say(
    JSON.stringify({
      pgbench_clients: Number(values.clients),
      statement: 'saveAnswers (1 answer, prepared)',
      tps: round(tps),
      latency_p50_ms: round(pct(50)),
      latency_p99_ms: round(pct(99)),
      transactions: latencies.length,
    }),
  );
} finally {
  await pgDb.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
