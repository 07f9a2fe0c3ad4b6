/** The figures of one group of graded attempts (a unit, a school level, a variant…), as a mergeable accumulator. */
import type { BandScheme } from './bands.ts';
import { MAX_HUNDREDTHS, ScoreHistogram } from './histogram.ts';
import { largestRemainderHundredths, percentOf, toPercent } from './percent.ts';

/**
 * Score distribution 0–10 in 11 one-point bins: bin k holds the half-open interval [k; k+1) for k = 0..9,
 * and bin 10 holds exactly 10 (the last bin is closed, so a full mark is not lost off the end).
 */
export const DISTRIBUTION_BINS = 11;

export interface BandFigure {
  label: string;
  count: number;
  /** 2 decimals, largest remainder: the bands of a group add up to exactly 100,00. Null when took is 0. */
  percent: number | null;
  /** Counted in the headline share. */
  good: boolean;
}

export interface GroupSummary {
  took: number;
  mean: number | null;
  /** Exact: the middle score, or the mean of the two middle scores. */
  median: number | null;
  /**
   * Population SD (divides by n): the groups are every participant, not a sample of them, so this is the SD
   * the pages and reports show. KR-20 and the standard error of measurement use the population SD as well.
   */
  sd: number | null;
  /** Sample SD (divides by n − 1), for who treats a group as a sample (e.g. comparing variants); null below 2. */
  sampleSd: number | null;
  min: number | null;
  max: number | null;
  /** DISTRIBUTION_BINS counts, see there. */
  distribution: number[];
  bands: BandFigure[];
  goodCount: number;
  /**
   * "Tỷ lệ giỏi, xuất sắc": goodCount ÷ took rounded half-up to 2 decimals — what anyone recomputing it from the
   * counts gets. The sum of the good bands' (largest-remainder) percentages can differ from it by up to 0,01 per
   * good band (20 of 23 people: 73,91% + 13,04% = 86,95% in the table, 86,96% as the headline).
   */
  goodPercent: number | null;
}

/** A score on the 10-point scale in integer hundredths; throws unless it is 0..10 with at most 2 decimals. */
export function toHundredths(score: number): number {
  const scaled = Math.round(score * 100);
  if (!Number.isFinite(score) || Math.abs(score * 100 - scaled) > 1e-6 || scaled < 0 || scaled > MAX_HUNDREDTHS) {
    throw new Error(`statistics: score ${score} is not 0..10 with at most 2 decimals`);
  }
  return scaled;
}

export class SummaryAccumulator {
  readonly scheme: BandScheme;
  private readonly histogram = new ScoreHistogram();
  private readonly bandCounts: number[];
  private count = 0;

  constructor(scheme: BandScheme) {
    this.scheme = scheme;
    this.bandCounts = scheme.bands.map(() => 0);
  }

  get took(): number {
    return this.count;
  }

  add(attempt: { score: number; band: string }): void {
    this.addScaled(toHundredths(attempt.score), this.scheme.indexOf(attempt.band));
  }

  /** add() with the score already in hundredths and the band as its index in the scheme (checked by the caller). */
  addScaled(hundredths: number, bandIndex: number, count = 1): void {
    this.histogram.add(hundredths, count);
    this.bandCounts[bandIndex] += count;
    this.count += count;
  }

  merge(other: SummaryAccumulator): this {
    if (!this.scheme.sameAs(other.scheme)) throw new Error('statistics: cannot merge groups graded with different bands');
    this.histogram.merge(other.histogram);
    other.bandCounts.forEach((c, i) => {
      this.bandCounts[i] += c;
    });
    this.count += other.count;
    return this;
  }

  /** [score in hundredths, count], lowest first. */
  scoreFrequencies(): [number, number][] {
    return this.histogram.entries();
  }

  result(): GroupSummary {
    const n = this.count;
    const distribution = new Array<number>(DISTRIBUTION_BINS).fill(0);
    let sum = 0;
    let min = -1;
    let max = -1;
    this.histogram.forEachAscending((h, c) => {
      if (min < 0) min = h;
      max = h;
      sum += h * c;
      distribution[Math.min(DISTRIBUTION_BINS - 1, Math.floor(h / 100))] += c;
    });
    const meanHundredths = n > 0 ? sum / n : 0;
    let squares = 0; // second pass over ≤ 1001 bins: stable, no cancellation
    this.histogram.forEachAscending((h, c) => {
      squares += c * (h - meanHundredths) ** 2;
    });
    const hundredths = largestRemainderHundredths(this.bandCounts, n);
    const bands = this.scheme.bands.map((band, i): BandFigure => ({
      label: band.label,
      count: this.bandCounts[i],
      percent: n > 0 ? toPercent(hundredths[i]) : null,
      good: this.scheme.good[i],
    }));
    let goodCount = 0;
    this.scheme.good.forEach((good, i) => {
      if (good) goodCount += this.bandCounts[i];
    });
    return {
      took: n,
      mean: n > 0 ? meanHundredths / 100 : null,
      median: n > 0 ? this.medianHundredths() / 100 : null,
      sd: n > 0 ? Math.sqrt(squares / n) / 100 : null,
      sampleSd: n > 1 ? Math.sqrt(squares / (n - 1)) / 100 : null,
      min: n > 0 ? min / 100 : null,
      max: n > 0 ? max / 100 : null,
      distribution,
      bands,
      goodCount,
      goodPercent: percentOf(goodCount, n),
    };
  }

  private medianHundredths(): number {
    // 0-based ranks of the middle element(s) in the sorted scores
    const low = Math.floor((this.count - 1) / 2);
    const high = Math.floor(this.count / 2);
    let seen = 0;
    let lowValue = -1;
    let highValue = -1;
    this.histogram.forEachAscending((h, c) => {
      if (lowValue < 0 && seen + c > low) lowValue = h;
      if (highValue < 0 && seen + c > high) highValue = h;
      seen += c;
    });
    return (lowValue + highValue) / 2;
  }
}
