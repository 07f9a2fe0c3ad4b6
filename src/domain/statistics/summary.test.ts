import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BandScheme, bandOf, DEFAULT_BANDS } from './bands.ts';
import { SummaryAccumulator } from './summary.ts';

const scheme = new BandScheme();
const graded = (score: number) => ({ score, band: bandOf(score, DEFAULT_BANDS) });

function accumulate(scores: readonly number[]): SummaryAccumulator {
  const acc = new SummaryAccumulator(scheme);
  for (const s of scores) acc.add(graded(s));
  return acc;
}

function sortedMedian(scores: readonly number[]): number {
  const sorted = [...scores].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Scores 0..10 with at most 2 decimals, ties likely. */
const scoresArb = (minLength = 0) =>
  fc.array(
    fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(0, 500, 800, 900, 1000)).map((h) => h / 100),
    { minLength, maxLength: 300 },
  );

describe('SummaryAccumulator', () => {
  it('computes every figure of a small group by hand', () => {
    const s = accumulate([5, 6.5, 7.25, 8, 9, 10]).result();
    expect(s.took).toBe(6);
    expect(s.mean).toBeCloseTo(45.75 / 6, 12); // 7,625
    expect(s.median).toBe(7.625); // (7,25 + 8) ÷ 2
    // squared deviations from 7,625 add up to 15,96875
    expect(s.sd).toBeCloseTo(Math.sqrt(15.96875 / 6), 12); // 1,6314
    expect(s.sampleSd).toBeCloseTo(Math.sqrt(15.96875 / 5), 12); // 1,7871
    expect(s.min).toBe(5);
    expect(s.max).toBe(10);
    expect(s.distribution).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    // 2/6, 1/6, 2/6, 1/6, 0: floors 33,33 16,66 33,33 16,66 leave 0,02; the largest remainders are the two sixths
    expect(s.bands).toEqual([
      { label: 'Xuất sắc', count: 2, percent: 33.33, good: true },
      { label: 'Giỏi', count: 1, percent: 16.67, good: true },
      { label: 'Khá', count: 2, percent: 33.33, good: false },
      { label: 'Trung bình', count: 1, percent: 16.67, good: false },
      { label: 'Không đạt', count: 0, percent: 0, good: false },
    ]);
    expect(s.goodCount).toBe(3);
    expect(s.goodPercent).toBe(50);
  });

  it('puts a score in the bin of its integer part, and 10 in the last bin', () => {
    const s = accumulate([0, 0.99, 1, 4.99, 5, 9.99, 10]).result();
    expect(s.distribution).toEqual([2, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1]);
  });

  it('has no figure for an empty group and no sample SD for one attempt', () => {
    const empty = new SummaryAccumulator(scheme).result();
    expect(empty).toMatchObject({
      took: 0,
      mean: null,
      median: null,
      sd: null,
      sampleSd: null,
      min: null,
      max: null,
      goodCount: 0,
      goodPercent: null,
    });
    expect(empty.distribution).toEqual(new Array(11).fill(0));
    expect(empty.bands.every((b) => b.count === 0 && b.percent === null)).toBe(true);
    expect(accumulate([7.5]).result()).toMatchObject({ took: 1, mean: 7.5, median: 7.5, sd: 0, sampleSd: null });
  });

  it('headline share is the good count over took, rounded exactly (60,79% of 10.000)', () => {
    const scores = [...Array(2000).fill(9.2), ...Array(4079).fill(8), ...Array(3921).fill(6)];
    const s = accumulate(scores).result();
    expect(s.goodPercent).toBe(60.79);
    expect(s.bands.map((b) => b.percent)).toEqual([20, 40.79, 0, 39.21, 0]);
  });

  it('headline share may differ by 0,01 from the sum of the band percentages, never from the counts', () => {
    // 17 Xuất sắc, 3 Giỏi, 1 Khá, 2 Trung bình: 20 ÷ 23 = 86,956…% → 86,96; the table shows 73,91 + 13,04 = 86,95
    const s = accumulate([...Array(17).fill(9.5), ...Array(3).fill(8), 7, 5, 5]).result();
    expect(s.bands.map((b) => b.percent)).toEqual([73.91, 13.04, 4.35, 8.7, 0]);
    expect(s.goodPercent).toBe(86.96);
  });

  it('follows the good bands it is given', () => {
    const acc = new SummaryAccumulator(new BandScheme(DEFAULT_BANDS, ['Xuất sắc', 'Giỏi', 'Khá']));
    for (const s of [9, 8, 7, 5]) acc.add(graded(s));
    expect(acc.result()).toMatchObject({ goodCount: 3, goodPercent: 75 });
  });

  it('refuses scores that are not 0..10 with 2 decimals and bands it does not know', () => {
    const acc = new SummaryAccumulator(scheme);
    for (const score of [-0.01, 10.01, 7.123, Number.NaN]) expect(() => acc.add({ score, band: 'Khá' })).toThrow();
    expect(() => acc.add({ score: 7, band: 'Tốt' })).toThrow(/Tốt/);
    expect(acc.took).toBe(0);
  });

  it('lists the exact scores, lowest first, past the switch to a dense histogram', () => {
    const scores = Array.from({ length: 120 }, (_, i) => (i * 7) % 1001).map((h) => h / 100);
    const acc = accumulate([...scores, ...scores.slice(0, 10)]);
    const frequencies = acc.scoreFrequencies();
    expect(frequencies.map(([h]) => h)).toEqual([...new Set(scores.map((s) => Math.round(s * 100)))].sort((a, b) => a - b));
    expect(frequencies.reduce((n, [, c]) => n + c, 0)).toBe(130);
  });

  it('will not merge groups graded with other bands', () => {
    const other = new SummaryAccumulator(
      new BandScheme([
        { label: 'Đạt', min: 5 },
        { label: 'Chưa đạt', min: 0 },
      ]),
    );
    expect(() => accumulate([5]).merge(other)).toThrow();
    expect(() => accumulate([5]).merge(new SummaryAccumulator(new BandScheme()))).not.toThrow(); // equal scheme, other object
  });

  describe('properties', () => {
    it('merging parts equals adding everything to one accumulator', () => {
      fc.assert(
        fc.property(scoresArb(), scoresArb(), scoresArb(), (a, b, c) => {
          const merged = accumulate(a).merge(accumulate(b)).merge(accumulate(c));
          expect(merged.result()).toEqual(accumulate([...a, ...b, ...c]).result());
        }),
      );
    });

    it('merge is associative', () => {
      fc.assert(
        fc.property(scoresArb(), scoresArb(), scoresArb(), (a, b, c) => {
          const left = accumulate(a).merge(accumulate(b)).merge(accumulate(c));
          const right = accumulate(a).merge(accumulate(b).merge(accumulate(c)));
          expect(left.result()).toEqual(right.result());
        }),
      );
    });

    it('median equals the sorted-array median; mean, min, max and counts agree with the raw scores', () => {
      fc.assert(
        fc.property(scoresArb(1), (scores) => {
          const s = accumulate(scores).result();
          // in hundredths, so the reference does not average two floats (7,52 + 7,54 would give 7,529999…)
          expect(s.median).toBe(sortedMedian(scores.map((x) => Math.round(x * 100))) / 100);
          expect(s.mean).toBeCloseTo(scores.reduce((x, y) => x + y, 0) / scores.length, 9);
          expect(s.min).toBe(Math.min(...scores));
          expect(s.max).toBe(Math.max(...scores));
          expect(s.distribution.reduce((x, y) => x + y, 0)).toBe(scores.length);
          expect(s.bands.reduce((x, b) => x + b.count, 0)).toBe(scores.length);
        }),
      );
    });

    it('band percentages add up to 100,00; the headline is within 0,01 per good band of their sum', () => {
      fc.assert(
        fc.property(scoresArb(1), (scores) => {
          const s = accumulate(scores).result();
          expect(s.bands.reduce((x, b) => x + Math.round(b.percent! * 100), 0)).toBe(10_000);
          const goodSum = s.bands.filter((b) => b.good).reduce((x, b) => x + Math.round(b.percent! * 100), 0);
          expect(Math.abs(Math.round(s.goodPercent! * 100) - goodSum)).toBeLessThanOrEqual(2);
          expect(s.goodPercent).toBe(Math.round((s.goodCount / s.took) * 10_000 + 1e-9) / 100);
        }),
      );
    });
  });
});
