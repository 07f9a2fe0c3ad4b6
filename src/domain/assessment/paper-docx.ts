/** A variant as a Word paper: heading, candidate line, the questions in the variant's order, then the answer key page. */
import { AlignmentType, BorderStyle, Document, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { imageRuns, stemDocx } from '../question-bank/export/write-docx.ts';
import { keyRows, paperHeading, type PaperInput } from './paper.ts';
import { OPTION_LETTERS } from './responses.ts';

const FONT = 'Times New Roman';
const PAGE = { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1418, right: 1134 } };

const line = (text: string, opts: { bold?: boolean; center?: boolean; after?: number } = {}) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : undefined,
    spacing: { after: opts.after ?? 60 },
    children: [new TextRun({ text, bold: opts.bold })],
  });

function questionParagraphs(input: PaperInput): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  input.questions.forEach((q, i) => {
    const stem = stemDocx(q.stem, q.stemRich);
    out.push(
      new Paragraph({
        spacing: { before: 120, after: 40 },
        children: [new TextRun({ text: `Câu ${i + 1}.`, bold: true }), new TextRun(' '), ...stem.firstRuns],
      }),
    );
    out.push(...stem.rest);
    const images = imageRuns(q.stemImages);
    if (images.length) out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: images }));
    q.options.forEach((o, d) =>
      out.push(
        new Paragraph({
          indent: { left: 360 },
          spacing: { after: 20 },
          children: [new TextRun({ text: `${OPTION_LETTERS[d]}.`, bold: true }), new TextRun(` ${o.text}`), ...imageRuns(o.images)],
        }),
      ),
    );
  });
  return out;
}

function keyTable(input: PaperInput): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '888888' };
  const cell = (text: string, bold = false) =>
    new TableCell({
      borders: { top: border, bottom: border, left: border, right: border },
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold })] })],
    });
  const rows = keyRows(input.key);
  const columns = Math.max(...rows.map((r) => r.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: Array.from({ length: columns }, () => [cell('Câu', true), cell('Đáp án', true)]).flat(),
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            children: Array.from({ length: columns }, (_, c) =>
              row[c] ? [cell(String(row[c].number)), cell(row[c].letter, true)] : [cell(''), cell('')],
            ).flat(),
          }),
      ),
    ],
  });
}

export async function writePaperDocx(input: PaperInput): Promise<Uint8Array> {
  const h = paperHeading(input);
  const document = new Document({
    creator: 'Bồi dưỡng',
    title: `${input.title} — ${h.code}`,
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [
      {
        properties: { page: PAGE },
        children: [
          line(h.organisation, { bold: true }),
          line(h.title, { bold: true, center: true, after: 40 }),
          line(h.meta, { center: true, after: 40 }),
          line(h.code, { bold: true, center: true, after: 120 }),
          line(h.candidate, { after: 120 }),
          ...(input.instructions ? [line(input.instructions, { after: 120 })] : []),
          ...questionParagraphs(input),
          line('— HẾT —', { bold: true, center: true }),
          new Paragraph({ children: [new PageBreak()] }),
          line(h.keyTitle, { bold: true, center: true, after: 200 }),
          keyTable(input),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
