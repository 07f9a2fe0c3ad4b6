import { describe, expect, it } from 'vitest';
import { categoryTopic, parseGift } from './parse-gift.ts';

const NQ29 = 'Nghị quyết 29-NQ/TW về đổi mới căn bản, toàn diện giáo dục và đào tạo được ban hành năm nào?';

function options(result: ReturnType<typeof parseGift>, index = 0) {
  return result.questions[index].options.map((o) => [o.letter, o.text, o.correct]);
}

describe('parseGift: multiple choice', () => {
  it('reads a question with one = and several ~, lettered in order', () => {
    const result = parseGift(`${NQ29} { ~2011 =2013 ~2015 ~2018 }`);
    expect(result.problems).toEqual([]);
    expect(result.questions).toHaveLength(1);
    const q = result.questions[0];
    expect(q).toMatchObject({ number: 1, line: 1, stem: NQ29, topic: null, difficulty: null, images: [] });
    expect(q.options).toEqual([
      { letter: 'A', text: '2011', correct: false, pinned: false, images: [] },
      { letter: 'B', text: '2013', correct: true, pinned: false, images: [] },
      { letter: 'C', text: '2015', correct: false, pinned: false, images: [] },
      { letter: 'D', text: '2018', correct: false, pinned: false, images: [] },
    ]);
  });

  it('reads answers over several lines, drops feedback, comments and weights', () => {
    const text = [
      '// Chuyên đề 1: Nghị quyết của Đảng',
      '::Câu 1::Cơ quan nào ban hành Nghị quyết 29-NQ/TW? {',
      '  =Ban Chấp hành Trung ương Đảng khóa XI #Đúng, Hội nghị Trung ương 8',
      '  // một chú thích giữa các phương án',
      '  ~Quốc hội #Sai',
      '  ~%50%Chính phủ',
      '  ~%-100%Bộ Giáo dục và Đào tạo',
      '}',
    ].join('\n');
    const result = parseGift(text);
    expect(result.problems).toEqual([]);
    expect(result.questions[0]).toMatchObject({ number: 1, line: 2, stem: 'Cơ quan nào ban hành Nghị quyết 29-NQ/TW?' });
    expect(options(result)).toEqual([
      ['A', 'Ban Chấp hành Trung ương Đảng khóa XI', true],
      ['B', 'Quốc hội', false],
      ['C', 'Chính phủ', false],
      ['D', 'Bộ Giáo dục và Đào tạo', false],
    ]);
  });

  it('counts ~%100% as the correct option', () => {
    const result = parseGift('Thủ đô của Việt Nam là? {~%100%Hà Nội ~Huế ~Đà Nẵng}');
    expect(result.problems).toEqual([]);
    expect(options(result)).toEqual([
      ['A', 'Hà Nội', true],
      ['B', 'Huế', false],
      ['C', 'Đà Nẵng', false],
    ]);
  });

  it('unescapes \\= \\~ \\# \\{ \\} \\: \\\\ and turns \\n into a line break', () => {
    const text = String.raw`Biểu thức 1 \+ 1 \= 2\: đúng hay sai\? Dòng 1\nDòng 2 \{x\} {=a \= b \# c ~x \~ y ~z\\w}`;
    const result = parseGift(text);
    expect(result.problems).toEqual([]);
    expect(result.questions[0].stem).toBe(String.raw`Biểu thức 1 \+ 1 = 2: đúng hay sai\?` + ' Dòng 1\nDòng 2 {x}');
    expect(options(result)).toEqual([
      ['A', 'a = b # c', true],
      ['B', 'x ~ y', false],
      ['C', 'z\\w', false],
    ]);
  });

  it('joins source lines of the stem with spaces', () => {
    const result = parseGift('Luật Giáo dục năm 2019\n  có hiệu lực từ ngày nào?\n{=01/7/2020 ~01/01/2020}');
    expect(result.questions[0].stem).toBe('Luật Giáo dục năm 2019 có hiệu lực từ ngày nào?');
  });

  it('strips format prefixes, and HTML tags for [html]', () => {
    const text = [
      '::T1::[html]<p>Chủ tịch <b>Hồ Chí Minh</b> sinh năm?</p> {=<i>1890</i> ~1891 ~1900 &amp; 1901}',
      '',
      '[markdown]Năm **1945** có sự kiện gì? {=Cách mạng Tháng Tám ~Điện Biên Phủ}',
      '',
      '[moodle]Ai viết "Nhật ký trong tù"? {=Hồ Chí Minh ~Tố Hữu}',
    ].join('\n');
    const result = parseGift(text);
    expect(result.problems).toEqual([]);
    expect(result.questions.map((q) => q.stem)).toEqual([
      'Chủ tịch Hồ Chí Minh sinh năm?',
      'Năm **1945** có sự kiện gì?',
      'Ai viết "Nhật ký trong tù"?',
    ]);
    expect(options(result)).toEqual([
      ['A', '1890', true],
      ['B', '1891', false],
      ['C', '1900 & 1901', false],
    ]);
    expect(result.questions.map((q) => [q.number, q.line])).toEqual([[1, 1], [2, 3], [3, 5]]);
  });

  it('falls back to the title when the stem is empty, keeps text after the answers', () => {
    const result = parseGift('::Năm ban hành Hiến pháp 2013::{=2013 ~1992}\n\nHiến pháp {=2013 ~1992} là hiến pháp hiện hành.');
    expect(result.problems).toEqual([]);
    expect(result.questions.map((q) => q.stem)).toEqual([
      'Năm ban hành Hiến pháp 2013',
      'Hiến pháp _____ là hiến pháp hiện hành.',
    ]);
  });

  it('sets the topic from the last segment of $CATEGORY', () => {
    const text = [
      '$CATEGORY: $course$/Bồi dưỡng hè 2024/Chuyên đề 1',
      '',
      'Câu một? {=Đúng ~Sai}',
      '$CATEGORY: $course$/Chuyên đề 2',
      'Câu hai? {=Đúng ~Sai}',
      '',
      'Câu ba? {=Đúng ~Sai}',
      '',
      '$CATEGORY: $course$',
      '',
      'Câu bốn? {=Đúng ~Sai}',
    ].join('\n');
    const result = parseGift(text);
    expect(result.problems).toHaveLength(1); // "Câu hai" is glued to "Câu một"
    expect(result.questions.map((q) => [q.number, q.line, q.stem, q.topic])).toEqual([
      [2, 7, 'Câu ba?', 'Chuyên đề 1'],
      [3, 11, 'Câu bốn?', null],
    ]);
  });

  it('reads a question right under its $CATEGORY line', () => {
    const result = parseGift('$CATEGORY: Chính trị/Nghị quyết\nCâu một? {=Đúng ~Sai}');
    expect(result.questions.map((q) => [q.number, q.line, q.topic])).toEqual([[1, 2, 'Nghị quyết']]);
  });

  it('reads category paths with // as a literal slash', () => {
    expect(categoryTopic(' a/Lớp 10//11 ')).toBe('Lớp 10/11');
    expect(categoryTopic('a/b/')).toBe('b');
    expect(categoryTopic('')).toBeNull();
  });

  it('returns nothing for an empty file or one with only comments', () => {
    expect(parseGift('')).toEqual({ questions: [], problems: [] });
    expect(parseGift('\ufeff// chỉ có chú thích\n\n// và dòng trống\n')).toEqual({ questions: [], problems: [] });
  });

  it('accepts CRLF line endings', () => {
    const result = parseGift('Câu một? {\r\n=Đúng\r\n~Sai\r\n}\r\n\r\nCâu hai? {=A ~B}\r\n');
    expect(result.problems).toEqual([]);
    expect(result.questions.map((q) => [q.number, q.line])).toEqual([[1, 1], [2, 6]]);
  });
});

