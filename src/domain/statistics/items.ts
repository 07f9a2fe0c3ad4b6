/**
 * Item analysis on the canonical question (independent of the variant that showed it) and the whole-test figures,
 * from one pass over the responses with memory O(questions × options × questions), whatever the number of attempts.
 *
 * The one table kept: for every question i, every option o (letters, then "omitted") and every total t
 * (number of correct answers of the attempt, 0..Q), how many attempts chose o on i and totalled t. Everything
 * below is a sum over that table: option counts, the key's correct count, the corrected point-biserial
 * (Σ t and Σ t² of the correct group), and the upper/lower groups, which are ranges of totals.
 */
import { largestRemainderHundredths, toPercent } from './percent.ts';

/** Flags (thresholds as in most classical item-analysis guides). */
export const TOO_EASY_FACILITY = 0.9; // p above: too easy
export const TOO_HARD_FACILITY = 0.2; // p below: too hard
export const WEAK_DISCRIMINATION = 0.2; // corrected point-biserial below: weak
export const MISKEY_DISCRIMINATION = 0; // corrected point-biserial below: likely mis-keyed
/** Kelley's upper and lower groups: 27% of the attempts each. */
export const UPPER_LOWER_PERCENT = 27;

export const OPTION_LETTERS = 'ABCDEFGH';
export const OMITTED = '-';

export const ITEM_FLAGS = ['likely_miskeyed', 'too_easy', 'too_hard', 'weak_discrimination'] as const;
export type ItemFlag = (typeof ITEM_FLAGS)[number];

export interface OptionFigure {
  letter: string; // 'A'.., or '-' for omitted
  count: number;
  /** Share of all attempts, 2 decimals; options and omitted add up to 100,00. Null without attempts. */
  percent: number | null;
  isKey: boolean;
  /** Proportion (0..1) of the upper / lower 27% group that chose it. */
  upperShare: number | null;
  lowerShare: number | null;
}

export interface ItemAnalysis {
  /** 0-based position in the assessment's canonical question order. */
  index: number;
  key: string;
  attempts: number;
  correct: number;
  /** Facility index p: correct ÷ attempts (an omitted answer is wrong). */
  facility: number | null;
  /** Pearson correlation of the item (0/1) with the rest score (total minus this item); null without variance. */
  pointBiserial: number | null;
  /** Proportion correct in the upper / lower 27% groups by total, and their difference D. */
  upperCorrect: number | null;
  lowerCorrect: number | null;
  upperLower: number | null;
  options: OptionFigure[];
  omitted: OptionFigure;
  flags: ItemFlag[];
}

export interface TestFigures {
  attempts: number;
  questions: number;
  /** Raw score = number of correct answers. */
  meanCorrect: number | null;
  /** Population SD of the raw scores (the one KR-20 is defined with). */
  sdCorrect: number | null;
  /** KR-20, which for 0/1 items equals Cronbach's alpha; null below 2 questions or without score variance. */
  kr20: number | null;
  /** Standard error of measurement = SD × √(1 − KR-20), in correct answers and on the 10-point scale. */
  semCorrect: number | null;
  semScore: number | null;
  /** Attempts per number of correct answers, 0..questions. */
  correctDistribution: number[];
}

export class ItemAnalysisAccumulator {
  readonly key: string;
  readonly optionCounts: readonly number[];
  private readonly questions: number;
  private readonly slots: number; // letters of the widest question + omitted
  private readonly keyCodes: Int32Array;
  private readonly limits: Int32Array;
  private readonly cells: Float64Array; // [(question × slots + option) × (Q + 1) + total]
  private readonly totals: Float64Array; // attempts per total
  private readonly chosen: Int32Array; // scratch: the slot chosen per question of the attempt being added

  constructor(key: string, optionCounts: readonly number[]) {
    const questions = key.length;
    if (questions === 0 || optionCounts.length !== questions) {
      throw new Error(`item analysis: ${optionCounts.length} option counts for a key of ${questions} answers`);
    }
    optionCounts.forEach((count, i) => {
      if (!Number.isInteger(count) || count < 2 || count > OPTION_LETTERS.length) {
        throw new Error(`item analysis: question ${i + 1} has ${count} options (2..${OPTION_LETTERS.length})`);
      }
      const k = OPTION_LETTERS.indexOf(key[i]);
      if (k < 0 || k >= count) throw new Error(`item analysis: key "${key[i]}" of question ${i + 1} is not one of its options`);
    });
    this.key = key;
    this.optionCounts = optionCounts.slice();
    this.questions = questions;
    this.slots = Math.max(...optionCounts) + 1;
    this.keyCodes = Int32Array.from(key, (c) => c.charCodeAt(0));
    this.limits = Int32Array.from(optionCounts);
    this.cells = new Float64Array(questions * this.slots * (questions + 1));
    this.totals = new Float64Array(questions + 1);
    this.chosen = new Int32Array(questions);
  }

