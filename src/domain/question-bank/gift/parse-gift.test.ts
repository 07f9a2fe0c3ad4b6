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

  it('reads answers over several lines, drops feedback and comments, and reports the weights it leaves out', () => {
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
    expect(result.problems).toEqual([
      {
        question: 1,
        line: 2,
        message:
          'Đọc phương án A là đáp án đúng; trọng số điểm của phương án '
          + 'khác không được nhập (C %50%, D %-100%), hệ thống chấm đúng/sai',
      },
    ]);
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

  it('strips format prefixes, turns HTML and markdown into rich text', () => {
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
      'Năm 1945 có sự kiện gì?',
      'Ai viết "Nhật ký trong tù"?',
    ]);
    expect(result.questions.map((q) => q.stemRich)).toEqual([
      [{ type: 'paragraph', runs: [{ text: 'Chủ tịch ' }, { text: 'Hồ Chí Minh', bold: true }, { text: ' sinh năm?' }] }],
      [{ type: 'paragraph', runs: [{ text: 'Năm ' }, { text: '1945', bold: true }, { text: ' có sự kiện gì?' }] }],
      undefined,
    ]);
    expect(options(result)).toEqual([
      ['A', '1890', true],
      ['B', '1891', false],
      ['C', '1900 & 1901', false],
    ]);
    expect(result.questions.map((q) => [q.number, q.line])).toEqual([
      [1, 1],
      [2, 3],
      [3, 5],
    ]);
  });

  it('falls back to the title when the stem is empty, keeps text after the answers', () => {
    const result = parseGift('::Năm ban hành Hiến pháp 2013::{=2013 ~1992}\n\nHiến pháp {=2013 ~1992} là hiến pháp hiện hành.');
    expect(result.problems).toEqual([]);
    expect(result.questions.map((q) => q.stem)).toEqual(['Năm ban hành Hiến pháp 2013', 'Hiến pháp _____ là hiến pháp hiện hành.']);
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
    expect(result.questions.map((q) => [q.number, q.line])).toEqual([
      [1, 1],
      [2, 6],
    ]);
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
        { question: 1, line: 1, message: 'Câu hỏi không có đáp án đúng (đánh dấu bằng = hoặc %100%)' },
        { question: 2, line: 3, message: 'Câu hỏi không có đáp án trọn điểm (= hoặc %100%); phương án C chỉ có trọng số %50%' },
        { question: 3, line: 5, message: 'Câu hỏi có 9 phương án, nhiều nhất 8' },
        { question: 4, line: 7, message: 'Câu hỏi có nhiều đáp án đúng (2 phương án trọn điểm); hệ thống chỉ hỗ trợ một đáp án đúng' },
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

describe('parseGift: files as Moodle writes them', () => {
  /** A question bank exported from Moodle 4: ids and tags in comments, [html] text with escaped colons, entities, weights. */
  const MOODLE_EXPORT = String.raw`// question: 0  name: Switch category to $course$/top/Bồi dưỡng hè 2025/Chuyên đề 1
$CATEGORY: $course$/top/Bồi dưỡng hè 2025/Chuyên đề 1


// question: 101  name: Câu 1
// [id:NQ29-01]
// [tag:chinh-tri]
::Câu 1::[html]<p dir\="ltr" style\="text-align\: left;">Nghị quyết <strong>29-NQ/TW</strong> về đổi mới <em>căn bản</em>,
toàn diện giáo dục&nbsp;&amp; đào tạo ban hành năm nào?<br></p>{
	~<p>2011</p>
	=<p>2013</p>
	~<p>2015&nbsp;</p>
}

// question: 102  name: Câu 2
::Câu 2::[plain]Nguyễn Ái Quốc là tên gọi của ai? {
	=Chủ tịch Hồ Chí Minh
	~Phan Bội Châu
}

::Câu 3::[markdown]Văn kiện nào **không** thuộc *Đại hội XIII*? {
	=Cương lĩnh 1930
	~Báo cáo chính trị
}

::Câu 4::[html]<p>Những ý nào đúng về Luật Giáo dục 2019?</p>{
	~%50%Có hiệu lực từ 01/7/2020
	~%50%Gồm 9 chương
	~%-100%Gồm 12 chương
}

::Câu 5::[html]<p>Thủ đô của Việt Nam?</p>{
	~%100%Hà Nội
	~%-50%Huế
	~%-50%Sài Gòn
}

::Câu 6::[html]<p>Hình bên là trường nào?</p><p><img src\="@@PLUGINFILE@@/truong.png" alt\="" width\="300"></p>{
	=<p>Trường A</p>
	~<p><img src\="https\://moodle.example.vn/anh.png"> Trường B</p>
}

::Câu 7::[moodle]Bảng sau:<table><tr><th>Năm</th><td>Sự kiện</td></tr><tr><td>1930</td><td>Thành lập Đảng</td></tr></table>Năm nào? {
	=1930
	~1945
}

::Câu 8::[moodle]Nếu x < 5 và y > 2 thì x & y <b>đúng</b>? {=Có ~Không}
`;
  const lineOf = (text: string) => MOODLE_EXPORT.split('\n').findIndex((l) => l.startsWith(text)) + 1;

  it('reads the questions and reports what it cannot keep on their lines, with the true reason', () => {
    const result = parseGift(MOODLE_EXPORT);
    expect(result.problems).toEqual([
      {
        question: 4,
        line: lineOf('::Câu 4::'),
        message: 'Câu hỏi có nhiều đáp án đúng (trọng số %50%); hệ thống chỉ hỗ trợ một đáp án đúng',
      },
      {
        question: 5,
        line: lineOf('::Câu 5::'),
        message:
          'Đọc phương án A là đáp án đúng; trọng số điểm của phương án khác không được nhập '
          + '(B %-50%, C %-50%), hệ thống chấm đúng/sai',
      },
      {
        question: 6,
        line: lineOf('::Câu 6::'),
        message: 'Câu hỏi có 2 hình ảnh liên kết không được nhập (ảnh nằm trên trang Moodle, không có trong tệp GIFT)',
      },
    ]);
    const byNumber = new Map(result.questions.map((q) => [q.number, q]));
    expect([...byNumber.keys()]).toEqual([1, 2, 3, 5, 6, 7, 8]);
    expect(result.questions.every((q) => q.topic === 'Chuyên đề 1')).toBe(true);
    const q1 = byNumber.get(1)!;
    expect(q1.stem).toBe('Nghị quyết 29-NQ/TW về đổi mới căn bản, toàn diện giáo dục & đào tạo ban hành năm nào?');
    expect(q1.stemRich).toEqual([
      {
        type: 'paragraph',
        runs: [
          { text: 'Nghị quyết ' },
          { text: '29-NQ/TW', bold: true },
          { text: ' về đổi mới ' },
          { text: 'căn bản', italic: true },
          { text: ', toàn diện giáo dục & đào tạo ban hành năm nào?' },
        ],
      },
    ]);
    expect(q1.options.map((o) => [o.text, o.correct])).toEqual([
      ['2011', false],
      ['2013', true],
      ['2015', false],
    ]);
    expect(byNumber.get(2)!.stem).toBe('Nguyễn Ái Quốc là tên gọi của ai?');
    expect(byNumber.get(3)!.stemRich).toEqual([
      {
        type: 'paragraph',
        runs: [
          { text: 'Văn kiện nào ' },
          { text: 'không', bold: true },
          { text: ' thuộc ' },
          { text: 'Đại hội XIII', italic: true },
          { text: '?' },
        ],
      },
    ]);
    expect(byNumber.get(5)!.options.map((o) => [o.text, o.correct])).toEqual([
      ['Hà Nội', true],
      ['Huế', false],
      ['Sài Gòn', false],
    ]);
    expect(byNumber.get(6)!.stem).toBe('Hình bên là trường nào?');
    expect(byNumber.get(6)!.options.map((o) => o.text)).toEqual(['Trường A', 'Trường B']);
    expect(byNumber.get(7)!.stem).toBe('Bảng sau:\nNăm | Sự kiện\n1930 | Thành lập Đảng\nNăm nào?');
    expect(byNumber.get(7)!.stemRich).toEqual([
      { type: 'paragraph', runs: [{ text: 'Bảng sau:' }] },
      {
        type: 'table',
        rows: [
          [[{ text: 'Năm', bold: true }], [{ text: 'Sự kiện' }]],
          [[{ text: '1930' }], [{ text: 'Thành lập Đảng' }]],
        ],
      },
      { type: 'paragraph', runs: [{ text: 'Năm nào?' }] },
    ]);
    expect(byNumber.get(8)!.stem).toBe('Nếu x < 5 và y > 2 thì x & y đúng?');
  });

  it('decodes named and numeric entities, Vietnamese vowels written by older Moodle editors included', () => {
    const result = parseGift(
      '[html]<p>Ngh&#7883; quy&#x1EBF;t v&ecirc; &Ocirc;ng &ndash; &ldquo;&#273;&#7893;i m&#7899;i&rdquo; &amp;c &foo;</p> {=C&oacute; ~Kh&ocirc;ng}',
    );
    expect(result.problems).toEqual([]);
    expect(result.questions[0].stem).toBe('Nghị quyết vê Ông – “đổi mới” &c &foo;');
    expect(result.questions[0].options.map((o) => o.text)).toEqual(['Có', 'Không']);
  });

  it('keeps markdown blanks and lone asterisks as written', () => {
    const result = parseGift(
      '[markdown]Điền vào chỗ trống: ____ là 5 * 3 = 15 {=Tích ~Tổng}\n\n[markdown]Chọn __đúng__ \\_x\\_: {=a_b_c ~d}',
    );
    expect(result.problems).toEqual([]);
    expect(result.questions[0].stem).toBe('Điền vào chỗ trống: ____ là 5 * 3 = 15');
    expect(result.questions[0].stemRich).toBeUndefined();
    expect(result.questions[1].stemRich).toEqual([
      { type: 'paragraph', runs: [{ text: 'Chọn ' }, { text: 'đúng', bold: true }, { text: ' _x_:' }] },
    ]);
    expect(result.questions[1].options[0].text).toBe('a_b_c');
  });
});
