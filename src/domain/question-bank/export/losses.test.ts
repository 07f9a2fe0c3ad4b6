import { describe, expect, it } from 'vitest';
import { exportLosses, exportLossSummary } from './losses.ts';
import { ROUND_TRIP_BANK } from './round-trip-bank.ts';

const SVG = { contentType: 'image/svg+xml', data: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>') };

describe('exportLosses', () => {
  it('counts, per format, the questions that lose what the format cannot carry', () => {
    expect(exportLosses(ROUND_TRIP_BANK, 'docx')).toEqual([]);
    expect(exportLosses(ROUND_TRIP_BANK, 'gift')).toEqual([
      { what: 'hình ảnh', questions: 1 },
      { what: 'phương án cố định vị trí', questions: 1 },
      { what: 'mức độ', questions: 3 },
    ]);
    expect(exportLosses(ROUND_TRIP_BANK, 'qti')).toEqual([
      { what: 'chuyên đề', questions: 4 },
      { what: 'mức độ', questions: 3 },
    ]);
  });

  it('counts options of several lines that GIFT and Aiken join into one', () => {
    const twoLines = ROUND_TRIP_BANK.map((q, i) =>
      i === 1 ? { ...q, options: q.options.map((o, j) => (j === 0 ? { ...o, text: 'Dòng một\nDòng hai' } : o)) } : q,
    );
    expect(exportLosses(twoLines, 'gift')).toContainEqual({ what: 'xuống dòng trong phương án — nối thành một dòng', questions: 1 });
    expect(exportLosses(twoLines, 'xlsx').map((l) => l.what)).not.toContain('xuống dòng trong phương án — nối thành một dòng');
  });

  it('names pictures Word and QTI cannot embed (SVG), and only those', () => {
    const withSvg = ROUND_TRIP_BANK.map((q, i) => (i === 0 ? { ...q, images: [SVG] } : q));
    expect(exportLosses(withSvg, 'docx')).toEqual([{ what: 'hình ảnh dạng không nhúng được (SVG, EMF, WMF…)', questions: 1 }]);
    expect(exportLosses(withSvg, 'xlsx')[0]).toEqual({ what: 'hình ảnh', questions: 2 });
  });

  it('says it in one sentence with Vietnamese thousands, or nothing', () => {
    expect(
      exportLossSummary('aiken', [
        { what: 'mức độ', questions: 12_500 },
        { what: 'chuyên đề', questions: 3 },
      ]),
    ).toBe('Tệp Aiken không mang được: mức độ (12.500 câu); chuyên đề (3 câu).');
    expect(exportLossSummary('docx', [])).toBeNull();
  });
});
