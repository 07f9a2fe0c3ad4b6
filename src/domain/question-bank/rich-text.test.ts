import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text.ts';
import {
  blocksOfPlainText,
  hasFormatting,
  normalizeBlocks,
  richEquals,
  richLimitProblem,
  richPlainText,
  richStemOf,
  type RichBlock,
  type RichRun,
} from './rich-text.ts';

const para = (...runs: RichRun[]): RichBlock => ({ type: 'paragraph', runs });

describe('rich stems', () => {
  it('gives the plain text the importers always gave: lines, and table rows as cells joined by " | "', () => {
    const blocks: RichBlock[] = [
      para({ text: 'Đâu ' }, { text: 'không', bold: true }, { text: ' phải là nhiệm vụ của nhà giáo?' }),
      {
        type: 'table',
        rows: [
          [[{ text: 'Năm' }], [{ text: 'Sự kiện', bold: true }]],
          [[{ text: '2013' }], [{ text: 'Nghị quyết 29-NQ/TW' }]],
        ],
      },
      para({ text: '  ' }),
      para({ text: 'Chọn phương án ' }, { text: 'đúng nhất', italic: true, underline: true }, { text: '.' }),
    ];
    expect(richPlainText(blocks)).toBe(
      'Đâu không phải là nhiệm vụ của nhà giáo?\nNăm | Sự kiện\n2013 | Nghị quyết 29-NQ/TW\nChọn phương án đúng nhất.',
    );
  });

  it('normalises: NFC, one space between words across runs, line breaks split paragraphs, same formats merged', () => {
    const decomposed = 'Nghi\u0323 quyê\u0301t';
    expect(
      normalizeBlocks([para({ text: `  ${decomposed} ` }, { text: ' số\t29', bold: true }, { text: '\nDòng hai', bold: true })]),
    ).toEqual([para({ text: 'Nghị quyết ' }, { text: 'số 29', bold: true }), para({ text: 'Dòng hai', bold: true })]);
    // A combining mark at the start of a run joins the letter before it.
    expect(normalizeBlocks([para({ text: 'Vie', bold: true }, { text: '\u0323\u0302t', bold: true })])).toEqual([
      para({ text: 'Việt', bold: true }),
    ]);
    expect(normalizeBlocks([{ type: 'table', rows: [[[{ text: ' ' }], []]] }])).toEqual([]);
  });

  it('is stored only when something would be lost as plain text', () => {
    expect(richStemOf(blocksOfPlainText('Dòng một\nDòng hai'))).toBeUndefined();
    expect(richStemOf([para({ text: 'A ' }, { text: ' ', bold: true }, { text: 'B' })])).toBeUndefined();
    expect(richStemOf([para({ text: 'không', underline: true })])).toEqual([para({ text: 'không', underline: true })]);
    expect(richStemOf([{ type: 'table', rows: [[[{ text: 'ô' }]]] }])).toBeDefined();
    expect(hasFormatting([{ type: 'table', rows: [[[{ text: 'x', italic: true }]]] }])).toBe(true);
  });

  it('compares by content, not by how the runs were cut', () => {
    expect(
      richEquals(
        [para({ text: 'Luật ' }, { text: 'Giáo ', bold: true }, { text: 'dục', bold: true })],
        [para({ text: 'Luật' }, { text: ' ' }, { text: 'Giáo dục', bold: true })],
      ),
    ).toBe(true);
    expect(richEquals([para({ text: 'Luật', bold: true })], [para({ text: 'Luật', italic: true })])).toBe(false);
  });

  it('names a stem over the limits', () => {
    expect(richLimitProblem([para({ text: 'x'.repeat(10_001) })])).toBe('Nội dung câu hỏi dài quá 10.000 ký tự');
    expect(richLimitProblem([{ type: 'table', rows: Array.from({ length: 51 }, () => [[{ text: 'a' }]]) }])).toBe(
      'Bảng trong câu hỏi có tối đa 50 dòng',
    );
    expect(richLimitProblem([para({ text: 'Câu hỏi' })])).toBeNull();
  });

  it('has the plain text of normalizeText per line, and normalising twice changes nothing', () => {
    const run = fc.record({
      text: fc.string({ unit: fc.constantFrom('a', 'ệ', 'e\u0323', '\u0302', ' ', '\t', '\n', 'Đ', '|', '\u00a0') }),
      bold: fc.boolean(),
      italic: fc.boolean(),
      underline: fc.boolean(),
    });
    const block: fc.Arbitrary<RichBlock> = fc.oneof(
      fc.array(run, { maxLength: 5 }).map((runs) => ({ type: 'paragraph' as const, runs })),
      fc
        .array(fc.array(fc.array(run, { maxLength: 3 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
        .map((rows) => ({ type: 'table' as const, rows })),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 5 }), (blocks) => {
        const once = normalizeBlocks(blocks);
        expect(normalizeBlocks(once)).toEqual(once);
        for (const line of richPlainText(blocks).split('\n')) expect(line).toBe(normalizeText(line));
        const paragraphsOnly = blocks.filter((b) => b.type === 'paragraph');
        const joined = paragraphsOnly.map((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : '')).join('\n');
        expect(richPlainText(paragraphsOnly)).toBe(joined.split('\n').map(normalizeText).filter(Boolean).join('\n'));
      }),
      { numRuns: 300 },
    );
  });
});
