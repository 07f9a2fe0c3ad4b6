/**
 * Bands (xếp loại) and grading on the 10-point scale, in exact integer arithmetic: grading on submit
 * (domain/assessment/scoring.ts), regrading and the statistics all use these.
 */

export interface Band {
  label: string;
  /** Lowest score (inclusive) of the band on the 10-point scale. */
  min: number;
}

/** Highest first: Xuất sắc ≥ 9, Giỏi ≥ 8, Khá ≥ 6,5, Trung bình ≥ 5, Không đạt < 5. */
export const DEFAULT_BANDS: readonly Band[] = Object.freeze([
  { label: 'Xuất sắc', min: 9 },
  { label: 'Giỏi', min: 8 },
  { label: 'Khá', min: 6.5 },
  { label: 'Trung bình', min: 5 },
  { label: 'Không đạt', min: 0 },
]);

export const MAX_SCORE_DECIMALS = 6;
// Band limits and scores compared as integers in millionths, so 1.1 ≥ 1.1 holds whatever the binary float says.
const MICRO = 1_000_000;
const micro = (value: number) => Math.round(value * MICRO);

export function assertBands(bands: readonly Band[]): void {
  if (bands.length === 0) throw new Error('bands: at least one band is needed');
  const labels = new Set<string>();
  bands.forEach((band, i) => {
    if (!band.label || labels.has(band.label)) throw new Error(`bands: label "${band.label}" is empty or repeated`);
    labels.add(band.label);
    if (!Number.isFinite(band.min)) throw new Error(`bands: "${band.label}" has no finite minimum`);
    if (i > 0 && micro(band.min) >= micro(bands[i - 1].min)) throw new Error('bands: minimums must strictly decrease (highest band first)');
  });
  if (micro(bands[bands.length - 1].min) > 0) throw new Error('bands: the lowest band must start at 0 so every score has a band');
}

/** The label of the highest band whose minimum the score reaches. */
export function bandOf(score: number, bands: readonly Band[]): string {
  const value = micro(score);
  for (const band of bands) if (value >= micro(band.min)) return band.label;
  return bands[bands.length - 1].label;
}

/** correct × 10 ÷ questionCount rounded half-up to `decimals` digits, in integers: 57/80 → 7,125 → 7,13. */
export function scoreFromCorrect(correct: number, questionCount: number, decimals: number): number {
  if (!Number.isInteger(questionCount) || questionCount < 1) throw new Error('grading: questionCount must be a positive integer');
  if (!Number.isInteger(correct) || correct < 0 || correct > questionCount) throw new Error('grading: correct must be in 0..questionCount');
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_SCORE_DECIMALS) {
    throw new Error(`grading: decimals must be an integer in 0..${MAX_SCORE_DECIMALS}`);
  }
  const unit = 10 ** decimals;
  // round(a / q) half-up = floor((2a + q) / 2q), all in exact integers (well below 2^53)
  const numerator = 2 * correct * 10 * unit + questionCount;
  const denominator = 2 * questionCount;
  const scaled = (numerator - (numerator % denominator)) / denominator;
  return scaled / unit;
}

export interface Regraded {
  correct: number;
  score: number;
  band: string;
}

/**
 * Grades one attempt's responses against a key: `responses[i] === key[i]` is a correct answer ('-' never is).
 * Used on submit and again, with a corrected key, when an organiser regrades.
 */
export function regrade(responses: string, key: string, questionCount: number, decimals: number, bands: readonly Band[]): Regraded {
  if (key.length !== questionCount) throw new Error(`grading: the key has ${key.length} answers for ${questionCount} questions`);
  if (responses.length !== questionCount) {
    throw new Error(`grading: ${responses.length} responses for ${questionCount} questions`);
  }
  let correct = 0;
  for (let i = 0; i < questionCount; i++) if (responses.charCodeAt(i) === key.charCodeAt(i) && key[i] !== '-') correct++;
  const score = scoreFromCorrect(correct, questionCount, decimals);
  return { correct, score, band: bandOf(score, bands) };
}

/**
 * A fixed set of bands with the "good" ones marked (the headline "tỷ lệ giỏi, xuất sắc").
 * Build it once and share it: accumulators only merge with accumulators of an equal scheme.
 */
export class BandScheme {
  readonly bands: readonly Band[];
  /** good[i]: band i counts in the headline share. */
  readonly good: readonly boolean[];
  private readonly index: Map<string, number>;

  /** goodLabels defaults to the two highest bands (Xuất sắc and Giỏi with the default bands). */
  constructor(bands: readonly Band[] = DEFAULT_BANDS, goodLabels?: readonly string[]) {
    assertBands(bands);
    this.bands = bands.map((b) => ({ ...b }));
    this.index = new Map(bands.map((b, i) => [b.label, i]));
    const good = goodLabels ?? bands.slice(0, 2).map((b) => b.label);
    for (const label of good) if (!this.index.has(label)) throw new Error(`bands: good band "${label}" is not a band`);
    this.good = bands.map((b) => good.includes(b.label));
  }

  /** Index of a band label; throws on a label this scheme does not have (the stored band and the scheme disagree). */
  indexOf(label: string): number {
    const i = this.index.get(label);
    if (i === undefined) throw new Error(`bands: attempt band "${label}" is not one of ${[...this.index.keys()].join(', ')}`);
    return i;
  }

  sameAs(other: BandScheme): boolean {
    return (
      other === this
      || (other.bands.length === this.bands.length
        && other.bands.every((b, i) => b.label === this.bands[i].label && micro(b.min) === micro(this.bands[i].min))
        && other.good.every((g, i) => g === this.good[i]))
    );
  }
}
