/** Builds real .docx files in memory for the tests (uses the `docx` dev dependency; not imported by the parser). */
import { Document, ImageRun, type INumberingOptions, Packer, Paragraph, Table, TableCell, TableRow, TextRun, type IRunOptions } from 'docx';

// A 1×1 transparent PNG.
export const TINY_PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
);

export type Part = string | IRunOptions | ImageRun;

export function image(): ImageRun {
  return new ImageRun({ type: 'png', data: TINY_PNG, transformation: { width: 10, height: 10 } });
}

/** A paragraph of runs: strings are plain runs, objects are TextRun options. */
export function p(...parts: Part[]): Paragraph {
  return new Paragraph({
    children: parts.map((part) => (part instanceof ImageRun ? part : new TextRun(typeof part === 'string' ? { text: part } : part))),
  });
}

/** A Word table; a cell is plain text or the parts of one paragraph. */
export function table(rows: (string | Part[])[][]): Table {
  return new Table({
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map((cell) => new TableCell({ children: [typeof cell === 'string' ? new Paragraph(cell) : p(...cell)] })),
        }),
    ),
  });
}

export async function buildDocx(children: (Paragraph | Table)[], numbering?: INumberingOptions): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(new Document({ numbering, sections: [{ children }] }));
  return new Uint8Array(buffer);
}
