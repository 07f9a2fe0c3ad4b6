/**
 * npm run bench:files [-- --db sqlite|postgres]
 * Starts the server in its own process on a fresh database and uploads, as a unit manager (rosters) and an organiser
 * (question banks), the files of issue 13: a 0.4 MB Word file whose document.xml inflates to 150 MB of short
 * paragraphs, a workbook of 1.5 million rows (318 MB of sheet XML), and for comparison legitimate files — a 20 MB
 * roster (the province's 20,000 people and a scanned letterhead), the largest roster the limits let through (95,000
 * rows, 20 MB) and a 1,000-question bank. Meanwhile it asks /healthz every 50 ms and watches the server's resident
 * memory and its children's (the parsing child) in /proc. Prints one JSON line per case, after a baseline of /healthz
 * with no upload; a server that dies is a result (the next case gets a new one). Never fails on a time.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ImageRun } from 'docx';
import { loadConfig } from '../src/config.ts';
import { buildDocx, p, TINY_PNG } from '../src/domain/question-bank/docx/docx-test-builder.ts';
import { ensureRootUnit } from '../src/server/bootstrap.ts';
import { systemClock, type AppContext } from '../src/server/context.ts';
import { migrateToLatest, openDatabase } from '../src/server/db/database.ts';
import { createBank } from '../src/server/modules/banks/service.ts';
import { buildUnit, buildUser } from '../src/server/test/builders.ts';
import { createPgDatabase } from '../src/server/test/harness.ts';
import { manyRowsXlsx, paragraphBombDocx, rosterXlsx } from '../src/server/test/hostile-files.ts';
import { spawnServer } from '../src/server/test/server-process.ts';
import { healthFigures, sampleHealth, signIn, uploadFile, watchMemory } from '../src/server/test/upload-probe.ts';

const { values } = parseArgs({ options: { db: { type: 'string', default: process.env.DATABASE_URL ? 'postgres' : 'sqlite' } } });
const dialect = values.db === 'postgres' ? 'postgres' : 'sqlite';
const say = (line: string) => process.stderr.write(`${line}\n`);
const MB = 1024 * 1024;

/** A 1,000-question bank as bench:questions builds it (one in ten with a ~20 KB photo-like image). */
async function bankDocx(count: number): Promise<Uint8Array> {
  const picture = (i: number) => {
    let block = crypto.createHash('sha256').update(String(i)).digest();
    const noise: Buffer[] = [];
    for (let k = 0; k < 640; k++) noise.push((block = crypto.createHash('sha256').update(block).digest()));
    return new ImageRun({ type: 'png', data: Buffer.concat([TINY_PNG, ...noise]), transformation: { width: 60, height: 40 } });
  };
  const paragraphs = [];
  for (let i = 1; i <= count; i++) {
    if (i % 100 === 1) paragraphs.push(p(`Chuyên đề ${Math.ceil(i / 100)}: Nghị quyết và văn kiện`));
    const stem = `Câu ${i}. Theo Nghị quyết số ${i}-NQ/TW, nội dung nào sau đây đúng về đổi mới căn bản, toàn diện giáo dục?`;
    paragraphs.push(i % 10 === 0 ? p(stem, picture(i)) : p(stem));
    ['Tăng cường kỷ luật', 'Đổi mới phương pháp', 'Phát triển đội ngũ', 'Tất cả các phương án trên'].forEach((text, k) => {
      const label = `${'ABCD'[k]}.`;
      paragraphs.push(k === i % 4 ? p({ text: label, underline: {} }, ` ${text} (${i})`) : p(`${label} ${text} (${i})`));
    });
  }
  return buildDocx(paragraphs);
}

