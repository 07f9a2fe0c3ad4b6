import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TINY_PNG } from '../docx/docx-test-builder.ts';
import { parseQuestionDocx } from '../docx/parse-docx.ts';
import { normalizeBlocks, richPlainText, richStemOf, type RichBlock, type RichRun } from '../rich-text.ts';
import type { Difficulty, ParsedQuestion } from '../types.ts';
import { normalizeText } from '../../text.ts';
import { docxTopicHeading, docxTopicReadBack, isPlainLine, writeQuestionsDocx } from './write-docx.ts';

const FIRST_WORDS = ['Theo', 'Nghị', 'Luật', 'Giáo', 'Trường', 'Học', 'Người', 'Cơ', 'Quy', 'Đảng', 'Tổ', 'Việc', 'Ủy', 'Hiến'];
const WORDS = [
  ...FIRST_WORDS.map((w) => w.toLowerCase()),
  'quyết',
  'định',
  'năm',
  '2019',
  'số',
  '29-NQ/TW',
  'viên',
  'chức',
  'nhà',
  'giáo',
  'học',
  'sinh',
  'phải',
  'có',
  'không',
  'được',
  'đúng',
  'sai',
  '<',
  '&',
  '"x"',
  "'y'",
  '%',
  'a+b',
  'thẩm',
  'quyền',
  'ban',
  'hành',
  'văn',
  'bản',
  'điều',
  '(khoản',
  '2)',
  'tiếng',
  'Việt',
  'ở',
  'đâu',
  'gì',
];
const TOPICS = [
  'Chuyên đề 1: Nghị quyết Đại hội XIII',
  'Phần II. Luật Giáo dục 2019',
  'Đạo đức nhà giáo',
  'Chủ đề chuyển đổi số',
  'Pháp luật & quy chế chuyên môn',
  'IV. Công tác Đảng',
];

const line = fc
  .tuple(fc.constantFrom(...FIRST_WORDS), fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }), fc.constantFrom('', '?', '.', ':', ','))
  .map(([first, rest, end]) => [first, ...rest].join(' ') + end)
  .filter(isPlainLine);
const text = (maxLines: number) => fc.array(line, { minLength: 1, maxLength: maxLines }).map((ls) => ls.join('\n'));

/** A plain line cut into runs, each bold, italic and/or underlined or not. */
const formattedRuns = (source: fc.Arbitrary<string>): fc.Arbitrary<RichRun[]> =>
  source.chain((l) => {
    const words = l.split(' ');
    return fc
      .array(fc.record({ bold: fc.boolean(), italic: fc.boolean(), underline: fc.boolean() }), {
        minLength: words.length,
        maxLength: words.length,
      })
      .map((flags) => words.map((word, i) => ({ text: i > 0 ? ` ${word}` : word, ...flags[i] })));
  });
const cellText = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 })
  .map((w) => w.join(' '))
  .filter(isPlainLine);
const richBlock: fc.Arbitrary<RichBlock> = fc.oneof(
  { weight: 3, arbitrary: formattedRuns(line).map((runs) => ({ type: 'paragraph' as const, runs })) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 3 })
      .chain((columns) =>
        fc.array(fc.array(formattedRuns(cellText), { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 3 }),
      )
      .map((rows) => ({ type: 'table' as const, rows })),
  },
);
/** A plain stem, or a rich one (stem = its plain text, stemRich only when it has formatting or a table). */
const stem: fc.Arbitrary<Pick<ParsedQuestion, 'stem' | 'stemRich'>> = fc.oneof(
  text(3).map((s) => ({ stem: s })),
  fc.array(richBlock, { minLength: 1, maxLength: 4 }).map((blocks) => {
    const stemRich = richStemOf(blocks);
    return { stem: richPlainText(blocks), ...(stemRich ? { stemRich } : {}) };
  }),
);

const question: fc.Arbitrary<ParsedQuestion> = fc
  .record({
    stem,
    topic: fc.option(fc.constantFrom(...TOPICS), { freq: 3 }),
    difficulty: fc.option(fc.constantFrom<Difficulty>('recognition', 'comprehension', 'application')),
    optionTexts: fc.array(text(2), { minLength: 2, maxLength: 8 }),
    correctSeed: fc.nat(),
    pinnedSeed: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  })
  .map(({ stem: s, topic, difficulty, optionTexts, correctSeed, pinnedSeed }) => ({
    number: 0,
    line: 0,
    ...s,
    topic,
    difficulty,
    images: [],
    options: optionTexts.map((t, i) => ({
      letter: String.fromCharCode(65 + i),
      text: t,
      correct: i === correctSeed % optionTexts.length,
      pinned: pinnedSeed[i],
      images: [],
    })),
  }));

