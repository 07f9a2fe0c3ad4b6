import { describe, expect, it } from 'vitest';
import type { CellValue, SheetRow } from '../../roster-import/types.ts';
import { parseQuestionSheet, QUESTION_SHEET_HEADER } from './parse-question-sheet.ts';

const sheet = (...rows: CellValue[][]): SheetRow[] => [
  { excelRow: 1, cells: ['NGÂN HÀNG CÂU HỎI BỒI DƯỠNG CHÍNH TRỊ HÈ 2026'] },
  { excelRow: 3, cells: QUESTION_SHEET_HEADER },
  ...rows.map((cells, i) => ({ excelRow: 4 + i, cells })),
];

describe('parseQuestionSheet', () => {
  it('reads a question per row with its key, topic, level and pinned options', () => {
    const result = parseQuestionSheet(
      sheet(
        [
          1,
          'Nghị quyết số 29-NQ/TW về đổi mới căn bản, toàn diện giáo dục và đào tạo được ban hành năm nào?',
          '2011',
          '2013',
          '2015',
          'Cả A và B đều sai',
          null,
          null,
          null,
          null,
          'b',
          'Nghị quyết 29-NQ/TW',
          'Nhận biết',
          'D',
        ],
        [2, 'Đại hội XIII của Đảng diễn ra năm nào?', '2016', '2021', null, null, null, null, null, null, 'Phương án B', null, 'VD', null],
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.questions[0]).toMatchObject({ number: 1, line: 4, topic: 'Nghị quyết 29-NQ/TW', difficulty: 'recognition' });
    expect(result.questions[0].options.map((o) => [o.letter, o.correct, o.pinned])).toEqual([
      ['A', false, false],
      ['B', true, false],
      ['C', false, false],
      ['D', false, true],
    ]);
    expect(result.questions[1]).toMatchObject({ difficulty: 'application', topic: null });
    expect(result.questions[1].options).toHaveLength(2);
  });

  it('names each problem by question number and Excel row', () => {
    const result = parseQuestionSheet(
      sheet(
        [1, 'Câu thiếu đáp án?', 'Một', 'Hai', null, null, null, null, null, null, null, null, null, null],
        [2, 'Câu đáp án lạ?', 'Một', 'Hai', null, null, null, null, null, null, 'E', null, null, null],
        [3, null, 'Một', null, 'Ba', null, null, null, null, null, 'A', null, 'Khó', null],
      ),
    );
    expect(result.questions).toEqual([]);
    expect(result.problems).toEqual([
      { question: 1, line: 4, message: 'Không tìm thấy đáp án đúng (cột "Đáp án" trống)' },
      { question: 2, line: 5, message: 'Đáp án "E" không khớp phương án nào' },
      { question: 3, line: 6, message: 'Câu hỏi không có nội dung' },
      { question: 3, line: 6, message: 'Thiếu phương án B' },
      { question: 3, line: 6, message: 'Mức độ "Khó" không hợp lệ (Nhận biết, Thông hiểu, Vận dụng)' },
    ]);
  });

  it('says when no header is found', () => {
    expect(parseQuestionSheet([{ excelRow: 1, cells: ['Họ và tên', 'Đơn vị'] }]).problems[0].message).toContain(
      'Không tìm thấy dòng tiêu đề',
    );
  });
});
