import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CellValue, SheetRow } from '../../roster-import/types.ts';
import { QUESTION_SHEET_HEADER, parseQuestionSheet } from '../excel/parse-question-sheet.ts';
import type { ParsedQuestion } from '../types.ts';
import { writeQuestionsXlsx } from './write-xlsx.ts';

function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !(value instanceof Date)) {
    return 'richText' in value ? value.richText.map((r) => r.text).join('') : null;
  }
  return value;
}

async function readRows(file: Uint8Array): Promise<{ sheet: ExcelJS.Worksheet; rows: SheetRow[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  const rows: SheetRow[] = [];
  sheet.eachRow((row, excelRow) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = plain(cell.value);
    });
    rows.push({ excelRow, cells: Array.from(cells, (c) => c ?? null) });
  });
  return { sheet, rows };
}

const option = (letter: string, text: string, correct = false, pinned = false) => ({ letter, text, correct, pinned, images: [] });

const QUESTIONS: ParsedQuestion[] = [
  {
    number: 1,
    line: 3,
    stem: 'Nghị quyết số 29-NQ/TW về vấn đề gì?',
    topic: 'Chuyên đề 1: Nghị quyết',
    difficulty: 'recognition',
    images: [],
    options: [
      option('A', 'Đổi mới giáo dục', true),
      option('B', 'Xây dựng Đảng'),
      option('C', 'Văn hóa'),
      option('D', 'Cả A, B và C', false, true),
    ],
  },
  {
    number: 2,
    line: 4,
    stem: 'Luật Giáo dục 2019 có hiệu lực năm nào?',
    topic: null,
    difficulty: 'application',
    images: [],
    options: [option('A', '2019'), option('B', '2020', true)],
  },
  {
    number: 3,
    line: 5,
    stem: 'Biểu thức "a < b & c" = ?',
    topic: 'Pháp luật & quy chế',
    difficulty: null,
    images: [],
    options: 'ABCDEFGH'.split('').map((l, i) => option(l, `Phương án ${l} =SUM(1)`, i === 7, i >= 6)),
  },
];

describe('writeQuestionsXlsx', () => {
  it('reads back through parseQuestionSheet as the same questions', async () => {
    const { sheet, rows } = await readRows(await writeQuestionsXlsx(QUESTIONS, { title: 'Đề cương hè 2025' }));
    expect(rows[1].cells).toEqual(QUESTION_SHEET_HEADER);
    expect(sheet.getCell('A1').value).toBe('Đề cương hè 2025');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getColumn(2).width).toBe(50);
    expect(sheet.getCell('B3').alignment?.wrapText).toBe(true);
    expect(sheet.getCell('K3').value).toBe('A');
    expect(sheet.getCell('M3').value).toBe('Nhận biết');
    expect(sheet.getCell('N5').value).toBe('G, H');
    const result = parseQuestionSheet(rows);
    expect(result.problems).toEqual([]);
    expect(result.questions).toEqual(QUESTIONS);
  });

  it('keeps multi-line stems and options as line breaks in the cell, read back as the same lines', async () => {
    const q: ParsedQuestion = {
      ...QUESTIONS[1],
      stem: 'Dòng một\nDòng hai',
      options: [option('A', 'Hai\ndòng', true), option('B', '2020')],
    };
    const { sheet, rows } = await readRows(await writeQuestionsXlsx([q]));
    expect(sheet.getCell('B3').value).toBe('Dòng một\nDòng hai');
    expect(parseQuestionSheet(rows).questions[0]).toMatchObject({
      stem: 'Dòng một\nDòng hai',
      options: [{ text: 'Hai\ndòng' }, { text: '2020' }],
    });
  });

  it('prints on A4 landscape, one page wide, the header row repeated, every data row tall enough for its wrapped text', async () => {
    const long =
      'Theo Nghị quyết số 29-NQ/TW, nhiệm vụ và giải pháp nào sau đây là đột phá trong đổi mới căn bản, toàn diện giáo dục? '.repeat(3);
    const q: ParsedQuestion = { ...QUESTIONS[1], stem: `${long}\nDòng cuối` };
    const { sheet } = await readRows(await writeQuestionsXlsx([QUESTIONS[1], q]));
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
    });
    expect(sheet.headerFooter.oddFooter).toBe('&CTrang &P/&N');
    const short = sheet.getRow(3).height;
    const tall = sheet.getRow(4).height;
    expect(short).toBeGreaterThanOrEqual(15);
    // 350 characters in a 50-wide column wrap to 8 lines, plus the second line of the stem.
    expect(tall).toBeGreaterThanOrEqual(8 * 15);
    expect(tall).toBeLessThan(409);
  });
});