  get attempts(): number {
    let n = 0;
    for (const c of this.totals) n += c;
    return n;
  }

  /** One attempt's responses: the original letter chosen per canonical question, '-' for none. */
  add(responses: string): void {
    const q = this.questions;
    if (responses.length !== q) throw new Error(`item analysis: ${responses.length} responses for ${q} questions`);
    const chosen = this.chosen;
    const omittedSlot = this.slots - 1;
    let total = 0;
    for (let i = 0; i < q; i++) {
      const code = responses.charCodeAt(i);
      if (code === this.keyCodes[i]) total++;
      const slot = code === 45 ? omittedSlot : code - 65; // '-', 'A'
      if (code !== 45 && (slot < 0 || slot >= this.limits[i])) {
        throw new Error(`item analysis: response "${responses[i]}" to question ${i + 1} is not one of its options`);
      }
      chosen[i] = slot;
    }
    const width = q + 1;
    for (let i = 0; i < q; i++) this.cells[(i * this.slots + chosen[i]) * width + total]++;
    this.totals[total]++;
  }

  merge(other: ItemAnalysisAccumulator): this {
    if (other.key !== this.key || other.optionCounts.some((c, i) => c !== this.optionCounts[i])) {
      throw new Error('item analysis: cannot merge analyses of different keys or questions');
    }
    for (let i = 0; i < this.cells.length; i++) this.cells[i] += other.cells[i];
    for (let t = 0; t < this.totals.length; t++) this.totals[t] += other.totals[t];
    return this;
  }

  result(): { items: ItemAnalysis[]; test: TestFigures } {
    const q = this.questions;
    let n = 0;
    let sumT = 0;
    let sumTT = 0;
    this.totals.forEach((c, t) => {
      n += c;
      sumT += c * t;
      sumTT += c * t * t;
    });
    const upper = groupWeights(this.totals, n, true);
    const lower = groupWeights(this.totals, n, false);
    const groupSize = (UPPER_LOWER_PERCENT * n) / 100;
    const moments = { n, sumT, sumTT };
    const items = Array.from({ length: q }, (_, i) => this.item(i, moments, upper, lower, groupSize));
    return { items, test: testFigures(items, moments, q, Array.from(this.totals)) };
  }

  private item(i: number, m: Moments, upper: Float64Array, lower: Float64Array, groupSize: number): ItemAnalysis {
    const width = this.questions + 1;
    const keySlot = OPTION_LETTERS.indexOf(this.key[i]);
    const share = (weights: Float64Array, slot: number) => {
      if (m.n === 0) return null;
      let weighted = 0;
      const base = (i * this.slots + slot) * width;
      for (let t = 0; t < width; t++) weighted += weights[t] * this.cells[base + t];
      return weighted / groupSize;
    };
    const countOf = (slot: number) => {
      let c = 0;
      const base = (i * this.slots + slot) * width;
      for (let t = 0; t < width; t++) c += this.cells[base + t];
      return c;
    };
    const letters = OPTION_LETTERS.slice(0, this.optionCounts[i]);
    const slots = [...letters].map((_, o) => o).concat(this.slots - 1);
    const counts = slots.map(countOf);
    const percents = largestRemainderHundredths(counts, m.n);
    const figures = slots.map((slot, k): OptionFigure => ({
      letter: k < letters.length ? letters[k] : OMITTED,
      count: counts[k],
      percent: m.n > 0 ? toPercent(percents[k]) : null,
      isKey: slot === keySlot,
      upperShare: share(upper, slot),
      lowerShare: share(lower, slot),
    }));
    const options = figures.slice(0, letters.length);
    const keyFigure = options[keySlot];
    const correct = keyFigure.count;
    const pointBiserial = correctedPointBiserial(this.cells, (i * this.slots + keySlot) * width, width, m);
    const upperCorrect = keyFigure.upperShare;
    const lowerCorrect = keyFigure.lowerShare;
    const analysis: ItemAnalysis = {
      index: i,
      key: this.key[i],
      attempts: m.n,
      correct,
      facility: m.n > 0 ? correct / m.n : null,
      pointBiserial,
      upperCorrect,
      lowerCorrect,
      upperLower: upperCorrect !== null && lowerCorrect !== null ? upperCorrect - lowerCorrect : null,
      options,
      omitted: figures[figures.length - 1],
      flags: [],
    };
    analysis.flags = flagsOf(analysis);
    return analysis;
  }
}

