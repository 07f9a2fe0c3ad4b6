/**
 * Rich question stems: paragraphs of bold/italic/underlined runs and simple tables (rows → cells → runs).
 * The plain text of a stem (search, duplicate key, GIFT/Aiken/Excel) is derived from it and is exactly what the
 * importers produced before stems kept formatting: paragraphs joined by '\n', a table row as its cells joined by ' | '.
 */
import { formatNumberVi, normalizeText } from '../text.ts';

export interface RichRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export interface RichParagraph {
  type: 'paragraph';
  runs: RichRun[];
}

export interface RichTable {
  type: 'table';
  /** rows → cells → runs */
  rows: RichRun[][][];
}

export type RichBlock = RichParagraph | RichTable;

/** What a stored or submitted stem may hold (the server refuses more). */
export const RICH_LIMITS = { blocks: 200, runs: 400, rows: 50, cells: 20, text: 10_000 } as const;

const VISIBLE = /[^\s\u00a0\u200b\ufeff]/u;
const SPACES = /[\s\u00a0\u200b\ufeff]+/u;
const LEADING_MARKS = /^\p{M}+/u;

type Flags = Required<Omit<RichRun, 'text'>>;

const flagsOf = (run: RichRun): Flags => ({ bold: run.bold === true, italic: run.italic === true, underline: run.underline === true });
const sameFlags = (a: Flags, b: Flags) => a.bold === b.bold && a.italic === b.italic && a.underline === b.underline;

function makeRun(text: string, flags: Flags): RichRun {
  const run: RichRun = { text };
  if (flags.bold) run.bold = true;
  if (flags.italic) run.italic = true;
  if (flags.underline) run.underline = true;
  return run;
}

/** NFC, whitespace collapsed to single spaces (a line break too), trimmed, neighbours with the same format merged. */
export function normalizeRuns(runs: RichRun[]): RichRun[] {
  const out: { text: string; flags: Flags }[] = [];
  const push = (text: string, flags: Flags) => {
    const last = out[out.length - 1];
    if (last && sameFlags(last.flags, flags)) last.text += text;
    else out.push({ text, flags });
  };
  let pendingSpace: Flags | null = null;
  for (const run of runs) {
    const flags = flagsOf(run);
    let text = run.text.normalize('NFC');
    // Combining marks that start a run belong to the letter before it (NFC across the run boundary).
    const last = out[out.length - 1];
    const marks = last && !pendingSpace ? LEADING_MARKS.exec(text)?.[0] : undefined;
    if (last && marks) {
      last.text = (last.text + marks).normalize('NFC');
      text = text.slice(marks.length);
    }
    text.split(SPACES).forEach((word, i) => {
      if (i > 0 && out.length > 0) pendingSpace ??= flags;
      if (!word) return;
      if (pendingSpace) push(' ', pendingSpace);
      pendingSpace = null;
      push(word, flags);
    });
  }
  return out.map((piece) => makeRun(piece.text, piece.flags));
}

/** Splits runs at line breaks: one paragraph per non-empty line. */
export function paragraphsOfRuns(runs: RichRun[]): RichParagraph[] {
  const lines: RichRun[][] = [[]];
  for (const run of runs) {
    run.text.split(/\r\n|\r|\n/).forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1].push({ ...run, text: part });
    });
  }
  return lines
    .map(normalizeRuns)
    .filter((line) => line.length > 0)
    .map((line) => ({ type: 'paragraph', runs: line }));
}

/** The canonical form: paragraphs split at line breaks, empty paragraphs, rows and tables dropped, runs normalised. */
export function normalizeBlocks(blocks: RichBlock[]): RichBlock[] {
  const out: RichBlock[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      out.push(...paragraphsOfRuns(block.runs));
      continue;
    }
    const rows = block.rows.map((cells) => cells.map(normalizeRuns)).filter((cells) => cells.some((cell) => cell.length > 0));
    if (rows.length > 0) out.push({ type: 'table', rows });
  }
  return out;
}

const textOfRuns = (runs: RichRun[]) => runs.map((run) => run.text).join('');

/** The lines of the stem's plain text (a table row is one line: its cells joined by ' | '). */
export function richLines(blocks: RichBlock[]): string[] {
  return linesOfNormalized(normalizeBlocks(blocks));
}

function linesOfNormalized(blocks: RichBlock[]): string[] {
  return blocks
    .flatMap((block) =>
      block.type === 'paragraph' ? [textOfRuns(block.runs)] : block.rows.map((cells) => normalizeText(cells.map(textOfRuns).join(' | '))),
    )
    .filter(Boolean);
}

export function richPlainText(blocks: RichBlock[]): string {
  return richLines(blocks).join('\n');
}

/** Paragraphs of unformatted text, one per line: what a stem without stored formatting is. */
export function blocksOfPlainText(text: string): RichBlock[] {
  return paragraphsOfRuns([{ text }]);
}

export function richEquals(a: RichBlock[], b: RichBlock[]): boolean {
  return JSON.stringify(normalizeBlocks(a)) === JSON.stringify(normalizeBlocks(b));
}

function allRuns(blocks: RichBlock[]): RichRun[] {
  return blocks.flatMap((block) => (block.type === 'paragraph' ? block.runs : block.rows.flat(2)));
}

/** Any bold, italic or underlined character. */
export function hasFormatting(blocks: RichBlock[]): boolean {
  return allRuns(blocks).some((run) => (run.bold || run.italic || run.underline) && VISIBLE.test(run.text));
}

export function hasTable(blocks: RichBlock[]): boolean {
  return blocks.some((block) => block.type === 'table');
}

/** The stem's rich form is worth storing only when its plain text would lose something. */
export function richStemOf(blocks: RichBlock[]): RichBlock[] | undefined {
  return stemOfBlocks(blocks).stemRich;
}

/** The plain stem of the blocks and, when it has formatting or a table, their canonical form (normalised once). */
export function stemOfBlocks(blocks: RichBlock[]): { stem: string; stemRich?: RichBlock[] } {
  const normal = normalizeBlocks(blocks);
  const stem = linesOfNormalized(normal).join('\n');
  return hasFormatting(normal) || hasTable(normal) ? { stem, stemRich: normal } : { stem };
}

/** Counts against RICH_LIMITS, in Vietnamese; null when the stem fits. */
export function richLimitProblem(blocks: RichBlock[]): string | null {
  if (blocks.length > RICH_LIMITS.blocks) return `Nội dung câu hỏi có tối đa ${RICH_LIMITS.blocks} đoạn`;
  for (const block of blocks) {
    if (block.type === 'paragraph' && block.runs.length > RICH_LIMITS.runs) return 'Một đoạn của câu hỏi có quá nhiều định dạng';
    if (block.type === 'table') {
      if (block.rows.length > RICH_LIMITS.rows) return `Bảng trong câu hỏi có tối đa ${RICH_LIMITS.rows} dòng`;
      if (block.rows.some((cells) => cells.length > RICH_LIMITS.cells)) return `Bảng trong câu hỏi có tối đa ${RICH_LIMITS.cells} cột`;
    }
  }
  if (allRuns(blocks).reduce((n, run) => n + run.text.length, 0) > RICH_LIMITS.text) {
    return `Nội dung câu hỏi dài quá ${formatNumberVi(RICH_LIMITS.text)} ký tự`;
  }
  return null;
}
