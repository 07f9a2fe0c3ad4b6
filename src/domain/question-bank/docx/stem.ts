/** A question's stem from its Word parts: paragraphs of runs and tables → plain text and, when formatted, rich blocks. */
import type { ParsedImage } from '../types.ts';
import { stemOfBlocks, type RichBlock, type RichRun } from '../rich-text.ts';
import type { DocxRun } from './read-docx.ts';
import { imagesOf } from './runs.ts';

/** The runs of one paragraph, or a table (rows → cells → runs, the cell's paragraphs joined by a space). */
export type StemPart = DocxRun[] | { table: DocxRun[][][] };

/** Bold, italic and underline are kept in a stem; colour and highlight are answer marks of options only. */
function richRuns(runs: DocxRun[]): RichRun[] {
  return runs.filter((run) => !run.image).map((run) => ({ text: run.text, bold: run.bold, italic: run.italic, underline: run.underline }));
}

export function stemOfParts(parts: StemPart[]): { stem: string; stemRich?: RichBlock[] } {
  return stemOfBlocks(
    parts.map((part): RichBlock =>
      Array.isArray(part)
        ? { type: 'paragraph', runs: richRuns(part) }
        : { type: 'table', rows: part.table.map((cells) => cells.map(richRuns)) },
    ),
  );
}

export function stemImages(parts: StemPart[]): ParsedImage[] {
  return parts.flatMap((part) => (Array.isArray(part) ? imagesOf(part) : part.table.flat(1).flatMap(imagesOf)));
}
