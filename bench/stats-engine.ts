/**
 * node --import tsx bench/stats-engine.ts [--attempts N] [--seed S]: the pure statistics engine alone, no database.
 * Generates N synthetic graded attempts (50 questions, 4 options, one question published with a wrong key,
 * 190 units), streams them through one StatisticsBuilder in chunks, then rolls the unit tree up.
 * Prints figures and, last, one JSON line; never fails on a time.
 */
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { StatisticsBuilder, type GradedAttempt } from '../src/domain/statistics/builder.ts';
import { formatCountVi, formatDecimalVi, formatPercentVi } from '../src/domain/statistics/format.ts';
import { syntheticAssessment, syntheticAttempts, syntheticProvince } from '../src/domain/statistics/synthetic.ts';

const { values } = parseArgs({ options: { attempts: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } } });
const count = Number(values.attempts);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1) throw new Error('--attempts must be a positive integer');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const retainedHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

const CHUNK = 10_000; // generated ahead of the engine, so its time is not the engine's and memory stays flat
const units = syntheticProvince(seed);
const assessment = syntheticAssessment(seed + 1, 50, 4, [17]);
const heapBefore = retainedHeap();
const builder = new StatisticsBuilder({ key: assessment.key, optionCounts: assessment.optionCounts });
const source = syntheticAttempts({ seed: seed + 2, count, assessment, units });

let generateMs = 0;
let addMs = 0;
const chunk: GradedAttempt[] = [];
for (let done = 0; done < count; done += chunk.length) {
  let started = performance.now();
  chunk.length = 0;
  for (let k = 0; k < CHUNK; k++) {
    const next = source.next();
    if (next.done) break;
    chunk.push(next.value);
  }
  generateMs += performance.now() - started;
  started = performance.now();
  for (const attempt of chunk) builder.add(attempt);
  addMs += performance.now() - started;
}

let started = performance.now();
const result = builder.result();
const resultMs = performance.now() - started;

// eligible: each unit's expected share of the attempts plus 3% who did not come
const totalWeight = units.reduce((s, u) => s + u.weight, 0);
const eligible = new Map(units.map((u) => [u.id, Math.round((count * u.weight * 1.03) / totalWeight)]));
started = performance.now();
const tree = builder.rollUp(units, eligible);
const rollUpMs = performance.now() - started;

const statsMs = addMs + resultMs + rollUpMs;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
chunk.length = 0;
// what the engine itself keeps (builder and results), with the generator's garbage collected
const engineMb = (retainedHeap() - heapBefore) / 1_048_576;
const root = tree.roots[0];
const flagged = result.items.filter((i) => i.flags.includes('likely_miskeyed')).map((i) => i.index + 1);

console.log(`Bài làm: ${formatCountVi(count)} (50 câu, 4 phương án, ${units.length} đơn vị)`);
console.log(`Sinh dữ liệu giả lập (không tính vào thống kê): ${formatCountVi(Math.round(generateMs))} ms`);
console.log(
  `Nạp bài làm vào bộ thống kê (một lượt): ${formatCountVi(Math.round(addMs))} ms — ${formatCountVi(Math.round(count / (addMs / 1000)))} bài/giây`,
);
console.log(`Tính kết quả (tổng hợp, các nhóm, phân tích câu hỏi): ${formatDecimalVi(resultMs, 1)} ms`);
console.log(`Cộng dồn cây đơn vị: ${formatDecimalVi(rollUpMs, 1)} ms`);
console.log(`Thống kê tổng cộng: ${formatCountVi(Math.round(statsMs))} ms`);
console.log(
  `Bộ nhớ đỉnh của tiến trình (RSS, gồm cả việc sinh dữ liệu): ${formatCountVi(Math.round(peakRssMb))} MB; `
    + `bộ thống kê và kết quả giữ ${formatDecimalVi(engineMb, 1)} MB`,
);
console.log(
  `Toàn tỉnh: phải tham gia ${formatCountVi(root.eligible)}, đã làm ${formatCountVi(root.took)}, `
    + `điểm trung bình ${formatDecimalVi(root.summary.mean)}, trung vị ${formatDecimalVi(root.summary.median)}, `
    + `tỷ lệ giỏi, xuất sắc ${formatPercentVi(root.summary.goodPercent)}`,
);
console.log(
  `KR-20 ${formatDecimalVi(result.test.kr20, 3)}, sai số chuẩn ${formatDecimalVi(result.test.semScore)} điểm; `
    + `câu có thể sai đáp án: ${flagged.join(', ') || 'không có'}`,
);
console.log(
  JSON.stringify({
    attempts: count,
    generate_ms: Math.round(generateMs),
    add_ms: Math.round(addMs),
    result_ms: Math.round(resultMs),
    rollup_ms: Math.round(rollUpMs),
    stats_ms: Math.round(statsMs),
    peak_rss_mb: Math.round(peakRssMb),
    engine_heap_mb: Number(engineMb.toFixed(1)),
  }),
);
