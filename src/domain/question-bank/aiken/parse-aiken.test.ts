import { describe, expect, it } from 'vitest';
import { parseAiken } from './parse-aiken.ts';

const NQ29 = 'Nghị quyết 29-NQ/TW về đổi mới căn bản, toàn diện giáo dục và đào tạo được ban hành năm nào?';

describe('parseAiken', () => {
  it('reads questions with "A." and "A)" options and ANSWER / ĐÁP ÁN lines', () => {
    const text = [
      NQ29, // 1
      'A. 2011',
      'B. 2013',
      'C. 2015',
      'D. 2018',
      'ANSWER: B',
      '',
      '',
      'Theo Luật Giáo dục 2019,', // 9
      'giáo dục phổ thông gồm những cấp học nào?',
      'A) Tiểu học, trung học cơ sở',
      'B) Tiểu học, trung học cơ sở, trung học phổ thông',
      'C) Mầm non, tiểu học',
      'Đáp án: b',
      'Ai là Tổng Bí thư đầu tiên của Đảng?', // 15: no blank line needed after ANSWER
      'A. Trần Phú',
      'B. Lê Duẩn',
      'ĐÁP ÁN: A',
      'Năm thành lập Đảng?', // 19
      'A. 1930',
      'B. 1945',
      'answer : a',
    ].join('\n');
    const result = parseAiken(text);
    expect(result.problems).toEqual([]);
    expect(result.questions.map((q) => [q.number, q.line, q.stem])).toEqual([
      [1, 1, NQ29],
      [2, 9, 'Theo Luật Giáo dục 2019,\ngiáo dục phổ thông gồm những cấp học nào?'],
      [3, 15, 'Ai là Tổng Bí thư đầu tiên của Đảng?'],
      [4, 19, 'Năm thành lập Đảng?'],
    ]);
    expect(result.questions[0]).toMatchObject({ topic: null, difficulty: null, images: [] });
    expect(result.questions[0].options).toEqual([
      { letter: 'A', text: '2011', correct: false, pinned: false, images: [] },
      { letter: 'B', text: '2013', correct: true, pinned: false, images: [] },
      { letter: 'C', text: '2015', correct: false, pinned: false, images: [] },
      { letter: 'D', text: '2018', correct: false, pinned: false, images: [] },
    ]);
    expect(result.questions.map((q) => q.options.findIndex((o) => o.correct))).toEqual([1, 1, 0, 0]);
  });

  it('normalises text, accepts CRLF and a BOM, and continues a long option on the next line', () => {
    const text =
      '\ufeffChuẩn   nghề nghiệp giáo viên  \r\nA. Thông tư 20/2018/TT-BGDĐT\r\nquy định chuẩn\r\nB.  Thông tư 14\r\nANSWER: A\r\n';
    const result = parseAiken(text);
    expect(result.problems).toEqual([]);
    expect(result.questions[0].stem).toBe('Chuẩn nghề nghiệp giáo viên');
    expect(result.questions[0].options.map((o) => o.text)).toEqual(['Thông tư 20/2018/TT-BGDĐT quy định chuẩn', 'Thông tư 14']);
  });

  it('returns nothing for an empty file', () => {
    expect(parseAiken('\n\n  \n')).toEqual({ questions: [], problems: [] });
  });

  it('reports missing ANSWER, unknown answer letter, letters out of order, too few or too many options', () => {
    const nine = Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(0x41 + i)}. Phương án ${i + 1}`);
    const text = [
      'Câu thiếu dòng đáp án?', // 1
      'A. Một',
      'B. Hai',
      '',
      'Câu có đáp án ngoài các phương án?', // 5
      'A. Một',
      'B. Hai',
      'ANSWER: D',
      '',
      'Câu sai thứ tự?', // 10
      'A. Một',
      'C. Ba',
      'B. Hai',
      'ANSWER: A',
      '',
      'Câu chỉ có một phương án?', // 16
      'A. Một',
      'ANSWER: A',
      '',
      'Câu quá nhiều phương án?', // 20
      ...nine,
      'ANSWER: A',
      '',
      'A. Không có đề', // 32
      'B. Hai',
      'ANSWER: A',
      '',
      'Câu có dòng đáp án hỏng?', // 36
      'A. Một',
      'B. Hai',
      'ANSWER: A hoặc B',
      '',
      'Câu có phương án trống?', // 41
      'A. Một',
      'B.',
      'ANSWER: A',
      '',
      'Câu cuối thiếu đáp án ở cuối tệp?', // 46
      'A. Một',
      'B. Hai',
    ].join('\n');
    expect(parseAiken(text)).toEqual({
      questions: [],
      problems: [
        { question: 1, line: 1, message: 'Thiếu dòng ANSWER: <chữ cái của đáp án đúng>' },
        { question: 2, line: 5, message: 'Đáp án D không có trong các phương án' },
        { question: 3, line: 10, message: 'Phương án C (dòng 12) sai thứ tự, cần B' },
        { question: 3, line: 10, message: 'Phương án B (dòng 13) sai thứ tự, cần C' },
        { question: 4, line: 16, message: 'Câu hỏi chỉ có 1 phương án, cần ít nhất 2' },
        { question: 5, line: 20, message: 'Câu hỏi có 9 phương án, nhiều nhất 8' },
        { question: 6, line: 32, message: 'Câu hỏi không có nội dung' },
        { question: 7, line: 36, message: 'Dòng ANSWER không hợp lệ: "A HOẶC B", cần một chữ cái' },
        { question: 8, line: 41, message: 'Phương án B không có nội dung' },
        { question: 9, line: 46, message: 'Thiếu dòng ANSWER: <chữ cái của đáp án đúng>' },
      ],
    });
  });

  it('reads options without a space after the letter and ANSWER without a space, as Moodle does', () => {
    const result = parseAiken('Năm thành lập Đảng?\nA)1930\nB)1945\nC.1954\nANSWER:A\n\nV.I. Lênin sinh năm?\nA.1870\nB.1880\nANSWER:B');
    expect(result.problems).toEqual([]);
    expect(result.questions.map((q) => [q.stem, q.options.map((o) => o.text), q.options.findIndex((o) => o.correct)])).toEqual([
      ['Năm thành lập Đảng?', ['1930', '1945', '1954'], 0],
      ['V.I. Lênin sinh năm?', ['1870', '1880'], 1],
    ]);
  });

  it('treats lower-case "a." lines as part of the stem', () => {
    const result = parseAiken('Chọn ý đúng:\na. ý thứ nhất\nA. Có\nB. Không\nANSWER: A');
    expect(result.questions[0].stem).toBe('Chọn ý đúng:\na. ý thứ nhất');
  });
});
