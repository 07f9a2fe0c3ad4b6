/**
 * npm run bench:stats [-- --attempts N --db sqlite|postgres]
 * Fills a fresh database with N graded attempts of a 50-question survey (N people over the demo province's ~190 units,
 * a plausible spread per unit, one question published with a wrong key), then times the whole-province statistics
 * (tree roll-up, bands, cuts, item analysis) as the statistics page computes them, the cached second view, the Excel
 * export, and prints the peak RSS. The last line is one JSON object. Never fails on a time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.ts';
import { ensureRootUnit } from '../../src/server/bootstrap.ts';
import { systemClock, type AppContext } from '../../src/server/context.ts';
import { migrateToLatest, openDatabase } from '../../src/server/db/database.ts';
import { createPgDatabase } from '../../src/server/test/harness.ts';
import { seedDemo } from '../../src/server/demo/seed-demo.ts';
import { rootActor } from '../../src/server/test/assessment-builders.ts';
import { statisticsView } from '../../src/server/modules/statistics/service.ts';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { reportData } from '../../src/server/modules/reports/report-data.ts';
import { renderReport } from '../../src/server/modules/reports/service.ts';
import { seedAttempts } from './seed.ts';

const { values } = parseArgs({ options: {
  attempts: { type: 'string', default: '10000' }, db: { type: 'string', default: process.env.DATABASE_URL ? 'postgres' : 'sqlite' },
  export: { type: 'string', default: 'auto' },
} });
const N = Number(values.attempts);
const dialect = values.db === 'postgres' ? 'postgres' : 'sqlite';
const say = (line: string) => process.stdout.write(`${line}\n`);
let peakRss = 0;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 25);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-bench-stats-'));
const pgDb = dialect === 'postgres' && !process.env.DATABASE_URL ? await createPgDatabase() : undefined;
const config = { ...loadConfig({}), dataDir, databaseUrl: dialect === 'postgres' ? (process.env.DATABASE_URL ?? pgDb!.url) : undefined, logLevel: 'silent' };
const handle = openDatabase(config);
const ctx: AppContext = { db: handle.db, dialect: handle.dialect, config, clock: systemClock };
const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(1);

say(`bench:stats — ${N.toLocaleString('vi-VN')} bài làm, ${dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}, ${os.cpus().length} nhân, Node ${process.version}`);
let t = performance.now();
await migrateToLatest(handle.db);
await ensureRootUnit(ctx);
await seedDemo(ctx, { people: Math.min(N, 10_000) });
const assessmentId = await seedAttempts(ctx, N);
say(`chuẩn bị dữ liệu: ${seconds(t)} s`);

const actor = await rootActor(ctx);
peakRss = 0;
t = performance.now();
const view = await statisticsView(ctx, actor, assessmentId);
const statsMs = performance.now() - t;
say(`thống kê toàn tỉnh (cây ${view.children.length} đơn vị cấp dưới, ${view.items?.length} câu, các nhóm): ${statsMs.toFixed(0)} ms`
  + ` — ${view.node.took.toLocaleString('vi-VN')} bài, điểm TB ${view.node.summary.mean?.toLocaleString('vi-VN')}, `
  + `${view.goodLabel.toLowerCase()} ${view.node.summary.goodPercent?.toLocaleString('vi-VN')}%, KR-20 ${view.test?.kr20?.toLocaleString('vi-VN', { maximumFractionDigits: 3 })}, `
  + `câu nghi sai đáp án: ${view.items?.filter((i) => i.flags.includes('likely_miskeyed')).map((i) => i.index + 1).join(', ') || 'không'}`);
t = performance.now();
await statisticsView(ctx, actor, assessmentId, view.children[0]?.unitId);
say(`xem lại (đã lưu đệm, đơn vị cấp dưới): ${(performance.now() - t).toFixed(0)} ms`);

let exportMs: number | null = null;
let childRssMb = 0;
if (values.export === 'yes' || (values.export === 'auto' && N <= 100_000)) {
  // The export as the download route makes it; the event loop's longest stall is what a live survey's saves would wait.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  t = performance.now();
  const file = await renderReport(await reportData(ctx, actor, assessmentId), 'xlsx');
  exportMs = performance.now() - t;
  loop.disable();
  childRssMb = file.peakRssMb ?? 0;
  say(`xuất Excel (tổng hợp, ${N.toLocaleString('vi-VN')} dòng chi tiết, phân tích câu hỏi): ${exportMs.toFixed(0)} ms, ${(file.body.length / 1024 / 1024).toFixed(1)} MB;`
    + ` vòng sự kiện bị chặn lâu nhất ${(loop.max / 1e6).toFixed(0)} ms${file.peakRssMb ? `; tiến trình dựng tệp: RSS đỉnh ${file.peakRssMb} MB` : ''}`);
} else {
  say('xuất Excel: bỏ qua ở quy mô này (một tệp Excel hàng triệu dòng chi tiết không ai mở được; dùng --export yes để đo)');
}
clearInterval(sampler);
// The child that renders the file runs beside the server: their peaks add up.
const peakMb = Math.round(peakRss / 1024 / 1024) + childRssMb;
say(`RSS đỉnh (thống kê và xuất${childRssMb ? ', máy chủ + tiến trình dựng tệp' : ''}): ${peakMb} MB`);
await handle.destroy();
await pgDb?.drop();
fs.rmSync(dataDir, { recursive: true, force: true });
say(JSON.stringify({ attempts: N, stats_ms: Math.round(statsMs), export_ms: exportMs === null ? null : Math.round(exportMs),
  peak_rss_mb: peakMb }));
