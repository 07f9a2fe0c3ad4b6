/** A simple paginated table for pdfkit reports: header repeated on each page, wrapped cells, page footers. */
import PDFDocument from 'pdfkit';
import { pdfToBuffer, registerVietnameseFonts } from './pdf-fonts.ts';
import { formatVnDate } from './xlsx-style.ts';

type Doc = PDFKit.PDFDocument;

export interface PdfColumn {
  header: string;
  /** Share of the table width. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface PdfReport {
  title: string;
  subtitles: string[];
  /** Author shown in the document properties. */
  author?: string;
  landscape?: boolean;
  generatedAt: Date;
  footerLeft: string;
  sections: PdfSection[];
  /** Lines printed after the last table (notes, signatures). */
  closing?: string[];
}

export interface PdfSection {
  heading?: string;
  /** Paragraphs before the table. */
  lines?: string[];
  columns?: PdfColumn[];
  rows?: string[][];
  /** Rows drawn bold (totals). */
  boldRows?: number[];
  empty?: string;
}

const MARGIN = 40;
const COLORS = { text: '#111111', muted: '#555555', header: '#ddebf7', line: '#9a9a9a' };

function drawHeader(doc: Doc, columns: PdfColumn[], widths: number[], y: number): number {
  doc.font('Bold').fontSize(9);
  const height = Math.max(...columns.map((c, i) => doc.heightOfString(c.header, { width: widths[i] - 8 }))) + 8;
  let x = MARGIN;
  columns.forEach((c, i) => {
    doc.rect(x, y, widths[i], height).fillAndStroke(COLORS.header, COLORS.line);
    doc.fillColor(COLORS.text).text(c.header, x + 4, y + 4, { width: widths[i] - 8, align: 'center' });
    x += widths[i];
  });
  return y + height;
}

function drawSection(doc: Doc, section: PdfSection, tableWidth: number) {
  const bottom = () => doc.page.height - MARGIN - 20;
  if (section.heading) {
    if (doc.y > bottom() - 60) doc.addPage();
    doc.moveDown(0.5).font('Bold').fontSize(11.5).fillColor(COLORS.text).text(section.heading, MARGIN, doc.y, { width: tableWidth });
    doc.moveDown(0.3);
  }
  for (const line of section.lines ?? []) {
    doc.font('Body').fontSize(10).fillColor(COLORS.text).text(line, MARGIN, doc.y, { width: tableWidth });
  }
  if (!section.columns) return;
  if (!section.rows?.length) {
    doc.font('Body').fontSize(10).fillColor(COLORS.muted).text(section.empty ?? 'Không có dữ liệu.', MARGIN, doc.y + 4, { width: tableWidth });
    return;
  }
  const total = section.columns.reduce((s, c) => s + c.width, 0);
  const widths = section.columns.map((c) => (c.width / total) * tableWidth);
  let y = drawHeader(doc, section.columns, widths, doc.y + 4);
  section.rows.forEach((row, r) => {
    doc.font(section.boldRows?.includes(r) ? 'Bold' : 'Body').fontSize(9);
    const height = Math.max(...row.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i] - 8 }))) + 8;
    if (y + height > bottom()) {
      doc.addPage();
      y = drawHeader(doc, section.columns!, widths, MARGIN);
      doc.font(section.boldRows?.includes(r) ? 'Bold' : 'Body').fontSize(9);
    }
    let x = MARGIN;
    row.forEach((cell, i) => {
      doc.rect(x, y, widths[i], height).lineWidth(0.5).stroke(COLORS.line);
      doc.fillColor(COLORS.text).text(cell, x + 4, y + 4, { width: widths[i] - 8, align: section.columns![i].align ?? 'left' });
      x += widths[i];
    });
    y += height;
  });
  doc.x = MARGIN;
  doc.y = y + 6;
}

export async function writePdfReport(report: PdfReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4', layout: report.landscape ? 'landscape' : 'portrait', margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: 10 },
    bufferPages: true, lang: 'vi-VN', displayTitle: true,
    info: { Title: report.title, Author: report.author ?? 'Hệ thống bồi dưỡng', CreationDate: report.generatedAt },
  });
  registerVietnameseFonts(doc);
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Bold').fontSize(15).fillColor(COLORS.text).text(report.title, MARGIN, MARGIN, { width, align: 'center' });
  doc.moveDown(0.3);
  doc.font('Body').fontSize(10.5);
  for (const line of report.subtitles) doc.text(line, { width, align: 'center' });
  doc.moveDown(0.5);
  for (const section of report.sections) drawSection(doc, section, width);
  if (report.closing?.length) {
    doc.moveDown(0.5).font('Body').fontSize(10).fillColor(COLORS.text);
    for (const line of report.closing) doc.text(line, MARGIN, doc.y, { width });
  }
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN + 6;
    doc.font('Body').fontSize(8).fillColor(COLORS.muted);
    doc.text(report.footerLeft, MARGIN, y, { width: width - 180, height: 10, lineBreak: false, ellipsis: true });
    doc.text(`Trang ${i - start + 1}/${count}  ·  Ngày in: ${formatVnDate(report.generatedAt)}`, MARGIN + width - 180, y,
      { width: 180, align: 'right', lineBreak: false });
  }
  return pdfToBuffer(doc);
}

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** 'YYYY-MM-DD' → 'Thứ Hai, 06/07/2026'. */
export function dayLabel(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday}, ${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy'. */
export function viDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
