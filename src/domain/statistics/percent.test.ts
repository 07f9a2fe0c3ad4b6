import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestRemainderHundredths, largestRemainderPercents, percentOf } from './percent.ts';

describe('largestRemainderPercents', () => {
  it('adds up to exactly 100,00 where rounding each share would not', () => {
    // 7 equal shares of 14,2857…%: rounding each gives 7 × 14,29 = 100,03
    expect(largestRemainderPercents([1, 1, 1, 1, 1, 1, 1])).toEqual([14.29, 14.29, 14.29, 14.29, 14.28, 14.28, 14.28]);
    expect(largestRemainderPercents([1, 1, 1])).toEqual([33.34, 33.33, 33.33]); // ties: the earlier (higher) band
    expect(largestRemainderPercents([2, 1])).toEqual([66.67, 33.33]);
    expect(largestRemainderPercents([6079, 3921])).toEqual([60.79, 39.21]);
    expect(largestRemainderPercents([5, 0, 3])).toEqual([62.5, 0, 37.5]);
  });

  it('gives 0 everywhere when there is nobody', () => {
    expect(largestRemainderPercents([0, 0, 0])).toEqual([0, 0, 0]);
  });

  it('refuses counts that do not make the total', () => {
    expect(() => largestRemainderHundredths([1, 2], 4)).toThrow();
  });

  it('sums to 10.000 hundredths, each within a hundredth of its exact share', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 200_000 }), { minLength: 1, maxLength: 12 }), (counts) => {
        const total = counts.reduce((a, b) => a + b, 0);
        const hundredths = largestRemainderHundredths(counts);
        if (total === 0) {
          expect(hundredths.every((h) => h === 0)).toBe(true);
          return;
        }
        expect(hundredths.reduce((a, b) => a + b, 0)).toBe(10_000);
        counts.forEach((c, i) => {
          const exact = (c * 10_000) / total;
          expect(hundredths[i] === Math.floor(exact) || hundredths[i] === Math.ceil(exact)).toBe(true);
        });
      }),
    );
  });
});

describe('percentOf', () => {
  it('rounds half-up to 2 decimals exactly', () => {
    expect(percentOf(6079, 10_000)).toBe(60.79);
    expect(percentOf(1, 3)).toBe(33.33);
    expect(percentOf(2, 3)).toBe(66.67);
    expect(percentOf(1, 32)).toBe(3.13); // 3,125
    expect(percentOf(13, 15)).toBe(86.67);
    expect(percentOf(0, 5)).toBe(0);
    expect(percentOf(5, 5)).toBe(100);
    expect(percentOf(1, 0)).toBeNull();
  });
});