say(`bench:files — ${dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}, ${os.cpus().length} nhân, Node ${process.version}`);
const t = performance.now();
const cases = [
  { file: 'paragraph-bomb.docx', kind: 'bank' as const, bytes: await paragraphBombDocx(150 * MB) },
  { file: 'rows-1.5M.xlsx', kind: 'roster' as const, bytes: await manyRowsXlsx(1_500_000) },
  { file: 'roster-20k-people-20MB.xlsx', kind: 'roster' as const, bytes: await rosterXlsx(20_000, { pictureBytes: 18_500_000 }) },
  { file: 'roster-95k-rows-20MB.xlsx', kind: 'roster' as const, bytes: await rosterXlsx(95_000, { noteWords: 12, pictureBytes: 11 * MB }) },
  { file: 'bank-1000-questions.docx', kind: 'bank' as const, bytes: await bankDocx(1000) },
];
say(
  `tạo tệp: ${cases.map((c) => `${c.file} ${(c.bytes.length / MB).toFixed(1)} MB`).join(', ')} (${((performance.now() - t) / 1000).toFixed(1)} s)`,
);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-bench-files-'));
const pgDb = dialect === 'postgres' && !process.env.DATABASE_URL ? await createPgDatabase() : undefined;
const databaseUrl = dialect === 'postgres' ? (process.env.DATABASE_URL ?? pgDb!.url) : undefined;
const config = { ...loadConfig({}), dataDir, databaseUrl, logLevel: 'warn' };
const handle = openDatabase({ ...config, poolSize: 2 });
await migrateToLatest(handle.db);
const ctx: AppContext = { db: handle.db, dialect: handle.dialect, config, clock: systemClock };
const root = await ensureRootUnit(ctx);
const district = await buildUnit(ctx, { name: 'Xã Sơn Lâm', kind: 'commune', schoolLevel: null });
const manager = await buildUser(ctx, { unit: district, roles: [{ role: 'unit_manager', unit: district }] });
const organiser = await buildUser(ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
const bank = await createBank(
  ctx,
  { userId: 0, personId: null, username: 'system', grants: [{ role: 'admin', unitId: root.id, unitPath: root.path }] },
  { name: 'Ngân hàng đo tải', unitId: root.id },
);
await handle.destroy();

let server = await spawnServer({ dataDir, databaseUrl, env: { LOG_LEVEL: 'warn' } });
let restarts = 0;
try {
  let managerSession = await signIn(server.port, manager.username, manager.password);
  let organiserSession = await signIn(server.port, organiser.username, organiser.password);

  // The bare baseline: /healthz with nothing else going on.
  await new Promise((r) => setTimeout(r, 1000));
  const bare = sampleHealth(server.port);
  await new Promise((r) => setTimeout(r, 5000));
  const base = await bare.stop();
  process.stdout.write(
    `${JSON.stringify({
      file: null,
      baseline: 'no upload',
      healthz_samples: base.count,
      healthz_p50_ms: +base.p50.toFixed(1),
      healthz_p99_ms: +base.p99.toFixed(1),
      healthz_max_ms: +base.max.toFixed(1),
    })}\n`,
  );

  for (const c of cases) {
    const pid = server.child.pid!;
    // Reset the server's peak RSS (VmHWM) so that it is this case's; sampled VmRSS stands in where that is refused.
    try {
      fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      /* not Linux, or not allowed */
    }
    const memory = watchMemory(pid);
    const health = sampleHealth(server.port);
    const started = performance.now();
    const reply = await (
      c.kind === 'roster'
        ? uploadFile(managerSession, `/api/roster/imports?underUnitId=${district.id}`, c.bytes, c.file)
        : uploadFile(organiserSession, `/api/banks/${bank.id}/question-imports`, c.bytes, c.file)
    ).catch((err: Error) => err);
    await new Promise((r) => setTimeout(r, 200));
    const figures = await health.stop();
    let hwm = 0;
    try {
      hwm = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1] ?? 0) / 1024;
    } catch {
      /* gone */
    }
    const peaks = memory.stop();
    const died = server.child.exitCode !== null || server.child.signalCode !== null;
    const outcome =
      reply instanceof Error
        ? `no answer (${reply.message})${died ? `: the server exited (${server.child.exitCode ?? server.child.signalCode})` : ''}`
        : reply.final.error
          ? `${reply.final.error.code}: ${reply.final.error.message}`
          : reply.final.result
            ? `ok: ${reply.final.result.rows ?? reply.final.result.questions?.length} ${c.kind === 'roster' ? 'dòng' : 'câu'}, ${reply.final.result.problems?.length ?? 0} lỗi`
            : `${reply.final.code}: ${reply.final.message}`;
    // /healthz answered while the parsing child lived (the upload, then the parse), and answered after it (what waited
    // for the result to be taken in and for the service's own work: planning against the database, storing the preview).
    const parsedAt = peaks.childLastSeenAt;
    const split =
      parsedAt === undefined
        ? {}
        : {
            healthz_during_parse_p99_ms: +healthFigures(figures.samples.filter((s) => s.at + s.ms < parsedAt)).p99.toFixed(1),
            healthz_after_parse_p99_ms: +healthFigures(figures.samples.filter((s) => s.at + s.ms >= parsedAt)).p99.toFixed(1),
          };
    process.stdout.write(
      `${JSON.stringify({
        file: c.file,
        bytes: c.bytes.length,
        seconds: +((reply instanceof Error ? performance.now() - started : reply.ms) / 1000).toFixed(2),
        status: reply instanceof Error ? null : reply.status,
        outcome,
        server_peak_rss_mb: Math.round(Math.max(hwm, peaks.serverMb)),
        parse_child_peak_rss_mb: peaks.childrenMb,
        healthz_samples: figures.count,
        healthz_failures: figures.failures,
        healthz_p50_ms: +figures.p50.toFixed(1),
        healthz_p99_ms: +figures.p99.toFixed(1),
        healthz_max_ms: +figures.max.toFixed(1),
        ...split,
      })}\n`,
    );
    if (died) {
      // A result in itself; the next case gets a fresh server.
      await server.exited;
      restarts += 1;
      server = await spawnServer({ dataDir, databaseUrl, env: { LOG_LEVEL: 'warn' } });
      managerSession = await signIn(server.port, manager.username, manager.password);
      organiserSession = await signIn(server.port, organiser.username, organiser.password);
    }
  }
  const after = sampleHealth(server.port);
  await new Promise((r) => setTimeout(r, 1000));
  const last = await after.stop();
  say(`sau cùng: máy chủ đã phải khởi động lại ${restarts} lần; /healthz ${last.count - last.failures}/${last.count} trả lời 200`);
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
  await pgDb?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
