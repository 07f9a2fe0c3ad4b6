/** Vietnamese number formats of the statistics pages and reports: 60,79% · 7,13 · 10.000 · — for "no figure". */
import { formatNumberVi } from '../text.ts';

export const NO_FIGURE = '—';

/** 60.79 → '60,79%'. */
export function formatPercentVi(percent: number | null, fractionDigits = 2): string {
  return percent === null ? NO_FIGURE : `${formatNumberVi(percent, fractionDigits)}%`;
}

/** A score, a mean, an SD: 7.125 → '7,13' (half away from zero on the decimal value). */
export function formatDecimalVi(value: number | null, fractionDigits = 2): string {
  if (value === null) return NO_FIGURE;
  // -0.001 would print '-0,00'
  return formatNumberVi(Math.abs(value) < 0.5 * 10 ** -fractionDigits ? 0 : value, fractionDigits);
}

/** 10000 → '10.000'. */
export function formatCountVi(value: number): string {
  return formatNumberVi(value, 0);
}
