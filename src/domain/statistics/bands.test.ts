import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BandScheme, bandOf, DEFAULT_BANDS, regrade, scoreFromCorrect } from './bands.ts';

describe('scoreFromCorrect', () => {
  it('rounds correct × 10 ÷ questions half-up to the stated decimals, without float error', () => {
    expect(scoreFromCorrect(57, 80, 2)).toBe(7.13); // 7,125
    expect(scoreFromCorrect(57, 80, 1)).toBe(7.1);
    expect(scoreFromCorrect(29, 40, 1)).toBe(7.3); // 7,25
    expect(scoreFromCorrect(1, 3, 2)).toBe(3.33);
    expect(scoreFromCorrect(2, 3, 2)).toBe(6.67);
    expect(scoreFromCorrect(33, 50, 2)).toBe(6.6);
    expect(scoreFromCorrect(50, 50, 2)).toBe(10);
    expect(scoreFromCorrect(0, 50, 2)).toBe(0);
    // 201 × 10 ÷ 2000 = 1,005 exactly; Math.round(1.005 * 100) / 100 gives 1 because 1.005 is 1.00499… in binary
    expect(scoreFromCorrect(201, 2000, 2)).toBe(1.01);
    expect(Math.round(((201 * 10) / 2000) * 100) / 100).toBe(1);
  });

  it('refuses impossible counts and decimals', () => {
    expect(() => scoreFromCorrect(51, 50, 2)).toThrow();
    expect(() => scoreFromCorrect(-1, 50, 2)).toThrow();
    expect(() => scoreFromCorrect(1, 0, 2)).toThrow();
    expect(() => scoreFromCorrect(1, 50, 1.5)).toThrow();
  });

  it('is always the nearest multiple of 10^-decimals, a tie going up (checked in integers)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 4 }), fc.nat(), (questions, decimals, seed) => {
        const correct = seed % (questions + 1);
        const unit = 10 ** decimals;
        const scaled = Math.round(scoreFromCorrect(correct, questions, decimals) * unit);
        // |scaled/unit − correct·10/questions| ≤ half a unit, i.e. |2·scaled·questions − 2·correct·10·unit| ≤ questions
        const twiceError = 2 * scaled * questions - 2 * correct * 10 * unit;
        expect(Math.abs(twiceError)).toBeLessThanOrEqual(questions);
        if (Math.abs(twiceError) === questions) expect(twiceError).toBeGreaterThan(0);
      }),
    );
  });
});

describe('bandOf', () => {
  it('takes the highest band whose minimum the score reaches', () => {
    expect(bandOf(10, DEFAULT_BANDS)).toBe('Xuất sắc');
    expect(bandOf(9, DEFAULT_BANDS)).toBe('Xuất sắc');
    expect(bandOf(8.99, DEFAULT_BANDS)).toBe('Giỏi');
    expect(bandOf(6.5, DEFAULT_BANDS)).toBe('Khá');
    expect(bandOf(6.49, DEFAULT_BANDS)).toBe('Trung bình');
    expect(bandOf(5, DEFAULT_BANDS)).toBe('Trung bình');
    expect(bandOf(4.99, DEFAULT_BANDS)).toBe('Không đạt');
    expect(bandOf(0, DEFAULT_BANDS)).toBe('Không đạt');
  });

  it('compares decimal limits exactly (1,1 reaches a minimum of 1,1)', () => {
    const bands = [
      { label: 'Đạt', min: 1.1 },
      { label: 'Chưa đạt', min: 0 },
    ];
    expect(1.1 * 100).not.toBe(110); // the float trap this guards against
    expect(bandOf(1.1, bands)).toBe('Đạt');
    expect(bandOf(1.09, bands)).toBe('Chưa đạt');
  });
});

describe('regrade', () => {
  it('counts responses equal to the key, omitted ones never', () => {
    expect(regrade('ABCD-', 'ABCDA', 5, 2, DEFAULT_BANDS)).toEqual({ correct: 4, score: 8, band: 'Giỏi' });
    expect(regrade('BBBBB', 'ABCDA', 5, 2, DEFAULT_BANDS)).toEqual({ correct: 1, score: 2, band: 'Không đạt' });
  });

  it('gives a new score and band when the key is corrected', () => {
    const responses = 'ABCDABCDAB';
    expect(regrade(responses, 'ABCDABCDAC', 10, 2, DEFAULT_BANDS)).toEqual({ correct: 9, score: 9, band: 'Xuất sắc' });
    expect(regrade(responses, 'ABCDABCDAB', 10, 2, DEFAULT_BANDS)).toEqual({ correct: 10, score: 10, band: 'Xuất sắc' });
    expect(regrade(responses, 'ABCDABCDCC', 10, 2, DEFAULT_BANDS)).toEqual({ correct: 8, score: 8, band: 'Giỏi' });
  });

  it('refuses responses or a key of the wrong length', () => {
    expect(() => regrade('ABC', 'ABCD', 4, 2, DEFAULT_BANDS)).toThrow();
    expect(() => regrade('ABCD', 'ABC', 4, 2, DEFAULT_BANDS)).toThrow();
  });

  it('grading the key gives 10 and the band of 10', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'), minLength: 1, maxLength: 200 }),
        fc.integer({ min: 0, max: 4 }),
        (key, decimals) => {
          expect(regrade(key, key, key.length, decimals, DEFAULT_BANDS)).toEqual({ correct: key.length, score: 10, band: 'Xuất sắc' });
        },
      ),
    );
  });
});

describe('BandScheme', () => {
  it('counts the two highest bands as good unless told otherwise', () => {
    expect(new BandScheme().good).toEqual([true, true, false, false, false]);
    expect(new BandScheme(DEFAULT_BANDS, ['Xuất sắc', 'Giỏi', 'Khá']).good).toEqual([true, true, true, false, false]);
    expect(() => new BandScheme(DEFAULT_BANDS, ['Tốt'])).toThrow();
  });

  it('refuses bands that leave a score without a band or overlap', () => {
    expect(() => new BandScheme([{ label: 'Đạt', min: 5 }])).toThrow();
    expect(
      () =>
        new BandScheme([
          { label: 'A', min: 5 },
          { label: 'B', min: 6 },
          { label: 'C', min: 0 },
        ]),
    ).toThrow();
    expect(
      () =>
        new BandScheme([
          { label: 'A', min: 5 },
          { label: 'A', min: 0 },
        ]),
    ).toThrow();
    expect(() => new BandScheme().indexOf('Tốt')).toThrow(/Tốt/);
  });
});
