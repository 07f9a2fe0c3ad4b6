import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../text.ts';
import type { ParsedQuestion } from '../types.ts';
import { parseAiken } from './parse-aiken.ts';
import { writeAiken } from './write-aiken.ts';

function question(stem: string, texts: string[], correct: number): ParsedQuestion {
  return {
    number: 1,
    line: 1,
    stem,
    topic: null,
    difficulty: null,
    images: [],
    options: texts.map((text, i) => ({ letter: String.fromCharCode(0x41 + i), text, correct: i === correct, pinned: false, images: [] })),
  };
}

describe('writeAiken', () => {
  it('writes the stem on one line, lettered options, ANSWER and a blank line between questions', () => {
    const text = writeAiken([
      question('Nghị quyết 29-NQ/TW ban hành năm nào?', ['2011', '2013'], 1),
      question('Dòng 1\nDòng 2', ['Có', 'Không', 'Không rõ'], 0),
    ]);
    expect(text).toBe(
      [
        'Nghị quyết 29-NQ/TW ban hành năm nào?',
        'A. 2011',
        'B. 2013',
        'ANSWER: B',
        '',
        'Dòng 1 Dòng 2',
        'A. Có',
        'B. Không',
        'C. Không rõ',
        'ANSWER: A',
        '',
      ].join('\n'),
    );
    expect(writeAiken([])).toBe('');
  });

  it('round-trips through parseAiken', () => {
    const chars = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyđ àáảãạếềộớữ0123456789.,?:()-/'];
    const text = fc
      .array(fc.constantFrom(...chars), { minLength: 1, maxLength: 25 })
      .map((c) => normalizeText(c.join('')))
      .filter((s) => s.length > 0 && !/^(answer|đáp án)\s*:/iu.test(s));
    const arbitraryQuestion = fc
      .record({
        stem: fc.array(text, { minLength: 1, maxLength: 3 }),
        texts: fc.array(text, { minLength: 2, maxLength: 8 }),
        seed: fc.nat(),
      })
      .map(({ stem, texts, seed }) => question(stem.join('\n'), texts, seed % texts.length));
    fc.assert(
      fc.property(fc.array(arbitraryQuestion, { maxLength: 5 }), (questions) => {
        const result = parseAiken(writeAiken(questions));
        expect(result.problems).toEqual([]);
        expect(result.questions.map((q) => q.stem)).toEqual(questions.map((q) => q.stem.replace(/\n/g, ' ')));
        expect(result.questions.map((q) => q.options)).toEqual(questions.map((q) => q.options));
      }),
      { numRuns: 300 },
    );
  });
});