/** What the importer should read as the topic: the last heading written (questions without a topic keep it). */
function expectedTopics(questions: ParsedQuestion[]): (string | null)[] {
  let current: string | null = null;
  return questions.map((q) => {
    if (q.topic !== null) current = q.topic;
    return current;
  });
}

const shape = (q: ParsedQuestion) => ({
  stem: q.stem,
  stemRich: q.stemRich ? normalizeBlocks(q.stemRich) : undefined,
  difficulty: q.difficulty,
  images: q.images.length,
  options: q.options.map((o) => ({ letter: o.letter, text: o.text, correct: o.correct, pinned: o.pinned, images: o.images.length })),
});

describe('writeQuestionsDocx', () => {
  it('round-trips through parseQuestionDocx (rich stems with tables, topics, options, correct, pinned, difficulty)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(question, { minLength: 1, maxLength: 6 }), fc.boolean(), async (questions, titled) => {
        const file = await writeQuestionsDocx(questions, titled ? { title: 'Chuyên đề bồi dưỡng chính trị hè 2025' } : {});
        const result = await parseQuestionDocx(file);
        expect(result.problems).toEqual([]);
        expect(result.questions.map(shape)).toEqual(questions.map(shape));
        expect(result.questions.map((q) => q.topic)).toEqual(expectedTopics(questions));
        expect(result.questions.map((q) => q.number)).toEqual(questions.map((_q, i) => i + 1));
      }),
      { numRuns: 60 },
    );
  });

  it('writes every topic under a heading the importer reads back as exactly that topic', () => {
    expect(docxTopicHeading('Chuyên đề 1: Nghị quyết Đại hội XIII')).toBe('Chuyên đề: Chuyên đề 1: Nghị quyết Đại hội XIII');
    expect(docxTopicHeading('Phần II. Luật Giáo dục 2019')).toBe('Chuyên đề: Phần II. Luật Giáo dục 2019');
    expect(docxTopicHeading('Đạo đức  nhà giáo')).toBe('Chuyên đề: Đạo đức nhà giáo');
    const prefix = fc.constantFrom('', 'Chuyên đề: ', 'Chuyên đề 2. ', 'PHẦN I. ', 'Phần 3: ', 'IV. ', 'Chủ đề ', 'Nhóm 2 - ');
    fc.assert(
      fc.property(prefix, fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }), (p, words) => {
        const topic = normalizeText(p + words.join(' ')).replace(/[\s.:;,\-–]+$/u, '');
        fc.pre(topic !== '');
        expect(docxTopicReadBack(topic)).toBe(topic);
      }),
    );
  });
  it('embeds images in the stem and in their option', async () => {
    const q: ParsedQuestion = {
      number: 1,
      line: 1,
      stem: 'Hình nào là cờ Tổ quốc?',
      topic: null,
      difficulty: null,
      images: [{ contentType: 'image/png', data: TINY_PNG }],
      options: ['Hình một', 'Hình hai'].map((t, i) => ({
        letter: 'AB'[i],
        text: t,
        correct: i === 1,
        pinned: false,
        images: i === 1 ? [{ contentType: 'image/png', data: TINY_PNG }] : [],
      })),
    };
    const { questions, problems } = await parseQuestionDocx(await writeQuestionsDocx([q]));
    expect(problems).toEqual([]);
    expect(questions[0].images).toEqual([{ contentType: 'image/png', data: TINY_PNG }]);
    expect(questions[0].options.map((o) => o.images.length)).toEqual([0, 1]);
    expect(questions[0].options[1].images[0].data).toEqual(TINY_PNG);
    expect(questions[0].options.map((o) => o.correct)).toEqual([false, true]);
  });

  it('writes an answer line when every option is correct, and keeps a heading-like title out of the topics', async () => {
    const q: ParsedQuestion = {
      number: 1,
      line: 1,
      stem: 'Câu nào đúng?',
      topic: null,
      difficulty: null,
      images: [],
      options: ['Một', 'Hai'].map((t, i) => ({ letter: 'AB'[i], text: t, correct: true, pinned: i === 0, images: [] })),
    };
    const { questions, problems } = await parseQuestionDocx(await writeQuestionsDocx([q], { title: 'Phần I. Đề cương' }));
    // The importer reports several correct options; the marks themselves survive.
    expect(problems.map((p) => p.message)).toEqual(['Có 2 phương án được đánh dấu đúng (A, B)']);
    expect(questions[0].topic).toBeNull();
    expect(questions[0].options.map((o) => [o.correct, o.pinned])).toEqual([
      [true, true],
      [true, false],
    ]);
  });
});
