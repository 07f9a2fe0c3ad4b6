import { describe, expect, it } from 'vitest';
import { buildDocx, p, table } from './docx-test-builder.ts';
import { parseQuestionDocx } from './parse-docx.ts';

async function parse(...children: Parameters<typeof buildDocx>[0]) {
  return parseQuestionDocx(await buildDocx(children));
}

const correctOf = (options: { letter: string; correct: boolean }[]) =>
  options
    .filter((o) => o.correct)
    .map((o) => o.letter)
    .join('');

/** "Câu n." and four plain options, numbered as written (restarting in each part). */
const question = (n: number, subject: string) => [
  p(`Câu ${n}. Câu hỏi số ${n} về ${subject}?`),
  p('A. Phương án một'),
  p('B. Phương án hai'),
  p('C. Phương án ba'),
  p('D. Phương án bốn'),
];
const part = (count: number, subject: string) => Array.from({ length: count }, (_, i) => question(i + 1, subject)).flat();
const keyTable = (letters: string) =>
  table([
    ['Câu', ...[...letters].map((_l, i) => String(i + 1))],
    ['Đáp án', ...letters],
  ]);

describe('parseQuestionDocx with numbering restarting in each part', () => {
  it("gives each part its own answer table (the office layout that put Part II's keys on Part I)", async () => {
    const result = await parse(
      p('ĐỀ CƯƠNG BỒI DƯỠNG CHÍNH TRỊ HÈ 2026'),
      p('PHẦN I. LỊCH SỬ ĐẢNG'),
      ...part(3, 'lịch sử Đảng'),
      p('PHẦN II. PHÁP LUẬT GIÁO DỤC'),
      ...part(4, 'pháp luật'),
      p('ĐÁP ÁN PHẦN I'),
      keyTable('BCD'),
      p('ĐÁP ÁN PHẦN II'),
      keyTable('ADBA'),
    );
    expect(result.problems).toEqual([]);
    expect(result.questions.map((q) => correctOf(q.options)).join(' ')).toBe('B C D A D B A');
    expect(result.questions.map((q) => q.topic)).toEqual([...Array(3).fill('LỊCH SỬ ĐẢNG'), ...Array(4).fill('PHÁP LUẬT GIÁO DỤC')]);
    // Numbers identify the questions in the preview and the commit, so they are unique: the order in the file.
    expect(result.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(result.questions[3].stem).toBe('Câu hỏi số 1 về pháp luật?');
  });

  it('reads "Phần 1", "PHẦN B", roman or arabic, keys as lines, under one "ĐÁP ÁN" with a heading per part', async () => {
    const asLines = await parse(
      p('Phần 1'),
      ...part(2, 'lý luận'),
      p('Phần 2: Đạo đức nhà giáo'),
      ...part(3, 'đạo đức'),
      p('ĐÁP ÁN PHẦN 1'),
      p('1.A 2.C'),
      p('Đáp án phần 2: 1-D 2-B 3-C'),
    );
    expect(asLines.problems).toEqual([]);
    expect(asLines.questions.map((q) => correctOf(q.options)).join(' ')).toBe('A C D B C');
    expect(asLines.questions.map((q) => q.topic)).toEqual(['Phần 1', 'Phần 1', 'Đạo đức nhà giáo', 'Đạo đức nhà giáo', 'Đạo đức nhà giáo']);

    const lettered = await parse(
      p('PHẦN A - KIẾN THỨC CHUNG'),
      ...part(2, 'kiến thức chung'),
      p('PHẦN B - KIẾN THỨC CHUYÊN MÔN'),
      ...part(2, 'chuyên môn'),
      p('BẢNG ĐÁP ÁN'),
      p('Phần B'),
      keyTable('DD'),
      p('Phần A'),
      keyTable('BA'),
    );
    expect(lettered.problems).toEqual([]);
    expect(lettered.questions.map((q) => correctOf(q.options)).join(' ')).toBe('B A D D');

    const romanAndArabic = await parse(
      p('I. TRẮC NGHIỆM VỀ ĐẢNG'),
      ...part(2, 'Đảng'),
      p('II. TRẮC NGHIỆM VỀ PHÁP LUẬT'),
      ...part(2, 'pháp luật'),
      p('ĐÁP ÁN PHẦN 2'),
      keyTable('CA'),
      p('ĐÁP ÁN PHẦN 1'),
      keyTable('AB'),
    );
    expect(romanAndArabic.problems).toEqual([]);
    expect(romanAndArabic.questions.map((q) => correctOf(q.options)).join(' ')).toBe('A B C A');
  });

  it('gives a table placed right after its part to that part, the last one included', async () => {
    const result = await parse(
      p('PHẦN I'),
      ...part(2, 'lý luận'),
      p('Đáp án'),
      keyTable('CB'),
      p('PHẦN II'),
      ...part(2, 'pháp luật'),
      p('Đáp án'),
      keyTable('AD'),
    );
    expect(result.problems).toEqual([]);
    expect(result.questions.map((q) => correctOf(q.options)).join(' ')).toBe('C B A D');
  });

  it('reads one table with a row per part ("Phần I", "II"), under a row of numbers or as "1-B" cells', async () => {
    const questions = [p('PHẦN I. LỊCH SỬ ĐẢNG'), ...part(2, 'lịch sử Đảng'), p('PHẦN II. PHÁP LUẬT'), ...part(3, 'pháp luật')];
    const underNumbers = await parse(
      ...questions,
      p('ĐÁP ÁN'),
      table([
        ['Phần \\ Câu', '1', '2', '3'],
        ['Phần I', 'B', 'C', ''],
        ['Phần II', 'A', 'D', 'B'],
      ]),
    );
    expect(underNumbers.problems).toEqual([]);
    expect(underNumbers.questions.map((q) => correctOf(q.options)).join(' ')).toBe('B C A D B');

    const asCells = await parse(
      ...questions,
      p('ĐÁP ÁN'),
      table([
        ['I', '1-D', '2-A'],
        ['II.', '1-C 2-C 3-A'],
      ]),
    );
    expect(asCells.problems).toEqual([]);
    expect(asCells.questions.map((q) => correctOf(q.options)).join(' ')).toBe('D A C C A');
  });

  it('does not guess from one table at the end for all parts: a problem on each question it could answer', async () => {
    const result = await parse(
      p('PHẦN I. LỊCH SỬ ĐẢNG'),
      ...part(2, 'lịch sử Đảng'),
      p('PHẦN II. PHÁP LUẬT'),
      ...part(3, 'pháp luật'),
      p('ĐÁP ÁN'),
      table([
        ['Câu', '1', '2', '3', '1', '2'],
        ['Đáp án', 'A', 'B', 'C', 'D', 'A'],
      ]),
    );
    expect(result.questions.map((q) => correctOf(q.options))).toEqual(['', '', '', '', '']);
    const ambiguous = (question: number, line: number, n: number) => ({
      question,
      line,
      message:
        `Không rõ đáp án của câu ${n}: số câu `
        + 'bắt đầu lại ở mỗi phần mà bảng đáp án ở dòng 29 không ghi là của phần nào (ghi "ĐÁP ÁN PHẦN I", "ĐÁP ÁN PHẦN II"… trên bảng của '
        + 'từng phần)',
    });
    const none = (question: number, line: number) => ({ question, line, message: 'Không tìm thấy đáp án đúng' });
    expect(result.problems).toEqual([
      ambiguous(1, 2, 1),
      none(1, 2),
      ambiguous(2, 7, 2),
      none(2, 7),
      ambiguous(3, 13, 1),
      none(3, 13),
      ambiguous(4, 18, 2),
      none(4, 18),
      ambiguous(5, 23, 3),
      none(5, 23),
    ]);
  });

  it('reports a part without its table, and numbers that do not match the part, naming them', async () => {
    const missingPart = await parse(
      p('PHẦN I'),
      ...part(2, 'lý luận'),
      p('PHẦN II'),
      ...part(2, 'pháp luật'),
      p('PHẦN III'),
      ...part(1, 'đạo đức'),
      p('ĐÁP ÁN PHẦN I'),
      keyTable('AB'),
      p('ĐÁP ÁN PHẦN III'),
      keyTable('C'),
    );
    expect(missingPart.questions.map((q) => correctOf(q.options)).join(' ')).toBe('A B   C');
    expect(missingPart.problems).toEqual([
      { question: 3, line: 13, message: 'Không tìm thấy đáp án đúng' },
      { question: 3, line: 13, message: 'Không có bảng đáp án cho phần II' },
      { question: 4, line: 18, message: 'Không tìm thấy đáp án đúng' },
      { question: 4, line: 18, message: 'Không có bảng đáp án cho phần II' },
    ]);

    const mismatch = await parse(
      p('PHẦN I'),
      ...part(2, 'lý luận'),
      p('PHẦN II'),
      ...part(3, 'pháp luật'),
      p('ĐÁP ÁN PHẦN I'),
      keyTable('AB'),
      p('ĐÁP ÁN PHẦN II'),
      table([
        ['1', 'C'],
        ['2', 'D'],
        ['4', 'A'],
      ]),
      p('ĐÁP ÁN PHẦN IV'),
      p('1-A'),
    );
    expect(mismatch.questions.map((q) => correctOf(q.options)).join(' ')).toBe('A B C D ');
    expect(mismatch.problems).toEqual([
      { question: 5, line: 23, message: 'Không tìm thấy đáp án đúng' },
      { question: 5, line: 23, message: 'Bảng đáp án phần II không có câu 3' },
      { question: null, line: 31, message: 'Bảng đáp án phần II có câu 4 nhưng phần II không có câu 4' },
      { question: null, line: 33, message: 'Bảng đáp án phần IV không ứng với phần nào có câu hỏi trong tệp' },
    ]);
  });

  it('keeps one table for numbering that runs on across the parts, as before', async () => {
    const continuous = [
      p('PHẦN I. LỊCH SỬ ĐẢNG'),
      ...question(1, 'Đảng'),
      ...question(2, 'Đảng'),
      p('PHẦN II. PHÁP LUẬT'),
      ...question(3, 'pháp luật'),
      ...question(4, 'pháp luật'),
    ];
    const result = await parse(...continuous, p('ĐÁP ÁN'), keyTable('DCBA'));
    expect(result.problems).toEqual([]);
    expect(result.questions.map((q) => [q.number, correctOf(q.options)])).toEqual([
      [1, 'D'],
      [2, 'C'],
      [3, 'B'],
      [4, 'A'],
    ]);

    // Answer tables per part work the same with numbering that runs on; a number outside the file is named.
    const perPart = await parse(...continuous, p('ĐÁP ÁN PHẦN I'), p('1-B 2-B'), p('ĐÁP ÁN PHẦN II'), p('3-C 4-C 5-A'));
    expect(perPart.questions.map((q) => correctOf(q.options)).join(' ')).toBe('B B C C');
    expect(perPart.problems).toEqual([{ question: null, line: 26, message: 'Bảng đáp án có câu 5 nhưng tệp không có câu 5' }]);
  });

  it('gives no key to a number written twice by mistake, and keeps the two questions apart', async () => {
    const result = await parse(
      ...question(1, 'Đảng'),
      ...question(2, 'Đảng'),
      ...question(2, 'pháp luật'),
      ...question(4, 'pháp luật'),
      p('ĐÁP ÁN'),
      p('1-A 2-B 3-C 4-D'),
    );
    expect(result.questions.map((q) => [q.number, correctOf(q.options)])).toEqual([
      [1, 'A'],
      [2, ''],
      [3, ''],
      [4, 'D'],
    ]);
    const twice = 'Có nhiều câu số 2: không rõ đáp án câu 2 của bảng đáp án là của câu nào';
    expect(result.problems).toEqual([
      { question: 2, line: 6, message: twice },
      { question: 2, line: 6, message: 'Không tìm thấy đáp án đúng' },
      { question: 3, line: 11, message: twice },
      { question: 3, line: 11, message: 'Không tìm thấy đáp án đúng' },
      { question: null, line: 22, message: 'Bảng đáp án có câu 3 nhưng tệp không có câu 3' },
    ]);
  });
});
