import { describe, expect, it } from 'vitest';
import { Tab, TextRun } from 'docx';
import { buildDocx, image, p, table } from './docx-test-builder.ts';
import { parseQuestionDocx } from './parse-docx.ts';

const Q1 = 'Câu 1. Nghị quyết số 29-NQ/TW của Hội nghị Trung ương 8 khóa XI về vấn đề gì?';
const Q1_STEM = 'Nghị quyết số 29-NQ/TW của Hội nghị Trung ương 8 khóa XI về vấn đề gì?';
const Q1_OPTIONS = [
  'Đổi mới căn bản, toàn diện giáo dục và đào tạo',
  'Xây dựng và chỉnh đốn Đảng',
  'Phát triển văn hóa, con người Việt Nam',
  'Chiến lược bảo vệ Tổ quốc trong tình hình mới',
];

async function parse(...children: Parameters<typeof buildDocx>[0]) {
  return parseQuestionDocx(await buildDocx(children));
}

const correctOf = (options: { letter: string; correct: boolean }[]) => options.filter((o) => o.correct).map((o) => o.letter);

describe('parseQuestionDocx', () => {
  it('reads a question with one option per paragraph, the answer underlined', async () => {
    const result = await parse(
      p('ĐỀ CƯƠNG BỒI DƯỠNG CHÍNH TRỊ HÈ 2025'),
      p(Q1),
      p({ text: 'A. ' + Q1_OPTIONS[0], underline: {} }),
      p('B. ' + Q1_OPTIONS[1]),
      p('C. ' + Q1_OPTIONS[2]),
      p('D. ' + Q1_OPTIONS[3]),
    );
    expect(result.problems).toEqual([]);
    expect(result.questions).toHaveLength(1);
    const [q] = result.questions;
    expect(q).toMatchObject({ number: 1, line: 2, stem: Q1_STEM, topic: null, difficulty: null, images: [] });
    expect(q.options.map((o) => [o.letter, o.text, o.correct, o.pinned])).toEqual([
      ['A', Q1_OPTIONS[0], true, false],
      ['B', Q1_OPTIONS[1], false, false],
      ['C', Q1_OPTIONS[2], false, false],
      ['D', Q1_OPTIONS[3], false, false],
    ]);
  });

  it('knows every way of starting a question and keeps multi-paragraph stems', async () => {
    const opts = (answer: string) => ['A', 'B'].map((l) => p({ text: `${l}. Phương án ${l}`, underline: l === answer ? {} : undefined }));
    const result = await parse(
      p('Câu 1: Theo Hiến pháp năm 2013,'),
      p('cơ quan nào là cơ quan quyền lực nhà nước cao nhất?'),
      ...opts('A'),
      p('CÂU 2 Luật Giáo dục năm 2019 có hiệu lực từ ngày nào?'),
      ...opts('B'),
      p('Bài 3. Đảng Cộng sản Việt Nam ra đời năm nào?'),
      ...opts('A'),
      p('4. Chủ tịch Hồ Chí Minh sinh năm nào?'),
      ...opts('B'),
      p('5) Quy định số 144-QĐ/TW về chuẩn mực đạo đức cách mạng ban hành năm nào?'),
      ...opts('A'),
    );
    expect(result.problems).toEqual([]);
    expect(result.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5]);
    expect(result.questions[0].stem).toBe('Theo Hiến pháp năm 2013,\ncơ quan nào là cơ quan quyền lực nhà nước cao nhất?');
    expect(result.questions[1].stem).toBe('Luật Giáo dục năm 2019 có hiệu lực từ ngày nào?');
    expect(result.questions[4].stem).toBe('Quy định số 144-QĐ/TW về chuẩn mực đạo đức cách mạng ban hành năm nào?');
    expect(result.questions.map((q) => correctOf(q.options))).toEqual([['A'], ['B'], ['A'], ['B'], ['A']]);
  });

  it("splits several options on one line (tabs or 2+ spaces), keeping each one's formatting", async () => {
    const result = await parse(
      p('Câu 1. Đại hội đại biểu toàn quốc lần thứ XIII của Đảng diễn ra năm nào?'),
      new (await import('docx')).Paragraph({
        children: [
          new TextRun('A. 2016'),
          new TextRun({ children: [new Tab()] }),
          new TextRun('B. 2019'),
          new TextRun({ children: [new Tab()] }),
          new TextRun({ text: 'C. 2021', color: 'FF0000' }),
          new TextRun({ children: [new Tab()] }),
          new TextRun('D. 2026'),
        ],
      }),
      p('Câu 2. Số đảng viên tối thiểu của một chi bộ là bao nhiêu?'),
      p('A. 2 đảng viên   ', { text: 'B.', highlight: 'yellow' }, ' 3 đảng viên'),
      p('C. 5 đảng viên  D. 7 đảng viên'),
    );
    expect(result.problems).toEqual([]);
    const [q1, q2] = result.questions;
    expect(q1.options.map((o) => o.text)).toEqual(['2016', '2019', '2021', '2026']);
    expect(correctOf(q1.options)).toEqual(['C']);
    expect(q2.options.map((o) => `${o.letter}:${o.text}`)).toEqual(['A:2 đảng viên', 'B:3 đảng viên', 'C:5 đảng viên', 'D:7 đảng viên']);
    expect(correctOf(q2.options)).toEqual(['B']);
  });

  it('accepts A) A: and lower-case a. option letters', async () => {
    const result = await parse(
      p('Câu 1. Cơ quan thường trực của Quốc hội là gì?'),
      p('A) Ủy ban Thường vụ Quốc hội'),
      p({ text: 'B) Hội đồng Dân tộc', color: '0070C0' }),
      p('Câu 2. Nhiệm kỳ của Quốc hội là mấy năm?'),
      p('A: 4 năm'),
      p('B: 5 năm', { text: '', underline: {} }),
      p({ text: 'C:', underline: {} }, ' 5 năm'),
      p('Câu 3. Ngày Nhà giáo Việt Nam là ngày nào?'),
      p('a. 20/10'),
      p({ text: 'b. 20/11', highlight: 'green' }),
      p('c. 19/5'),
    );
    expect(result.questions.map((q) => q.options.map((o) => o.letter).join(''))).toEqual(['AB', 'ABC', 'ABC']);
    expect(result.questions.map((q) => correctOf(q.options))).toEqual([['B'], ['C'], ['B']]);
    expect(result.questions[2].options[1].text).toBe('20/11');
    expect(result.problems).toEqual([]);
  });

  it('uses bold as the answer mark only when bold marks nothing else in the options', async () => {
    const onlyAnswers = await parse(
      p(Q1),
      p('A. ' + Q1_OPTIONS[0]),
      p({ text: 'B. ' + Q1_OPTIONS[1], bold: true }),
      p('C. ' + Q1_OPTIONS[2]),
      p({ text: 'Câu 2. Học thuyết nào là nền tảng tư tưởng của Đảng?', bold: true }),
      p({ text: 'A.', bold: true }, ' Chủ nghĩa Mác - Lênin và tư tưởng Hồ Chí Minh'),
      p('B. Chủ nghĩa duy tâm'),
    );
    expect(onlyAnswers.questions.map((q) => correctOf(q.options))).toEqual([['B'], ['A']]);
    expect(onlyAnswers.problems).toEqual([]);

    const boldLetters = await parse(
      p(Q1),
      p({ text: 'A.', bold: true }, ' ' + Q1_OPTIONS[0]),
      p({ text: 'B.', bold: true }, ' ' + Q1_OPTIONS[1]),
      p('Câu 2. Học thuyết nào là nền tảng tư tưởng của Đảng?'),
      p({ text: 'A.', bold: true }, ' Chủ nghĩa Mác - Lênin và tư tưởng Hồ Chí Minh'),
      p('B. Chủ nghĩa ', { text: 'duy tâm', bold: true }),
    );
    expect(boldLetters.questions.map((q) => correctOf(q.options))).toEqual([[], []]);
    expect(boldLetters.problems).toEqual([
      { question: 1, line: 1, message: 'Không tìm thấy đáp án đúng' },
      { question: 2, line: 4, message: 'Không tìm thấy đáp án đúng' },
    ]);
  });

  it('takes * before the letter as the answer and # or an italic letter as pinned, stripping the marks', async () => {
    const result = await parse(
      p('Câu 1. Những nội dung nào thuộc quan điểm chỉ đạo của Nghị quyết 29-NQ/TW?'),
      p('A. Giáo dục là quốc sách hàng đầu'),
      p('B. Phát triển giáo dục là nền tảng'),
      p('*C. Cả A và B đều đúng'),
      p('#D. Tất cả các phương án trên đều sai'),
      p('Câu 2. Chọn phương án đúng.'),
      p('A. Đúng'),
      p('*B. Sai'),
      p({ text: 'C.', italics: true }, ' Không xác định được'),
    );
    expect(result.problems).toEqual([]);
    const [q1, q2] = result.questions;
    expect(q1.options.map((o) => [o.letter, o.text, o.correct, o.pinned])).toEqual([
      ['A', 'Giáo dục là quốc sách hàng đầu', false, false],
      ['B', 'Phát triển giáo dục là nền tảng', false, false],
      ['C', 'Cả A và B đều đúng', true, false],
      ['D', 'Tất cả các phương án trên đều sai', false, true],
    ]);
    expect(q2.options.map((o) => [o.letter, o.correct, o.pinned])).toEqual([
      ['A', false, false],
      ['B', true, false],
      ['C', false, true],
    ]);
  });

  it('reads answer lines under questions (Đáp án: C, ĐA: B)', async () => {
    const result = await parse(
      p(Q1),
      ...Q1_OPTIONS.map((text, i) => p(`${'ABCD'[i]}. ${text}`)),
      p('Đáp án: A'),
      p('Câu 2. Cơ quan nào ban hành Luật Nhà giáo?'),
      p('A. Chính phủ'),
      p('B. Quốc hội'),
      p('ĐA: B'),
      p('Câu 3. Năm học 2025-2026 có bao nhiêu tuần thực học?'),
      p('A. 35 tuần'),
      p('B. 36 tuần'),
      p('Đáp án: E'),
    );
    expect(result.questions.map((q) => correctOf(q.options))).toEqual([['A'], ['B'], []]);
    expect(result.questions[0].options).toHaveLength(4);
    expect(result.problems).toEqual([
      { question: 3, line: 11, message: 'Đáp án E không có trong các phương án' },
      { question: 3, line: 11, message: 'Không tìm thấy đáp án đúng' },
    ]);
  });

  it('reads an answer key at the end, as text or as a Word table', async () => {
    const questions = [1, 2, 3, 4].flatMap((n) => [
      p(`Câu ${n}. Câu hỏi số ${n} về Luật Giáo dục?`),
      p('A. Một'),
      p('B. Hai'),
      p('C. Ba'),
      p('D. Bốn'),
    ]);
    const asText = await parse(...questions, p('BẢNG ĐÁP ÁN'), p('1-A 2-C 3.B 4A'));
    expect(asText.problems).toEqual([]);
    expect(asText.questions.map((q) => correctOf(q.options))).toEqual([['A'], ['C'], ['B'], ['A']]);

    const asTable = await parse(
      ...questions,
      p('ĐÁP ÁN'),
      table([
        ['Câu', '1', '2', '3', '4'],
        ['Đáp án', 'D', 'C', 'B', 'A'],
      ]),
    );
    expect(asTable.problems).toEqual([]);
    expect(asTable.questions.map((q) => correctOf(q.options))).toEqual([['D'], ['C'], ['B'], ['A']]);

    const columns = await parse(
      ...questions,
      table([
        ['1', 'B'],
        ['2', 'B'],
        ['3', 'D'],
        ['4', 'C'],
      ]),
    );
    expect(columns.questions.map((q) => correctOf(q.options))).toEqual([['B'], ['B'], ['D'], ['C']]);
  });

  it('takes headings as the topic of the following questions, without their "PHẦN I." / "Chuyên đề:" prefix', async () => {
    const q = (n: number) => [p(`Câu ${n}. Nội dung câu ${n}?`), p({ text: 'A. Đúng', underline: {} }), p('B. Sai')];
    const result = await parse(
      p('PHẦN I. LÝ LUẬN CHÍNH TRỊ'),
      ...q(1),
      p('II. Pháp luật giáo dục'),
      ...q(2),
      p('Nhóm 3: Đạo đức nhà giáo'),
      ...q(3),
      p('Chuyên đề 4 – Chuyển đổi số trong giáo dục'),
      ...q(4),
      p('Phần 5'),
      ...q(5),
      p('CHUYÊN ĐỀ 6: Nghị quyết 57-NQ/TW:'),
      ...q(6),
      p('Phần 2: Lịch sử Đảng'),
      ...q(7),
      p('PHẦN A - Kiến thức chung'),
      ...q(8),
      p('Chủ đề 3. Luật Nhà giáo'),
      ...q(9),
      p('Chuyên đề: Phần II. Luật Giáo dục 2019'),
      ...q(10),
    );
    expect(result.problems).toEqual([]);
    expect(result.questions.map((x) => x.topic)).toEqual([
      'LÝ LUẬN CHÍNH TRỊ',
      'Pháp luật giáo dục',
      'Đạo đức nhà giáo',
      'Chuyển đổi số trong giáo dục',
      'Phần 5',
      'Nghị quyết 57-NQ/TW',
      'Lịch sử Đảng',
      'Kiến thức chung',
      'Luật Nhà giáo',
      'Phần II. Luật Giáo dục 2019',
    ]);
  });

  it('gives back exactly the topic our Word export wrote as "Chuyên đề: <topic>"', async () => {
    const fc = (await import('fast-check')).default;
    const { normalizeText } = await import('../../text.ts');
    const topic = fc
      .oneof(fc.string({ minLength: 1 }), fc.constantFrom('Phần II. Luật Giáo dục 2019', 'Chuyên đề 1: Nghị quyết.', 'II. Pháp luật:'))
      .map(normalizeText)
      .filter((t) => t !== '' && !t.includes('\n'));
    await fc.assert(
      fc.asyncProperty(topic, async (t) => {
        const result = await parse(
          p({ text: `Chuyên đề: ${t}`, bold: true }),
          p('Câu 1. Nội dung?'),
          p({ text: 'A. Đúng', underline: {} }),
          p('B. Sai'),
        );
        expect(result.questions.map((q) => q.topic)).toEqual([t]);
      }),
      { numRuns: 60 },
    );
  });

  it('puts images of a stem or an option into that part', async () => {
    const result = await parse(
      p('Câu 1. Hình dưới đây là biểu tượng của tổ chức nào?', image()),
      p(image()),
      p({ text: 'A.', underline: {} }, ' Đoàn Thanh niên Cộng sản Hồ Chí Minh'),
      p('B. ', image()),
      p('C. Hội Liên hiệp Thanh niên Việt Nam'),
      p(image()),
    );
    expect(result.problems).toEqual([]);
    const [q] = result.questions;
    expect(q.stem).toBe('Hình dưới đây là biểu tượng của tổ chức nào?');
    expect(q.images).toHaveLength(2);
    expect(q.images[0].contentType).toBe('image/png');
    expect(q.images[0].data[1]).toBe(0x50); // ‰PNG
    expect(q.options.map((o) => o.images.length)).toEqual([0, 1, 1]);
    expect(q.options[1].text).toBe('');
  });

  it('reports the problems of each question with its number and line', async () => {
    const result = await parse(
      p('Câu 1. Chủ tịch Hồ Chí Minh đọc Tuyên ngôn độc lập ngày nào?'),
      p('A. 19/8/1945'),
      p('B. 2/9/1945'),
      p('Câu 2. Nghị quyết nào bàn về chuyển đổi số quốc gia?'),
      p({ text: 'A. 52-NQ/TW' }),
      p({ text: 'B. 57-NQ/TW', underline: {} }),
      p('C. 29-NQ/TW'),
      p({ text: 'D. 57-NQ/TW (bản sửa)', color: 'C00000' }),
      p('Câu 3. Luật Nhà giáo được thông qua năm nào?'),
      p({ text: 'A. 2025', underline: {} }),
      p('Câu 4. Đâu là một nhiệm vụ của nhà giáo?'),
      p({ text: 'A. Giảng dạy', underline: {} }),
      p('B. Kinh doanh'),
      p('D. Cả hai'),
      p('Câu 5.'),
      p({ text: 'A. Có', underline: {} }),
      p('B. Không'),
    );
    expect(result.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5]);
    expect(result.problems).toEqual([
      { question: 1, line: 1, message: 'Không tìm thấy đáp án đúng' },
      { question: 2, line: 4, message: 'Có 2 phương án được đánh dấu đúng (B, D)' },
      { question: 3, line: 9, message: 'Câu hỏi chỉ có 1 phương án' },
      { question: 4, line: 11, message: 'Thiếu phương án C' },
      { question: 5, line: 15, message: 'Câu hỏi không có nội dung' },
    ]);
  });

  it('reads a difficulty tag and gives a lower-case list back to the stem', async () => {
    const result = await parse(
      p('Câu 1 (NB). Có bao nhiêu phát biểu đúng trong các phát biểu sau?'),
      p('a) Nhà giáo được tôn vinh.'),
      p('b) Nhà giáo được bảo vệ danh dự.'),
      p('A. 0'),
      p('B. 1'),
      p({ text: 'C. 2', underline: {} }),
    );
    expect(result.problems).toEqual([]);
    const [q] = result.questions;
    expect(q.difficulty).toBe('recognition');
    expect(q.stem).toBe(
      'Có bao nhiêu phát biểu đúng trong các phát biểu sau?\na) Nhà giáo được tôn vinh.\nb) Nhà giáo được bảo vệ danh dự.',
    );
    expect(q.options.map((o) => o.letter)).toEqual(['A', 'B', 'C']);
  });

  it('says so when the file has no question', async () => {
    expect(await parse(p('Thông báo lịch bồi dưỡng hè'))).toEqual({
      questions: [],
      problems: [{ question: null, line: 1, message: 'Không tìm thấy câu hỏi nào trong tệp' }],
    });
  });
});

