import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bandOf, bandProblem, DEFAULT_BANDS, grade, scoreOf, DEFAULT_SCORING } from './scoring.ts';

describe('10-point scale', () => {
  it('rounds halves up exactly', () => {
    expect(scoreOf(57, 80, 2)).toBe(7.13); // 7.125
    expect(scoreOf(1, 3, 2)).toBe(3.33);
    expect(scoreOf(2, 3, 2)).toBe(6.67);
    expect(scoreOf(33, 50, 1)).toBe(6.6);
    expect(scoreOf(13, 20, 0)).toBe(7); // 6.5 → 7
    expect(scoreOf(0, 50, 2)).toBe(0);
  });

  it('stays within 0..10 and is monotone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 2 }), (total, decimals) => {
        let previous = -1;
        for (let c = 0; c <= total; c++) {
          const s = scoreOf(c, total, decimals);
          expect(s).toBeGreaterThanOrEqual(previous);
          expect(s).toBeLessThanOrEqual(10);
          previous = s;
        }
        expect(scoreOf(total, total, decimals)).toBe(10);
      }),
    );
  });
});

describe('bands (xếp loại)', () => {
  it('uses the default thresholds, inclusive', () => {
    expect([10, 9, 8.99, 8, 6.5, 6.49, 5, 4.99, 0].map((s) => bandOf(s, DEFAULT_BANDS))).toEqual([
      'Xuất sắc',
      'Xuất sắc',
      'Giỏi',
      'Giỏi',
      'Khá',
      'Trung bình',
      'Trung bình',
      'Không đạt',
      'Không đạt',
    ]);
  });

  it('refuses band sets an organiser could get wrong', () => {
    expect(bandProblem(DEFAULT_BANDS)).toBeNull();
    expect(bandProblem([{ label: 'Đạt', min: 5 }])).toBe('Cần một mức xếp loại bắt đầu từ 0 điểm.');
    expect(
      bandProblem([
        { label: 'Đạt', min: 5 },
        { label: 'Đạt', min: 0 },
      ]),
    ).toBe('Mức xếp loại "Đạt" bị trùng.');
  });
});

describe('grade', () => {
  it('counts answered and correct on canonical responses', () => {
    expect(grade('AB-D', 'ABCC', DEFAULT_SCORING)).toEqual({ correct: 2, answered: 3, score: 5, band: 'Trung bình' });
  });
});