interface Moments {
  n: number;
  sumT: number;
  sumTT: number;
}

/**
 * Weight (0..1) of each total in the upper (fromTop) or lower group. The group holds exactly 27% of the attempts,
 * 0,27 × N, counted from the top (bottom) total. When that boundary falls inside a run of equal totals, every attempt
 * with the boundary total belongs to the group with the same fraction — (places left) ÷ (attempts with that total) —
 * so the result never depends on how tied attempts happen to be ordered. Computed in hundredths of an attempt: exact.
 */
function groupWeights(totals: Float64Array, n: number, fromTop: boolean): Float64Array {
  const weights = new Float64Array(totals.length);
  let remaining = UPPER_LOWER_PERCENT * n;
  for (let k = 0; k < totals.length && remaining > 0; k++) {
    const t = fromTop ? totals.length - 1 - k : k;
    const size = totals[t] * 100;
    if (size === 0) continue;
    const taken = Math.min(size, remaining);
    weights[t] = taken / size;
    remaining -= taken;
  }
  return weights;
}

/**
 * r(x, R) with x the item (0/1) and R = T − x the rest score, from the correct group's Σ T over all totals:
 * Σ R = Σ T − c, Σ R² = Σ T² − 2 Σₓ T + c, Σ xR = Σₓ T − c (c = correct count, Σₓ over the correct group).
 */
function correctedPointBiserial(cells: Float64Array, base: number, width: number, m: Moments): number | null {
  let c = 0;
  let sumCorrectT = 0;
  for (let t = 0; t < width; t++) {
    c += cells[base + t];
    sumCorrectT += cells[base + t] * t;
  }
  const sumR = m.sumT - c;
  const sumRR = m.sumTT - 2 * sumCorrectT + c;
  const sumXR = sumCorrectT - c;
  const varX = m.n * c - c * c;
  const varR = m.n * sumRR - sumR * sumR;
  if (varX <= 0 || varR <= 0) return null;
  return (m.n * sumXR - c * sumR) / Math.sqrt(varX * varR);
}

function flagsOf(item: ItemAnalysis): ItemFlag[] {
  const flags: ItemFlag[] = [];
  const key = item.options.find((o) => o.isKey)!;
  const strongPreferDistractor = item.options.some((o) => !o.isKey && (o.upperShare ?? 0) > (key.upperShare ?? 0));
  if ((item.pointBiserial !== null && item.pointBiserial < MISKEY_DISCRIMINATION) || strongPreferDistractor) {
    flags.push('likely_miskeyed');
  }
  if (item.facility !== null && item.facility > TOO_EASY_FACILITY) flags.push('too_easy');
  if (item.facility !== null && item.facility < TOO_HARD_FACILITY) flags.push('too_hard');
  if (item.pointBiserial !== null && item.pointBiserial < WEAK_DISCRIMINATION) flags.push('weak_discrimination');
  return flags;
}

function testFigures(items: ItemAnalysis[], m: Moments, questions: number, correctDistribution: number[]): TestFigures {
  const empty = { kr20: null, semCorrect: null, semScore: null };
  if (m.n === 0) return { attempts: 0, questions, meanCorrect: null, sdCorrect: null, ...empty, correctDistribution };
  const variance = (m.n * m.sumTT - m.sumT * m.sumT) / (m.n * m.n);
  const sd = Math.sqrt(variance);
  let sumPQ = 0;
  for (const item of items) sumPQ += item.facility! * (1 - item.facility!);
  const base = { attempts: m.n, questions, meanCorrect: m.sumT / m.n, sdCorrect: sd, correctDistribution };
  if (questions < 2 || variance <= 0) return { ...base, ...empty };
  const kr20 = (questions / (questions - 1)) * (1 - sumPQ / variance);
  // A negative KR-20 (items that disagree with each other) leaves SEM above the SD: reported as computed.
  const semCorrect = sd * Math.sqrt(1 - kr20);
  return { ...base, kr20, semCorrect, semScore: (semCorrect * 10) / questions };
}
