/**
 * node --import tsx bench/stats/xlsx-bare.ts [--rows N]: the results workbook's writer alone, no database and no HTTP.
 * The same three sheets as the download (report-xlsx.ts, exceljs's streaming writer): a summary of 190 units, N people
 * in pages of 5,000 (names, units, positions, codes, scores and bands like the bench's), 50 analysed questions; the bytes
 * go to a sink that counts them. Prints the time, the size and the process's peak RSS; the last line is JSON.
 */
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { DEFAULT_SCORING } from '../../src/domain/assessment/scoring.ts';
import type { GroupSummary } from '../../src/domain/statistics/index.ts';
import type { ReportHead, ReportPersonRow, ReportUnitRow } from '../../src/server/modules/reports/report-data.ts';
import { streamResultsXlsx } from '../../src/server/modules/reports/report-xlsx.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' } } });
const N = Number(values.rows);
const bands = DEFAULT_SCORING.bands;

const summary = (took: number): GroupSummary =>
  ({
    took,
    mean: 7.56,
    median: 7.8,
    sd: 1.4,
    sampleSd: 1.41,
    min: 1.2,
    max: 10,
    distribution: Array.from({ length: 11 }, (_, i) => ({ from: i, to: i + 1, count: Math.round(took / 11) })),
    bands: bands.map((b, i) => ({ label: b.label, count: Math.round(took / bands.length), percent: i === 0 ? 20.01 : 19.99 })),
    goodPercent: 53.68,
  }) as unknown as GroupSummary;
const units: ReportUnitRow[] = Array.from({ length: 190 }, (_, i) => ({
  depth: i === 0 ? 0 : i % 10 === 1 ? 1 : 2,
  name: i === 0 ? 'Sở Giáo dục và Đào tạo' : `Trường Trung học cơ sở Số ${i} xã Nậm Pồ`,
  eligible: Math.round(N / 190) + 10,
  took: Math.round(N / 190),
  didNotTake: 10,
  summary: summary(Math.round(N / 190)),
}));
const head: ReportHead = {
  title: 'Khảo sát bồi dưỡng chính trị hè 2026',
  organiser: 'Sở Giáo dục và Đào tạo',
  scopeName: 'Sở Giáo dục và Đào tạo',
  questionCount: 50,
  opensAt: '2026-07-01T01:00:00Z',
  closesAt: '2026-07-01T03:00:00Z',
  live: false,
  regradedAt: null,
  generatedAt: new Date().toISOString(),
  scoring: DEFAULT_SCORING,
  node: units[0],
  units,
  children: units.slice(1, 20),
  test: { kr20: 0.925, semCorrect: 1.9, semScore: 0.38, meanCorrect: 37.8, sdCorrect: 7.1 } as ReportHead['test'],
  comparison: null,
  cuts: [],
  items: Array.from({ length: 50 }, (_, i) => ({
    index: i,
    key: 'ABCD'[i % 4],
    correct: Math.round(N * 0.7),
    facility: 0.7,
    pointBiserial: 0.45,
    upperLower: 0.38,
    options: [0, 1, 2, 3].map((o) => ({ letter: 'ABCD'[o], count: Math.round(N / 4), percent: 25 })),
    omitted: { count: 0, percent: 1.5 },
    flags: i === 17 ? ['likely_miskeyed'] : [],
    stem: `Câu hỏi số ${i + 1} về Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng?`,
  })) as unknown as ReportHead['items'],
};

function* people(): Generator<ReportPersonRow[]> {
  for (let from = 0; from < N; from += 5000) {
    yield Array.from({ length: Math.min(5000, N - from) }, (_, j) => {
      const k = from + j;
      const score = Math.round((3 + ((k * 7919) % 700) / 100) * 100) / 100;
      return {
        fullName: `Người thứ ${k + 1}`,
        unitName: units[1 + (Math.floor(k / 500) % 189)].name,
        position: 'teacher',
        variantCode: k % 2 ? '101' : '102',
        correct: Math.round(score * 5),
        score,
        band: score >= 8 ? 'Giỏi' : 'Khá',
        submittedAt: null,
      };
    });
  }
}

let bytes = 0;
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    bytes += chunk.length;
    done();
  },
});
const started = performance.now();
await streamResultsXlsx(head, people(), sink);
if (!sink.writableFinished) await new Promise((resolve) => sink.once('finish', resolve));
const ms = performance.now() - started;
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(
  `Ghi tệp Excel (tổng hợp 190 đơn vị, ${N.toLocaleString('vi-VN')} dòng chi tiết, 50 câu), không cơ sở dữ liệu: `
    + `${Math.round(ms).toLocaleString('vi-VN')} ms, ${(bytes / 1_048_576).toFixed(1)} MB, RSS đỉnh ${peakRssMb} MB`,
);
console.log(JSON.stringify({ rows: N, xlsx_ms: Math.round(ms), xlsx_mb: Number((bytes / 1_048_576).toFixed(1)), peak_rss_mb: peakRssMb }));
