/** A variant as a printable A4 PDF with Vietnamese fonts embedded; the answer key on its own last page. */
import PDFDocument from 'pdfkit';
import { keyRows, paperHeading, type PaperInput } from '../../../domain/assessment/paper.ts';
import { OPTION_LETTERS } from '../../../domain/assessment/responses.ts';
import type { ParsedImage } from '../../../domain/question-bank/types.ts';
import { pdfToBuffer, registerVietnameseFonts } from '../../files/pdf-fonts.ts';

const MARGIN = { top: 50, bottom: 50, left: 60, right: 50 };
const WIDTH = 595.28 - MARGIN.left - MARGIN.right;

type Doc = PDFKit.PDFDocument;

/** PNG and JPEG only (what pdfkit embeds); other images are named so the reader knows one is missing. */
function drawImages(doc: Doc, images: ParsedImage[], indent = 0) {
  for (const image of images) {
    const d = image.data;
    const embeddable = (d[0] === 0x89 && d[1] === 0x50) || (d[0] === 0xff && d[1] === 0xd8);
    if (!embeddable) {
      doc
        .font('Body')
        .fontSize(10)
        .fillColor('#555555')
        .text('[hình ảnh: xem bản Word]', MARGIN.left + indent)
        .fillColor('#000000');
      continue;
    }
    if (doc.y + 160 > doc.page.height - MARGIN.bottom) doc.addPage();
    doc.image(Buffer.from(d), MARGIN.left + indent, doc.y, { fit: [WIDTH - indent, 150] });
    doc.moveDown(0.5);
  }
}

function drawKey(doc: Doc, input: PaperInput, title: string) {
  doc.addPage();
  doc.font('Bold').fontSize(14).text(title, { align: 'center' }).moveDown(1);
  const rows = keyRows(input.key);
  const columns = Math.max(...rows.map((r) => r.length));
  const cellW = WIDTH / (columns * 2);
  const cellH = 18;
  let y = doc.y;
  const cell = (x: number, text: string, bold: boolean) => {
    doc.rect(x, y, cellW, cellH).lineWidth(0.5).stroke('#888888');
    doc
      .font(bold ? 'Bold' : 'Body')
      .fontSize(10)
      .fillColor('#000000')
      .text(text, x, y + 4, { width: cellW, align: 'center' });
  };
  for (let c = 0; c < columns; c++) {
    cell(MARGIN.left + c * 2 * cellW, 'Câu', true);
    cell(MARGIN.left + (c * 2 + 1) * cellW, 'Đáp án', true);
  }
  for (const row of rows) {
    y += cellH;
    row.forEach((entry, c) => {
      cell(MARGIN.left + c * 2 * cellW, String(entry.number), false);
      cell(MARGIN.left + (c * 2 + 1) * cellW, entry.letter, true);
    });
  }
}

export function writePaperPdf(input: PaperInput): Promise<Buffer> {
  const h = paperHeading(input);
  const doc = new PDFDocument({ size: 'A4', margins: MARGIN, info: { Title: `${input.title} — ${h.code}`, Author: input.organisation } });
  registerVietnameseFonts(doc);
  doc.font('Bold').fontSize(10).text(h.organisation);
  doc.moveDown(0.5).fontSize(13).text(h.title, { align: 'center' });
  doc.font('Body').fontSize(10.5).text(h.meta, { align: 'center' });
  doc.font('Bold').fontSize(12).text(h.code, { align: 'center' }).moveDown(0.6);
  doc.font('Body').fontSize(10.5).text(h.candidate).moveDown(0.4);
  if (input.instructions) doc.text(input.instructions).moveDown(0.4);
  input.questions.forEach((q, i) => {
    if (doc.y > doc.page.height - MARGIN.bottom - 80) doc.addPage();
    doc
      .moveDown(0.3)
      .font('Bold')
      .fontSize(11)
      .text(`Câu ${i + 1}. `, MARGIN.left, doc.y, { continued: true, width: WIDTH })
      .font('Body')
      .text(q.stem);
    drawImages(doc, q.stemImages);
    q.options.forEach((o, d) => {
      doc
        .font('Bold')
        .text(`${OPTION_LETTERS[d]}. `, MARGIN.left + 18, doc.y, { continued: true, width: WIDTH - 18 })
        .font('Body')
        .text(o.text);
      drawImages(doc, o.images, 18);
    });
  });
  doc.moveDown(1).font('Bold').text('— HẾT —', MARGIN.left, doc.y, { align: 'center', width: WIDTH });
  drawKey(doc, input, h.keyTitle);
  return pdfToBuffer(doc);
}
