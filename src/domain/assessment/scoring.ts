/** The 10-point scale, its rounding rule and the bands (xếp loại); the arithmetic is the statistics engine's. */
import { bandOf, DEFAULT_BANDS, regrade, scoreFromCorrect, type Band } from '../statistics/bands.ts';

export { bandOf, DEFAULT_BANDS, type Band };

export interface ScoringRule {
  /** Digits kept after the decimal point; halves round up. */
  decimals: number;
  /** Highest band first. */
  bands: Band[];
}

export const DEFAULT_SCORING: ScoringRule = { decimals: 2, bands: DEFAULT_BANDS.map((b) => ({ ...b })) };

export function describeRounding(rule: ScoringRule): string {
  return `Điểm = số câu đúng × 10 ÷ tổng số câu (các câu bằng điểm nhau), làm tròn đến ${rule.decimals} chữ số thập phân, từ 5 trở lên làm tròn lên.`;
}

/** Exact half-up rounding in integers, so 7.125 never becomes 7.13 through a float error. */
export function scoreOf(correct: number, total: number, decimals: number): number {
  return total <= 0 ? 0 : scoreFromCorrect(correct, total, decimals);
}

export function bandProblem(bands: readonly Band[]): string | null {
  if (bands.length === 0) return 'Cần ít nhất một mức xếp loại.';
  const labels = new Set<string>();
  for (const [i, b] of bands.entries()) {
    if (!b.label.trim()) return `Mức xếp loại thứ ${i + 1} chưa có tên.`;
    if (!(b.min >= 0 && b.min <= 10)) return `Điểm tối thiểu của mức "${b.label}" phải từ 0 đến 10.`;
    if (labels.has(b.label)) return `Mức xếp loại "${b.label}" bị trùng.`;
    labels.add(b.label);
  }
  if (!bands.some((b) => b.min === 0)) return 'Cần một mức xếp loại bắt đầu từ 0 điểm.';
  return null;
}

export interface GradeResult {
  correct: number;
  answered: number;
  score: number;
  band: string;
}

/** Grades canonical responses against the key letters: the same whatever the variant the person sat. */
export function grade(responses: string, key: string, rule: ScoringRule): GradeResult {
  const full = responses.padEnd(key.length, '-').slice(0, key.length);
  const { correct, score, band } = regrade(full, key, key.length, rule.decimals, rule.bands);
  let answered = 0;
  for (const r of full) if (r !== '-') answered++;
  return { correct, answered, score, band };
}
