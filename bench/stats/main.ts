/**
 * npm run bench:stats [-- --attempts N --db sqlite|postgres --export auto|yes|no --keep --seed-only]
 * Fills a fresh database with N graded attempts of a 50-question survey (N people over the demo province's ~190 units,
 * a plausible spread per unit, one question published with a wrong key), starts the real server in its own process and,
 * over HTTP as an organiser of the province:
 *   1. (with the export) downloads the results workbook from a freshly started server: statistics not yet computed;
 *   2. on a second fresh server, the whole-province statistics page (cold), a unit's page (cached), then the workbook
 *      again (statistics computed), while /healthz is probed every 20 ms (what a live survey's requests would wait).
 * Then it checks what it got: the statistics count every attempt and flag the mis-keyed question; the workbook lists
 * every attempt once, numbered in order, under the summary and beside the item analysis. Peak RSS is the servers' own
 * (VmHWM of each process, the larger of the two). The last line is one JSON object. Never fails on a time; exits 1 when
 * a check fails. --keep leaves the database (its URL or file printed) for timing the bare SQL in psql; --seed-only stops
 * after filling it (and keeps it).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import { ensureRootUnit } from '../../src/server/bootstrap.ts';
import { systemClock, type AppContext } from '../../src/server/context.ts';
import { migrateToLatest, openDatabase, sqliteFile } from '../../src/server/db/database.ts';
import { createPgDatabase } from '../../src/server/test/harness.ts';
import { buildUser } from '../../src/server/test/builders.ts';
import { spawnServer, type ServerProcess } from '../../src/server/test/server-process.ts';
import { Connection } from '../../src/server/test/http-connection.ts';
import { seedDemo } from '../../src/server/demo/seed-demo.ts';
import { findRootUnit } from '../../src/server/modules/units/repository.ts';
import { seedAttempts } from './seed.ts';

const { values } = parseArgs({
  options: {
    attempts: { type: 'string', default: '10000' },
    db: { type: 'string', default: process.env.DATABASE_URL ? 'postgres' : 'sqlite' },
    export: { type: 'string', default: 'auto' },
    keep: { type: 'boolean', default: false },
    'seed-only': { type: 'boolean', default: false },
  },
});
const N = Number(values.attempts);
const dialect = values.db === 'postgres' ? 'postgres' : 'sqlite';
const withExport = values.export === 'yes' || (values.export === 'auto' && N <= 100_000);
const say = (line: string) => process.stdout.write(`${line}\n`);
const vi = (n: number, digits = 0) => n.toLocaleString('vi-VN', { maximumFractionDigits: digits });
const problems: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) problems.push(what);
};

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-bench-stats-'));
const pgDb = dialect === 'postgres' && !process.env.DATABASE_URL ? await createPgDatabase() : undefined;
const databaseUrl = dialect === 'postgres' ? (process.env.DATABASE_URL ?? pgDb!.url) : undefined;
const config = { ...loadConfig({}), dataDir, databaseUrl, logLevel: 'silent' };

say(
  `bench:stats — ${vi(N)} bài làm, ${dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}, ${os.cpus().length} nhân ${os.cpus()[0]?.model ?? ''}, Node ${process.version}`,
);
let t = performance.now();
const seeded = await (async () => {
  const handle = openDatabase(config);
  try {
    const ctx: AppContext = { db: handle.db, dialect: handle.dialect, config, clock: systemClock };
    await migrateToLatest(handle.db);
    await ensureRootUnit(ctx);
    await seedDemo(ctx, { people: Math.min(N, 10_000) });
    const assessmentId = await seedAttempts(ctx, N);
    // Attempts arrive over a two-hour window in life, and autovacuum analyzes the table as they do; written here in a
    // minute, the planner would otherwise still believe the tables empty.
    if (ctx.dialect === 'postgres') await sql`analyze`.execute(ctx.db);
    const root = (await findRootUnit(ctx.db))!;
    const organiser = await buildUser(ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
    const counted = Number(
      (
        await ctx.db
          .selectFrom('attempts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('assessment_id', '=', assessmentId)
          .where('status', '=', 'submitted')
          .executeTakeFirstOrThrow()
      ).n,
    );
    return { assessmentId, organiser, counted };
  } finally {
    await handle.destroy();
  }
})();
say(`chuẩn bị dữ liệu: ${((performance.now() - t) / 1000).toFixed(1)} s (${vi(seeded.counted)} bài đã nộp)`);
if (values['seed-only']) {
  say(
    `cơ sở dữ liệu: ${databaseUrl ?? sqliteFile(dataDir)} (bài khảo sát số ${seeded.assessmentId}; tài khoản ${seeded.organiser.username} / ${seeded.organiser.password})`,
  );
  process.exit(0);
}

// Servers this run started go down with it, even when it is interrupted.
const servers = new Set<ServerProcess>();
process.on('exit', () => {
  for (const s of servers) s.child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
async function startServer(): Promise<ServerProcess> {
  const started = await spawnServer({ dataDir, databaseUrl });
  servers.add(started);
  return started;
}

/** A GET whose body goes to a file: time to the last byte, and its size. */
function download(port: number, cookie: string, url: string, file: string): Promise<{ status: number; ms: number; bytes: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url, headers: { cookie } }, (res) => {
        const out = fs.createWriteStream(file);
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.pipe(out);
        out.on('finish', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, bytes }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

async function logIn(port: number): Promise<Connection> {
  const conn = new Connection('127.0.0.1', port);
  const r = await conn.request<{ csrfToken: string }>('POST', '/api/auth/login', {
    username: seeded.organiser.username,
    password: seeded.organiser.password,
  });
  if (r.status !== 200) throw new Error(`login: ${r.status} ${JSON.stringify(r.body)}`);
  conn.cookie = r.cookies.map((c) => c.split(';')[0]).join('; ');
  conn.csrf = r.body.csrfToken;
  return conn;
}

function peakRssMb(server: ServerProcess): number {
  const status = fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function stop(server: ServerProcess): Promise<number> {
  const peak = peakRssMb(server);
  server.child.kill('SIGTERM');
  await server.exited;
  servers.delete(server);
  return peak;
}

/** /healthz every 20 ms on its own connection while `work` runs: the latencies a live survey's requests would see. */
async function probed<T>(port: number, work: () => Promise<T>): Promise<{ value: T; p99: number; max: number }> {
  const probe = new Connection('127.0.0.1', port);
  const latencies: number[] = [];
  let running = true;
  const prober = (async () => {
    while (running) {
      latencies.push((await probe.request('GET', '/healthz')).ms);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  try {
    const value = await work();
    return { value, ...percentiles(latencies) };
  } finally {
    running = false;
    await prober;
    probe.close();
  }
}

function percentiles(list: number[]) {
  const sorted = [...list].sort((a, b) => a - b);
  return { p99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0, max: sorted.at(-1) ?? 0 };
}

const reportUrl = `/api/assessments/${seeded.assessmentId}/report?format=xlsx`;
const xlsxFile = path.join(dataDir, 'ket-qua.xlsx');
let exportColdMs: number | null = null;
let peakMb = 0;
if (withExport) {
  const server = await startServer();
  const conn = await logIn(server.port);
  const got = await download(server.port, conn.cookie, reportUrl, xlsxFile);
  check(got.status === 200, `xuất Excel (máy chủ mới khởi động): mã ${got.status}`);
  exportColdMs = got.ms;
  conn.close();
  const peak = await stop(server);
  peakMb = Math.max(peakMb, peak);
  say(
    `xuất Excel trên máy chủ vừa khởi động (tính cả thống kê): ${vi(got.ms)} ms, ${vi(got.bytes / 1_048_576, 1)} MB; RSS đỉnh của máy chủ ${vi(peak)} MB`,
  );
}

const server = await startServer();
const conn = await logIn(server.port);
t = performance.now();
const stats = await conn.request<{
  node: { took: number; summary: { mean: number; goodPercent: number } };
  children: { unitId: number }[];
  items: { index: number; flags: string[] }[] | null;
  test: { kr20: number } | null;
}>('GET', `/api/assessments/${seeded.assessmentId}/statistics`);
const statsMs = performance.now() - t;
check(stats.status === 200, `thống kê: mã ${stats.status}`);
const view = stats.body;
const flagged = view.items?.filter((i) => i.flags.includes('likely_miskeyed')).map((i) => i.index + 1) ?? [];
say(
  `thống kê toàn tỉnh qua HTTP (cây ${view.children.length} đơn vị cấp dưới, ${view.items?.length} câu, các nhóm): ${vi(statsMs)} ms — `
    + `${vi(view.node.took)} bài, điểm TB ${vi(view.node.summary.mean, 2)}, tỷ lệ giỏi, xuất sắc ${vi(view.node.summary.goodPercent, 2)}%, `
    + `KR-20 ${vi(view.test?.kr20 ?? 0, 3)}, câu nghi sai đáp án: ${flagged.join(', ') || 'không'}`,
);
check(view.node.took === seeded.counted, `thống kê đếm ${view.node.took} bài, cơ sở dữ liệu có ${seeded.counted}`);
check(view.items?.length === 50, 'thống kê: thiếu phân tích câu hỏi');
check(flagged.includes(18), 'thống kê: câu 18 (công bố sai đáp án) không bị đánh dấu');
t = performance.now();
const drill = await conn.request('GET', `/api/assessments/${seeded.assessmentId}/statistics?unitId=${view.children[0]?.unitId}`);
const cachedMs = performance.now() - t;
check(drill.status === 200, `xem lại đơn vị: mã ${drill.status}`);
say(`xem lại (đã lưu đệm, đơn vị cấp dưới): ${vi(cachedMs)} ms`);

let exportMs: number | null = null;
let exportMb: number | null = null;
let health = { p99: 0, max: 0 };
if (withExport) {
  const { value: got, p99, max } = await probed(server.port, () => download(server.port, conn.cookie, reportUrl, xlsxFile));
  check(got.status === 200, `xuất Excel: mã ${got.status}`);
  exportMs = got.ms;
  exportMb = got.bytes / 1_048_576;
  health = { p99, max };
  say(
    `xuất Excel (tổng hợp, ${vi(N)} dòng chi tiết, phân tích câu hỏi), thống kê đã tính: ${vi(got.ms)} ms, ${vi(exportMb, 1)} MB; `
      + `/healthz trong lúc xuất: p99 ${vi(p99, 1)} ms, lâu nhất ${vi(max, 1)} ms`,
  );
  t = performance.now();
  const sheets = await readWorkbook(xlsxFile);
  const detail = sheets[1] ?? [];
  check(sheets.length === 3, `tệp Excel có ${sheets.length} trang tính, cần 3`);
  check(Number(sheets[0]?.[0]?.[3]) === seeded.counted, `trang Tổng hợp: "Đã làm" của tỉnh là ${sheets[0]?.[0]?.[3]}`);
  check(detail.length === seeded.counted, `trang Chi tiết có ${detail.length} dòng, cần ${seeded.counted}`);
  check(
    detail.every((r, i) => r[0] === i + 1 && typeof r[6] === 'number' && typeof r[1] === 'string'),
    'trang Chi tiết: STT, họ tên hoặc điểm sai',
  );
  check((sheets[2] ?? []).filter((r) => typeof r[0] === 'number').length === 50, 'trang Phân tích câu hỏi: không đủ 50 câu');
  say(`kiểm tra tệp: ${detail.length.toLocaleString('vi-VN')} dòng chi tiết (${((performance.now() - t) / 1000).toFixed(1)} s)`);
} else {
  say('xuất Excel: bỏ qua ở quy mô này (một tệp Excel hàng triệu dòng chi tiết không ai mở được; dùng --export yes để đo)');
}
conn.close();
peakMb = Math.max(peakMb, await stop(server));
say(`RSS đỉnh của máy chủ (cả lượt chạy): ${vi(peakMb)} MB`);

/** The data rows (below the 5 title and header rows) of each sheet, read with exceljs's streaming reader. */
async function readWorkbook(file: string): Promise<unknown[][][]> {
  const sheets: unknown[][][] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    worksheets: 'emit',
    styles: 'ignore',
    hyperlinks: 'ignore',
  });
  for await (const sheet of reader) {
    const rows: unknown[][] = [];
    for await (const row of sheet) if (row.number > 5) rows.push((row.values as unknown[]).slice(1));
    sheets.push(rows);
  }
  return sheets;
}

if (values.keep) say(`giữ cơ sở dữ liệu: ${databaseUrl ?? sqliteFile(dataDir)} (bài khảo sát số ${seeded.assessmentId})`);
else {
  await pgDb?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
for (const p of problems) say(`LỖI: ${p}`);
say(
  JSON.stringify({
    db: dialect,
    attempts: N,
    stats_ms: Math.round(statsMs),
    stats_cached_ms: Math.round(cachedMs),
    export_cold_ms: exportColdMs === null ? null : Math.round(exportColdMs),
    export_ms: exportMs === null ? null : Math.round(exportMs),
    export_mb: exportMb === null ? null : Number(exportMb.toFixed(1)),
    healthz_p99_ms: withExport ? Number(health.p99.toFixed(1)) : null,
    healthz_max_ms: withExport ? Number(health.max.toFixed(1)) : null,
    server_peak_rss_mb: peakMb,
    checks_failed: problems.length,
  }),
);
process.exit(problems.length ? 1 : 0);
