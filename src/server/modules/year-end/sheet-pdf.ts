/**
 * The year-end sheet as a PDF to sign: A4 landscape, official header, the table with its header repeated on every page
 * (never a header alone at a page foot), totals and notes, the place and date line and the two signature blocks kept
 * together, page numbers.
 */
import PDFDocument from 'pdfkit';
import { pdfToBuffer, registerVietnameseFonts } from '../../files/pdf-fonts.ts';
import { drawTable } from '../../files/pdf-table.ts';
import type { YearEndSheet } from './sheet-data.ts';
import { COLUMN_HEADERS, placeDateLine, rowTexts, SHEET_PURPOSE, SHEET_TITLE, SIGNERS, subtitleLines, totalsLine } from './sheet-text.ts';

type Doc = PDFKit.PDFDocument;
const M = { top: 36, bottom: 40, left: 34, right: 34 };
/** Shares of the table width, in the order of COLUMN_HEADERS. */
const SHARES = [2.8, 9, 3.2, 8.5, 5.6, 3.4, 3.8, 4.4, 4.6, 4.2, 4.2, 11.4, 5];
const ALIGN: ('left' | 'center' | 'right')[] = [
  'center',
  'left',
  'center',
  'left',
  'left',
  'center',
  'right',
  'left',
  'center',
  'right',
  'center',
  'left',
  'left',
];
const SIZE = 8;

function officialHeader(doc: Doc, sheet: YearEndSheet, width: number) {
  const half = width / 2;
  const y = M.top;
  doc
    .font('Body')
    .fontSize(10)
    .text(sheet.issuer.toLocaleUpperCase('vi'), M.left, y, { width: half - 20, align: 'center' });
  doc.font('Bold').text(sheet.unitName.toLocaleUpperCase('vi'), M.left, doc.y, { width: half - 20, align: 'center' });
  const leftEnd = doc.y;
  doc.font('Bold').text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', M.left + half, y, { width: half, align: 'center' });
  doc.text('Độc lập - Tự do - Hạnh phúc', M.left + half, doc.y, { width: half, align: 'center', underline: true });
  doc.y = Math.max(leftEnd, doc.y) + 14;
  doc.font('Bold').fontSize(13).text(SHEET_TITLE, M.left, doc.y, { width, align: 'center' });
  doc.fontSize(10.5);
  for (const line of subtitleLines(sheet)) doc.text(line, M.left, doc.y, { width, align: 'center' });
  doc
    .font('Body')
    .fontSize(9.5)
    .text(SHEET_PURPOSE, M.left, doc.y + 2, { width, align: 'center' });
  doc.moveDown(0.6);
}

export function writeYearEndPdf(sheet: YearEndSheet): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: M,
    bufferPages: true,
    lang: 'vi-VN',
    info: { Title: `${SHEET_TITLE} – ${sheet.unitName}`, Author: sheet.unitName },
  });
  registerVietnameseFonts(doc);
  const width = doc.page.width - M.left - M.right;
  const bottom = doc.page.height - M.bottom;
  officialHeader(doc, sheet, width);
  const decimals = sheet.survey?.decimals ?? 2;
  if (sheet.rows.length > 0) {
    drawTable(doc, {
      columns: COLUMN_HEADERS.map((header, i) => ({ header, width: SHARES[i], align: ALIGN[i] })),
      rows: sheet.rows.map((row, i) => rowTexts(row, i, decimals)),
      x: M.left,
      width,
      bottom,
      fontSize: SIZE,
    });
  }
  let y = doc.y;
  if (sheet.rows.length === 0) {
    doc.font('Body').fontSize(10).text('Đơn vị không có người nào trong danh sách.', M.left, y, { width });
    y = doc.y;
  }
  doc.font('Body').fontSize(9.5);
  const closing = [totalsLine(sheet), ...sheet.notes];
  const closingHeight = closing.reduce((h, line) => h + doc.heightOfString(line, { width }) + 2, 8);
  const signatureHeight = 110;
  if (y + closingHeight + signatureHeight > bottom) {
    doc.addPage();
    y = M.top;
  }
  doc.x = M.left;
  doc.y = y + 8;
  for (const [i, line] of closing.entries()) doc.font(i === 0 ? 'Bold' : 'Body').text(line, M.left, doc.y + 2, { width });
  const half = width / 2;
  const signY = doc.y + 12;
  doc
    .font('Body')
    .fontSize(10)
    .text(placeDateLine(sheet), M.left + half, signY, { width: half, align: 'center' });
  const titleY = doc.y + 2;
  SIGNERS.forEach((signer, i) => {
    doc
      .font('Bold')
      .fontSize(10)
      .text(signer.title, M.left + i * half, titleY, { width: half, align: 'center' });
    doc
      .font('Body')
      .fontSize(9)
      .text(signer.hint, M.left + i * half, doc.y, { width: half, align: 'center' });
  });
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.page.margins.bottom = 0;
    doc
      .font('Body')
      .fontSize(8)
      .fillColor('#666666')
      .text(`${sheet.unitName} · Trang ${i + 1}/${range.count}`, M.left, doc.page.height - M.bottom + 14, {
        width,
        align: 'center',
        lineBreak: false,
      });
  }
  return pdfToBuffer(doc);
}