describe('parseQuestionDocx with Word automatic numbering', () => {
  it('reads "Câu %1." and "%1." list labels as question numbers and option letters', async () => {
    const { LevelFormat, Paragraph } = await import('docx');
    const numbering = {
      config: [
        { reference: 'cau', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: 'Câu %1.' }] },
        { reference: 'pa', levels: [{ level: 0, format: LevelFormat.UPPER_LETTER, text: '%1.' }] },
      ],
    };
    const question = (stem: string) => new Paragraph({ numbering: { reference: 'cau', level: 0 }, children: [new TextRun(stem)] });
    const option = (instance: number, text: string, underline = false) =>
      new Paragraph({
        numbering: { reference: 'pa', level: 0, instance },
        children: [new TextRun({ text, underline: underline ? {} : undefined })],
      });
    const file = await buildDocx(
      [
        question('Luật Nhà giáo được Quốc hội thông qua năm nào?'),
        option(1, '2024'),
        option(1, '2025', true),
        question('Ai là người đứng đầu Chính phủ?'),
        option(2, 'Thủ tướng Chính phủ', true),
        option(2, 'Chủ tịch nước'),
        option(2, 'Chủ tịch Quốc hội'),
      ],
      numbering,
    );
    const result = await parseQuestionDocx(file);
    expect(result.problems).toEqual([]);
    expect(result.questions.map((q) => [q.number, q.stem])).toEqual([
      [1, 'Luật Nhà giáo được Quốc hội thông qua năm nào?'],
      [2, 'Ai là người đứng đầu Chính phủ?'],
    ]);
    expect(result.questions.map((q) => q.options.map((o) => `${o.letter}${o.correct ? '*' : ''}`).join(' '))).toEqual(['A B*', 'A* B C']);
  });
});

