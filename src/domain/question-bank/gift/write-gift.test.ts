import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../text.ts';
import { richPlainText, richStemOf, type RichBlock, type RichRun } from '../rich-text.ts';
import type { ParsedQuestion } from '../types.ts';
import { parseGift } from './parse-gift.ts';
import { escapeGift, writeGift } from './write-gift.ts';

function question(stem: string, topic: string | null, texts: string[], correct: number): ParsedQuestion {
  return {
    number: 1,
    line: 1,
    stem,
    topic,
    difficulty: null,
    images: [],
    options: texts.map((text, i) => ({
      letter: String.fromCharCode(0x41 + i),
      text,
      correct: i === correct,
      pinned: false,
      images: [],
    })),
  };
}

describe('writeGift', () => {
  it('writes categories when the topic changes, titles, escapes and blank lines', () => {
    const questions = [
      question('Nghị quyết 29-NQ/TW ban hành năm nào?', 'Chuyên đề 1', ['2011', '2013'], 1),
      question('Tỉ lệ 1:2 = ?', 'Chuyên đề 1', ['50% {một nửa}', '~ # \\'], 0),
      question('Dòng 1\nDòng 2', 'Lớp 10/11', ['%50% là gì', 'Không'], 0),
      question('[html] không phải định dạng', null, ['Có', 'Không'], 1),
    ];
    expect(writeGift(questions)).toBe(
      [
        '$CATEGORY: Chuyên đề 1',
        '',
        '::Câu 1::Nghị quyết 29-NQ/TW ban hành năm nào? {',
        '\t~2011',
        '\t=2013',
        '}',
        '',
        '::Câu 2::Tỉ lệ 1\\:2 \\= ? {',
        '\t=50% \\{một nửa\\}',
        '\t~\\~ \\# \\\\',
        '}',
        '',
        '$CATEGORY: Lớp 10//11',
        '',
        '::Câu 3::Dòng 1\\nDòng 2 {',
        '\t=%100%%50% là gì',
        '\t~Không',
        '}',
        '',
        '$CATEGORY: ',
        '',
        '::Câu 4::[plain][html] không phải định dạng {',
        '\t~Có',
        '\t=Không',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes an empty string for no questions', () => {
    expect(writeGift([])).toBe('');
  });

  it('escapes every special character', () => {
    expect(escapeGift('a=b~c#d{e}f:g\\h\ni')).toBe('a\\=b\\~c\\#d\\{e\\}f\\:g\\\\h\\ni');
  });
});

const CHARS = [
  ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ',
  ...'àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ',
  ...'0123456789 .,?!()-/%"\'',
  ...'=~#{}:\\[]<>&',
];
const char = fc.constantFrom(...CHARS);
const line = fc
  .array(char, { minLength: 1, maxLength: 30 })
  .map((chars) => normalizeText(chars.join('')))
  .filter((s) => s.length > 0);
const stem = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
const topic = fc.option(fc.constantFrom('Chuyên đề 1', 'Nghị quyết/Đảng', 'Luật Giáo dục 2019', 'a//b'), {
  nil: null,
});
const arbitraryQuestion = fc
  .record({ stem, topic, texts: fc.array(line, { minLength: 2, maxLength: 8 }), seed: fc.nat() })
  .map(({ stem, topic, texts, seed }) => question(stem, topic, texts, seed % texts.length));

describe('writeGift → parseGift round trip', () => {
  it('keeps stems, topics, options and correct flags', () => {
    fc.assert(
      fc.property(fc.array(arbitraryQuestion, { maxLength: 6 }), (questions) => {
        const result = parseGift(writeGift(questions));
        expect(result.problems).toEqual([]);
        const shape = (qs: ParsedQuestion[]) =>
          qs.map((q) => ({
            stem: q.stem,
            topic: q.topic,
            options: q.options.map((o) => ({ letter: o.letter, text: o.text, correct: o.correct, pinned: o.pinned })),
          }));
        expect(shape(result.questions)).toEqual(shape(questions));
        expect(result.questions.map((q) => q.number)).toEqual(questions.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });
});

const WORDS = [
  'Nghị',
  'quyết',
  '29-NQ/TW',
  'giáo',
  'dục',
  'năm',
  '2013',
  'a<b',
  'x&y',
  '"trích"',
  '1:2',
  'a=b',
  '~',
  '#',
  '{x}',
  '\\',
  '*sao*',
  '_',
];
const words = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const runs: fc.Arbitrary<RichRun[]> = fc
  .array(fc.record({ text: words, bold: fc.boolean(), italic: fc.boolean(), underline: fc.boolean() }), { minLength: 1, maxLength: 4 })
  .map((list) => list.map((run, i) => ({ ...run, text: i > 0 ? ` ${run.text}` : run.text })));
const block: fc.Arbitrary<RichBlock> = fc.oneof(
  runs.map((r) => ({ type: 'paragraph' as const, runs: r })),
  fc
    .integer({ min: 1, max: 3 })
    .chain((columns) => fc.array(fc.array(runs, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 3 }))
    .map((rows) => ({ type: 'table' as const, rows })),
);

describe('writeGift → parseGift round trip of formatted stems', () => {
  it('writes bold, italic, underline and tables as [html] and reads them back as the same rich stem', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), fc.array(words, { minLength: 2, maxLength: 4 }), (blocks, texts) => {
        const rich = richStemOf(blocks);
        const q: ParsedQuestion = { ...question(richPlainText(blocks), 'Chuyên đề 1', texts, 1), ...(rich ? { stemRich: rich } : {}) };
        const result = parseGift(writeGift([q]));
        expect(result.problems).toEqual([]);
        expect(result.questions[0].stem).toBe(q.stem);
        expect(result.questions[0].stemRich).toEqual(q.stemRich);
        expect(result.questions[0].options.map((o) => [o.text, o.correct])).toEqual(
          q.options.map((o) => [normalizeText(o.text), o.correct]),
        );
      }),
      { numRuns: 300 },
    );
  });
});
