/** Word (.docx) export of multiple-choice questions in the same "trộn đề" conventions parseQuestionDocx reads. */
import {
  AlignmentType,
  Document,
  Header,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { normalizeText } from '../../text.ts';
import {
  isAnswerKeyHeading,
  isHeading,
  matchAnswerLine,
  matchAnswerPairs,
  matchOptions,
  matchQuestionStart,
  topicOfHeading,
} from '../docx/detect.ts';
import { blocksOfPlainText, normalizeBlocks, type RichBlock, type RichRun } from '../rich-text.ts';
import type { Difficulty, ParsedImage, ParsedOption, ParsedQuestion } from '../types.ts';
import { fitWidth, imageInfo } from './image-info.ts';

export interface WriteQuestionsDocxOptions {
  /** Printed at the top of the document (in the page header when it would be read as a question line). */
  title?: string;
}

const FONT = 'Times New Roman';
const SIZE = 26; // half-points: 13 pt
const CORRECT_COLOR = 'FF0000';
/** A4 in twips with 2 cm top/bottom/right and 3 cm left margins. */
const PAGE = { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } };
/** Text width in pixels (96 dpi): (11906 − 1701 − 1134) twips. */
const MAX_IMAGE_WIDTH = Math.floor(((11906 - 1701 - 1134) / 1440) * 96);

const DIFFICULTY_TAGS: Record<Difficulty, string> = { recognition: 'NB', comprehension: 'TH', application: 'VD' };
export const DOCX_TOPIC_PREFIX = 'Chuyên đề: ';

/** True when the importer reads the line as ordinary text (not a heading, question, option or answer line). */
export function isPlainLine(text: string): boolean {
  const t = normalizeText(text);
  return (
    !isHeading(t) && !matchQuestionStart(t) && !matchOptions(t) && !matchAnswerLine(t) && !isAnswerKeyHeading(t) && !matchAnswerPairs(t, 1)
  );
}

/**
 * The heading line written for a topic: one the importer takes for a heading and reads back as exactly the topic
 * (detect.ts topicOfHeading drops one "Chuyên đề:" / "Phần II." prefix). A topic that already reads back as itself
 * ("Chuyên đề" alone) is written unchanged; any other is written "Chuyên đề: <topic>", so "Phần II. Luật" comes back as
 * "Phần II. Luật", not "Luật".
 */
export function docxTopicHeading(topic: string): string {
  const t = normalizeText(topic);
  const readsBack = (heading: string) =>
    isHeading(heading)
    && !matchAnswerLine(heading)
    && !isAnswerKeyHeading(heading)
    && !matchAnswerPairs(heading, 1)
    && normalizeText(topicOfHeading(heading)) === t;
  return readsBack(t) ? t : DOCX_TOPIC_PREFIX + t;
}

/** The topic the importer reads from the heading docxTopicHeading writes (the topic itself unless it cannot be). */
export function docxTopicReadBack(topic: string): string {
  return normalizeText(topicOfHeading(docxTopicHeading(topic)));
}

function lines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map(normalizeText)
    .filter(Boolean);
}

export function imageRuns(images: ParsedImage[]): ImageRun[] {
  const runs: ImageRun[] = [];
  for (const image of images) {
    const info = imageInfo(image);
    if (!info) continue; // SVG/EMF/WMF… cannot be embedded without a raster fallback.
    const transformation = fitWidth(info, MAX_IMAGE_WIDTH);
    runs.push(
      info.kind === 'bmp'
        ? new ImageRun({ type: 'bmp', data: image.data, transformation })
        : new ImageRun({ type: info.kind, data: image.data, transformation }),
    );
  }
  return runs;
}

const paragraph = (children: ParagraphChild[]): Paragraph => new Paragraph({ children, spacing: { after: 60 } });

function optionParagraphs(option: ParsedOption, letter: string): Paragraph[] {
  const [first = '', ...rest] = lines(option.text);
  const children: ParagraphChild[] = [];
  if (option.pinned) children.push(new TextRun('#'));
  children.push(
    new TextRun(option.correct ? { text: letter, underline: { type: UnderlineType.SINGLE }, color: CORRECT_COLOR } : { text: letter }),
  );
  children.push(new TextRun(first ? `. ${first}` : '.'), ...imageRuns(option.images));
  return [paragraph(children), ...rest.map((line) => paragraph([new TextRun(line)]))];
}