describe('parseQuestionDocx on arbitrary lines', () => {
  it('never throws and keeps its invariants', async () => {
    const fc = (await import('fast-check')).default;
    const token = fc.constantFrom(
      'Câu 1.',
      'Câu 2:',
      '3)',
      'A.',
      '*B.',
      '#C)',
      'd.',
      'Đáp án: B',
      '1-A 2-C',
      'Phần I',
      'II.',
      'ĐÁP ÁN',
      '\t',
      '  ',
      'Nghị quyết',
      'giáo dục',
      'E.',
      '4A',
      ' ',
    );
    const line = fc.array(fc.tuple(token, fc.boolean()), { maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 12 }), async (lines) => {
        const file = await buildDocx(
          lines.map((runs) => p(...runs.map(([text, underline]) => ({ text, underline: underline ? {} : undefined })))),
        );
        const result = await parseQuestionDocx(file);
        for (const question of result.questions) {
          expect(question.line).toBeGreaterThanOrEqual(1);
          for (const option of question.options) expect(option.letter).toMatch(/^[A-H]$/);
        }
        for (const problem of result.problems) expect(problem.message).not.toBe('');
      }),
      { numRuns: 40 },
    );
  });
});

describe('parseQuestionDocx keeps the formatting of stems', () => {
  it('keeps bold, italic and underlined words of a stem, and they do not mark a key', async () => {
    const result = await parse(
      p(
        'Câu 1. Đâu ',
        { text: 'không', bold: true },
        ' phải là ',
        { text: 'nhiệm vụ', underline: {} },
        ' của ',
        { text: 'nhà giáo', italics: true },
        '?',
      ),
      p('A. Giảng dạy'),
      p({ text: 'B. Kinh doanh', color: 'FF0000' }),
      p('C. Rèn luyện đạo đức'),
      p('Câu 2. Luật Giáo dục năm 2019 có hiệu lực từ ngày nào?'),
      p('A. 01/01/2020'),
      p({ text: 'B. 01/07/2020', underline: {} }),
    );
    expect(result.problems).toEqual([]);
    const [q1, q2] = result.questions;
    expect(q1.stem).toBe('Đâu không phải là nhiệm vụ của nhà giáo?');
    expect(q1.stemRich).toEqual([
      {
        type: 'paragraph',
        runs: [
          { text: 'Đâu ' },
          { text: 'không', bold: true },
          { text: ' phải là ' },
          { text: 'nhiệm vụ', underline: true },
          { text: ' của ' },
          { text: 'nhà giáo', italic: true },
          { text: '?' },
        ],
      },
    ]);
    expect(correctOf(q1.options)).toEqual(['B']);
    expect(q2.stemRich).toBeUndefined();
    expect(correctOf(q2.options)).toEqual(['B']);
  });

  it('still takes bold as the key when bold in the file is only emphasis inside stems', async () => {
    // Bold in a stem is the teacher's emphasis and is kept; only bold in options decides whether bold marks keys.
    const result = await parse(
      p({ text: 'Câu 1.', bold: true }, ' Cơ quan nào ', { text: 'không', bold: true }, ' thuộc hệ thống chính trị?'),
      p('A. Đảng Cộng sản Việt Nam'),
      p('B. Nhà nước'),
      p({ text: 'C. Doanh nghiệp tư nhân', bold: true }),
      p({ text: 'Câu 2. Nhiệm kỳ Đại hội Đảng là mấy năm?', bold: true }),
      p({ text: 'A. 5 năm', bold: true }),
      p('B. 4 năm'),
    );
    expect(result.problems).toEqual([]);
    expect(result.questions.map((q) => correctOf(q.options))).toEqual([['C'], ['A']]);
    expect(result.questions[0].stemRich).toEqual([
      { type: 'paragraph', runs: [{ text: 'Cơ quan nào ' }, { text: 'không', bold: true }, { text: ' thuộc hệ thống chính trị?' }] },
    ]);
    expect(result.questions[1].stemRich).toEqual([
      { type: 'paragraph', runs: [{ text: 'Nhiệm kỳ Đại hội Đảng là mấy năm?', bold: true }] },
    ]);
  });

  it('keeps a table of the stem as a table (plain text: cells joined by " | ") with its images', async () => {
    const result = await parse(
      p('Câu 1. Cho bảng số liệu sau:'),
      table([
        ['Năm', [{ text: 'Số đảng viên', bold: true }]],
        ['2020', '5,2 triệu'],
        ['2025', ['5,6 triệu ', image()]],
      ]),
      p('Số đảng viên tăng bao nhiêu?'),
      p('A. 0,2 triệu'),
      p({ text: 'B. 0,4 triệu', underline: {} }),
      table([['Ghi chú', 'theo báo cáo']]),
      p('Câu 2. Câu tiếp theo?'),
      p({ text: 'A. Có', underline: {} }),
      p('B. Không'),
    );
    expect(result.problems).toEqual([]);
    const [q1] = result.questions;
    expect(q1.stem).toBe('Cho bảng số liệu sau:\nNăm | Số đảng viên\n2020 | 5,2 triệu\n2025 | 5,6 triệu\nSố đảng viên tăng bao nhiêu?');
    expect(q1.stemRich).toEqual([
      { type: 'paragraph', runs: [{ text: 'Cho bảng số liệu sau:' }] },
      {
        type: 'table',
        rows: [
          [[{ text: 'Năm' }], [{ text: 'Số đảng viên', bold: true }]],
          [[{ text: '2020' }], [{ text: '5,2 triệu' }]],
          [[{ text: '2025' }], [{ text: '5,6 triệu' }]],
        ],
      },
      { type: 'paragraph', runs: [{ text: 'Số đảng viên tăng bao nhiêu?' }] },
    ]);
    expect(q1.images).toHaveLength(1);
    // A table after the options is text of the last option, as before.
    expect(q1.options[1].text).toBe('0,4 triệu\nGhi chú | theo báo cáo');
  });
});
