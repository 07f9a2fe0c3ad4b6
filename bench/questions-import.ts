/**
 * npm run bench:questions [-- --questions N]: builds a Word bank of N questions (default 1,000, one in ten with a
 * ~20 KB image), then times parsing and the one-transaction import into a fresh SQLite database (or DATABASE_URL).
 * Prints figures; never fails on a time.
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
import { systemClock } from '../src/server/context.ts';
import { migrateToLatest, openDatabase } from '../src/server/db/database.ts';
import { systemActor } from '../src/cli/cli-context.ts';
import { createBank } from '../src/server/modules/banks/service.ts';
import { applyQuestionImport, previewQuestionImport } from '../src/server/modules/questions/import-service.ts';

const { values } = parseArgs({ options: { questions: { type: 'string', default: '1000' } } });
const count = Number(values.questions);
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

function picture(i: number) {
  // ~20 KB that does not compress, like a photo; PNG readers ignore bytes after IEND.
  let block = crypto.createHash('sha256').update(String(i)).digest();
  const noise: Buffer[] = [];
  for (let k = 0; k < 640; k++) noise.push((block = crypto.createHash('sha256').update(block).digest()));
  const data = Buffer.concat([TINY_PNG, ...noise]);
  return new ImageRun({ type: 'png', data, transformation: { width: 60, height: 40 } });
}

const paragraphs = [];
for (let i = 1; i <= count; i++) {
  if (i % 100 === 1) paragraphs.push(p(`Chuyên đề ${Math.ceil(i / 100)}: Nghị quyết và văn kiện`));
  const stem = `Câu ${i}. Theo Nghị quyết số ${i}-NQ/TW, nội dung nào sau đây đúng về đổi mới căn bản, toàn diện giáo dục?`;
  paragraphs.push(i % 10 === 0 ? p(stem, picture(i)) : p(stem));
  const key = i % 4;
  ['Tăng cường kỷ luật', 'Đổi mới phương pháp', 'Phát triển đội ngũ', 'Tất cả các phương án trên'].forEach((text, k) => {
    const label = `${k === 3 ? '#' : ''}${'ABCD'[k]}.`;
    paragraphs.push(k === key ? p({ text: label, underline: {} }, ` ${text} (${i})`) : p(`${label} ${text} (${i})`));
  });
}
const docx = await buildDocx(paragraphs);
console.log(`Tệp Word: ${count} câu hỏi, ${(docx.length / 1_048_576).toFixed(1)} MB`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-bench-q-'));
const config = { ...loadConfig(), dataDir };
const handle = openDatabase(config);
await migrateToLatest(handle.db);
const ctx = { db: handle.db, dialect: handle.dialect, config, clock: systemClock };
await ensureRootUnit(ctx);
const actor = await systemActor(ctx);
const { id: bankId } = await createBank(ctx, actor, { name: 'Ngân hàng đo tốc độ', unitId: actor.grants[0].unitId });

let started = performance.now();
const preview = await previewQuestionImport(ctx, actor, { fileName: 'bench.docx', file: docx, bankId });
const parseMs = performance.now() - started;
started = performance.now();
const written = await applyQuestionImport(ctx, actor, bankId, preview.questions, 'bench.docx');
const importMs = performance.now() - started;
clearInterval(sampler);

console.log(`Đọc và kiểm tra: ${parseMs.toFixed(0)} ms — ${preview.questions.length} câu, ${preview.problems.length} vấn đề`);
console.log(`Ghi vào ${handle.dialect}: ${importMs.toFixed(0)} ms — ${written.imported} câu, ${written.topicsCreated} chuyên đề`);
console.log(`Bộ nhớ đỉnh (RSS): ${(peakRss / 1_048_576).toFixed(0)} MB`);
console.log(
  JSON.stringify({
    questions: count,
    parse_ms: Math.round(parseMs),
    import_ms: Math.round(importMs),
    problems: preview.problems.length,
    peak_rss_mb: Math.round(peakRss / 1_048_576),
  }),
);
await handle.destroy();
fs.rmSync(dataDir, { recursive: true, force: true });
