/** The 10-point scale, its rounding rule and the bands (xếp loại). */

export interface Band {
  label: string;
  /** Lowest score of the band, inclusive. */
  min: number;
}

export interface ScoringRule {
  /** Digits kept after the decimal point; halves round up. */
  decimals: number;
  /** Highest band first. */
  bands: Band[];
}

export const DEFAULT_BANDS: Band[] = [
  { label: 'Xuất sắc', min: 9 },
  { label: 'Giỏi', min: 8 },
  { label: 'Khá', min: 6.5 },
  { label: 'Trung bình', min: 5 },
  { label: 'Không đạt', min: 0 },
];

export const DEFAULT_SCORING: ScoringRule = { decimals: 2, bands: DEFAULT_BANDS };

export function describeRounding(rule: ScoringRule): string {
  return `Điểm = số câu đúng × 10 ÷ tổng số câu (các câu bằng điểm nhau), làm tròn đến ${rule.decimals} chữ số thập phân, từ 5 trở lên làm tròn lên.`;
}

/** Exact half-up rounding in integers, so 7.125 never becomes 7.12 through a float error. */
export function scoreOf(correct: number, total: number, decimals: number): number {
  if (total <= 0) return 0;
  const scale = 10 ** decimals;
  const scaled = Math.floor((2 * correct * 10 * scale + total) / (2 * total));
  return scaled / scale;
}

export function bandOf(score: number, bands: readonly Band[]): string {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return (sorted.find((b) => score >= b.min) ?? sorted[sorted.length - 1]).label;
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
  let correct = 0;
  let answered = 0;
  for (let i = 0; i < key.length; i++) {
    const r = responses[i];
    if (r === undefined || r === '-') continue;
    answered++;
    if (r === key[i]) correct++;
  }
  const score = scoreOf(correct, key.length, rule.decimals);
  return { correct, answered, score, band: bandOf(score, rule.bands) };
}
