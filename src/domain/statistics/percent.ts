/** Percentages with 2 decimals, computed in integer hundredths of a percent (1 = 0,01%). */

const WHOLE = 10_000; // 100,00% in hundredths of a percent

/**
 * Largest-remainder (Hamilton) rounding of counts to percentages with 2 decimals that add up to exactly
 * 100,00 when the total is positive. Each share is first floored; the hundredths still missing go one by one
 * to the largest remainders, ties to the earlier entry (for bands: the higher band). All zero when total is 0.
 * Returns hundredths of a percent (6079 = 60,79%).
 */
export function largestRemainderHundredths(counts: readonly number[], total = sum(counts)): number[] {
  if (total === 0) return counts.map(() => 0);
  if (sum(counts) !== total) throw new Error('percent: counts do not add up to the total');
  const floors = counts.map((c) => Math.floor((c * WHOLE) / total));
  const remainders = counts.map((c) => (c * WHOLE) % total);
  let missing = WHOLE - sum(floors);
  const order = counts.map((_, i) => i).sort((a, b) => remainders[b] - remainders[a] || a - b);
  for (const i of order) {
    if (missing === 0) break;
    floors[i] += 1;
    missing -= 1;
  }
  return floors;
}

/** The same as percentages (60.79). */
export function largestRemainderPercents(counts: readonly number[], total?: number): number[] {
  return largestRemainderHundredths(counts, total).map(toPercent);
}

/** part ÷ whole as a percentage rounded half-up to 2 decimals, exactly; null when whole is 0. */
export function percentOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  const numerator = 2 * part * WHOLE + whole;
  const denominator = 2 * whole;
  return toPercent((numerator - (numerator % denominator)) / denominator);
}

export const toPercent = (hundredths: number) => hundredths / 100;

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