const textRuns = (runs: RichRun[]): TextRun[] =>
  runs.map(
    (run) =>
      new TextRun({
        text: run.text,
        bold: run.bold,
        italics: run.italic,
        underline: run.underline ? { type: UnderlineType.SINGLE } : undefined,
      }),
  );

/** A stem table as a real Word table, one paragraph per cell. */
function stemTable(rows: RichRun[][][]): Table {
  const columns = Math.max(...rows.map((cells) => cells.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: Array.from(
            { length: columns },
            (_c, i) => new TableCell({ children: [new Paragraph({ children: textRuns(cells[i] ?? []) })] }),
          ),
        }),
    ),
  });
}

/** A stem in Word: the runs that follow "Câu N." on its first line, then its other paragraphs and tables. */
export function stemDocx(stem: string, stemRich?: RichBlock[] | null) {
  const blocks: RichBlock[] = stemRich ? normalizeBlocks(stemRich) : blocksOfPlainText(stem);
  const first = blocks[0]?.type === 'paragraph' ? blocks[0] : undefined;
  return {
    firstRuns: textRuns(first?.runs ?? []),
    rest: blocks
      .slice(first ? 1 : 0)
      .map((block) => (block.type === 'paragraph' ? paragraph(textRuns(block.runs)) : stemTable(block.rows))),
  };
}

function questionParagraphs(question: ParsedQuestion, number: number): (Paragraph | Table)[] {
  const stem = stemDocx(question.stem, question.stemRich);
  const tag = question.difficulty ? `(${DIFFICULTY_TAGS[question.difficulty]}) ` : '';
  const out: (Paragraph | Table)[] = [
    paragraph([new TextRun({ text: `Câu ${number}.`, bold: true }), new TextRun(` ${tag}`), ...stem.firstRuns]),
    ...stem.rest,
  ];
  const stemImages = imageRuns(question.images);
  if (stemImages.length > 0) out.push(new Paragraph({ children: stemImages, alignment: AlignmentType.CENTER }));
  const letters = question.options.map((_o, i) => String.fromCharCode(65 + i));
  question.options.forEach((option, i) => out.push(...optionParagraphs(option, letters[i])));
  // Underlining every option would read as the file's style, not a mark: say it with an answer line instead.
  if (question.options.length > 1 && question.options.every((o) => o.correct)) {
    out.push(paragraph([new TextRun(`Đáp án: ${letters.join(', ')}`)]));
  }
  return out;
}

/**
 * One heading per topic change (see docxTopicHeading), "Câu N. (NB) stem" (extra stem lines as extra paragraphs, a stem
 * table as a Word table, bold/italic/underline kept, images after the stem), one "A. text" paragraph per option, the correct letter underlined and red, "#" before
 * a pinned option's letter. A question without a topic after one with a topic stays under the previous heading.
 */
export async function writeQuestionsDocx(questions: ParsedQuestion[], options: WriteQuestionsDocxOptions = {}): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  const title = options.title ? normalizeText(options.title) : '';
  const titleParagraph = (): Paragraph =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: title, bold: true, size: 28 })],
    });
  const titleInBody = title !== '' && isPlainLine(title);
  if (titleInBody) children.push(titleParagraph());
  let topic: string | null = null;
  questions.forEach((question, i) => {
    const questionTopic = question.topic ? normalizeText(question.topic) || null : null;
    if (questionTopic !== null && questionTopic !== topic) {
      children.push(
        new Paragraph({
          spacing: { before: 240, after: 120 },
          children: [new TextRun({ text: docxTopicHeading(questionTopic), bold: true })],
        }),
      );
      topic = questionTopic;
    }
    children.push(...questionParagraphs(question, i + 1));
  });
  const document = new Document({
    creator: 'Ngân hàng câu hỏi',
    title: title || 'Ngân hàng câu hỏi',
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: { page: PAGE },
        headers: title && !titleInBody ? { default: new Header({ children: [titleParagraph()] }) } : undefined,
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