describe('parseGift: unsupported types and problems', () => {
  const skipped = (kind: string) => `Câu hỏi dạng ${kind} không được hỗ trợ, đã bỏ qua`;

  it('skips other GIFT question types with their number and line', () => {
    const text = [
      'Nghị quyết 29-NQ/TW ban hành năm 2013. {T}', // 1
      '',
      'Hiến pháp 1992 đang có hiệu lực. {FALSE#Đã thay bằng Hiến pháp 2013}', // 3
      '',
      'Ai là tác giả Tuyên ngôn độc lập? {=Hồ Chí Minh =Nguyễn Ái Quốc}', // 5
      '',
      'Thủ đô của Việt Nam? {=Hà Nội}', // 7
      '',
      'Ghép tỉnh với tỉnh lỵ. {', // 9
      '  =Nghệ An -> Vinh',
      '  =Thanh Hóa -> Thanh Hóa',
      '}',
      '',
      'Luật Giáo dục 2019 có bao nhiêu chương? {#9}', // 14
      '',
      'Hãy nêu cảm nghĩ về đợt bồi dưỡng hè. {}', // 16
      '',
      '::Giới thiệu::Phần sau gồm các câu hỏi về Luật Giáo dục.', // 18
      '',
      'Câu hỏi đúng? {T}', // 20
      '',
      'Câu được nhập? {=Có ~Không}', // 22
    ].join('\n');
    const result = parseGift(text);
    expect(result.problems).toEqual([
      { question: 1, line: 1, message: skipped('đúng/sai') },
      { question: 2, line: 3, message: skipped('đúng/sai') },
      { question: 3, line: 5, message: skipped('trả lời ngắn') },
      { question: 4, line: 7, message: skipped('trả lời ngắn') },
      { question: 5, line: 9, message: skipped('ghép đôi') },
      { question: 6, line: 14, message: skipped('số') },
      { question: 7, line: 16, message: skipped('tự luận') },
      { question: 8, line: 18, message: skipped('mô tả') },
      { question: 9, line: 20, message: skipped('đúng/sai') },
    ]);
    expect(result.questions.map((q) => [q.number, q.line, q.stem])).toEqual([[10, 22, 'Câu được nhập?']]);
  });

  it('reports too few options, no correct option, too many options, several correct, unclosed {', () => {
    const nine = Array.from({ length: 9 }, (_, i) => (i === 0 ? '=' : '~') + `Phương án ${i + 1}`).join(' ');
    const text = [
      'Câu chỉ có một phương án? {~Một}', // 1
      '',
      'Câu không có đáp án đúng? {~Một ~Hai ~%50%Ba}', // 3
      '',
      `Câu quá nhiều phương án? {${nine}}`, // 5
      '',
      'Câu hai đáp án đúng? {=Một =Hai ~Ba}', // 7
      '',
      'Câu thiếu ngoặc đóng? {=Một ~Hai', // 9
      '~Ba',
      '',
      '{=Một ~Hai}', // 12
      '',
      'Câu không có phương án? {Một Hai}', // 14
      '',
      'Câu một? {=A ~B}', // 16
      'Câu hai? {=A ~B}',
      '',
      'Câu có phương án trống? {=Có ~ #chỉ có phản hồi}', // 19
    ].join('\n');
    expect(parseGift(text)).toEqual({
      questions: [],
      problems: [
        { question: 1, line: 1, message: 'Câu hỏi chỉ có 1 phương án, cần ít nhất 2' },
        { question: 1, line: 1, message: 'Câu hỏi không có đáp án đúng (đánh dấu bằng =)' },
        { question: 2, line: 3, message: 'Câu hỏi không có đáp án đúng (đánh dấu bằng =)' },
        { question: 3, line: 5, message: 'Câu hỏi có 9 phương án, nhiều nhất 8' },
        { question: 4, line: 7, message: 'Câu hỏi có 2 đáp án đúng, chỉ được có 1' },
        { question: 5, line: 9, message: 'Thiếu dấu } đóng phần đáp án' },
        { question: 6, line: 12, message: 'Câu hỏi không có nội dung' },
        { question: 7, line: 14, message: 'Không tìm thấy phương án nào (bắt đầu bằng = hoặc ~)' },
        {
          question: 8,
          line: 16,
          message: 'Có nhiều phần đáp án {…} trong một khối, có thể thiếu dòng trống giữa hai câu hỏi',
        },
        { question: 9, line: 19, message: 'Phương án B không có nội dung' },
      ],
    });
  });

  it('treats -> in options as text when the question has ~ answers', () => {
    const result = parseGift('Chọn chuỗi đúng: {=Học -> Hành ~Hành -> Học}');
    expect(result.problems).toEqual([]);
    expect(options(result)).toEqual([
      ['A', 'Học -> Hành', true],
      ['B', 'Hành -> Học', false],
    ]);
  });
});
