import { describe, expect, it } from 'vitest';
import { schoolYearSpan } from './school-year.ts';

describe('schoolYearSpan', () => {
  it('reads the ways offices write a school year', () => {
    for (const text of ['2025-2026', '2025 – 2026', 'Năm học 2025–2026', '2025/2026']) {
      expect(schoolYearSpan(text)).toEqual({ label: '2025–2026', from: '2025-08-01', to: '2026-07-31' });
    }
  });

  it('refuses what is not two consecutive years rather than guessing', () => {
    expect(schoolYearSpan('2025')).toBeNull();
    expect(schoolYearSpan('2025-2027')).toBeNull();
    expect(schoolYearSpan('hè 2026')).toBeNull();
  });
});
