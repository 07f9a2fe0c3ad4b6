/**
 * Paginated tables for pdfkit reports: the header repeated on each page, wrapped cells, page footers; a table (with its
 * heading) starts on a new page rather than leave a heading or a header row alone at the foot of one.
 */
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
const PAD = 4;

export interface PdfTable {
  columns: PdfColumn[];
  rows: string[][];
  /** Rows drawn bold (totals). */
  boldRows?: number[];
  /** What comes right before the table (its heading, a sentence): kept on one page with the header and the first row. */
  lead?: { height: number; draw: () => void };
  x: number;
  width: number;
  /** The lowest y a row may reach on a page. */
  bottom: number;
  fontSize?: number;
}

/** A paragraph drawn at (font, size) with gaps before and after it in lines of that size. */
export interface TextBlock {
  text: string;
  font: 'Body' | 'Bold';
  size: number;
  gapBefore?: number;
  gapAfter?: number;
}

/** Height of text blocks drawn one under another. */
export function blockHeight(doc: Doc, blocks: TextBlock[], width: number): number {
  let height = 0;
  for (const b of blocks) {
    doc.font(b.font).fontSize(b.size);
    height += doc.currentLineHeight(true) * ((b.gapBefore ?? 0) + (b.gapAfter ?? 0)) + doc.heightOfString(b.text, { width });
  }
  return height;
}

/** Draws a table from doc.y, then leaves doc.y under it. */
export function drawTable(doc: Doc, table: PdfTable): void {
  const size = table.fontSize ?? 9;
  const total = table.columns.reduce((n, c) => n + c.width, 0);
  const widths = table.columns.map((c) => (c.width / total) * table.width);
  const fontOf = (r: number) => (table.boldRows?.includes(r) ? 'Bold' : 'Body');
  const measure = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i] - 2 * PAD }))) + 2 * PAD;
  };
  const headers = table.columns.map((c) => c.header);
  const headerHeight = measure(headers, 'Bold');
  const drawHeader = (y: number) => {
    doc.font('Bold').fontSize(size);
    let x = table.x;
    headers.forEach((header, i) => {
      doc.rect(x, y, widths[i], headerHeight).lineWidth(0.5).fillAndStroke(COLORS.header, COLORS.line);
      doc.fillColor(COLORS.text).text(header, x + PAD, y + PAD, { width: widths[i] - 2 * PAD, align: 'center' });
      x += widths[i];
    });
    return y + headerHeight;
  };
  const top = () => doc.page.margins.top;
  const firstRow = table.rows.length ? measure(table.rows[0], fontOf(0)) : 0;
  // Never a heading or a header row alone at a page foot: the lead, the header and the first row go together.
  if (doc.y + (table.lead?.height ?? 0) + 4 + headerHeight + firstRow > table.bottom && doc.y > top() + 1) doc.addPage();
  table.lead?.draw();
  let y = drawHeader(doc.y + 4);
  table.rows.forEach((row, r) => {
    const height = measure(row, fontOf(r));
    if (y + height > table.bottom) {
      doc.addPage();
      y = drawHeader(top());
      doc.font(fontOf(r)).fontSize(size);
    }
    let x = table.x;
    row.forEach((cell, i) => {
      doc.rect(x, y, widths[i], height).lineWidth(0.5).stroke(COLORS.line);
      doc.fillColor(COLORS.text).text(cell, x + PAD, y + PAD, { width: widths[i] - 2 * PAD, align: table.columns[i].align ?? 'left' });
      x += widths[i];
    });
    y += height;
  });
  doc.x = table.x;
  doc.y = y + 6;
}

function drawSection(doc: Doc, section: PdfSection, tableWidth: number) {
  const bottom = doc.page.height - MARGIN - 20;
  const blocks: TextBlock[] = [
    ...(section.heading ? [{ text: section.heading, font: 'Bold' as const, size: 11.5, gapBefore: 0.5, gapAfter: 0.3 }] : []),
    ...(section.lines ?? []).map((text) => ({ text, font: 'Body' as const, size: 10 })),
  ];
  const drawLead = () => {
    for (const b of blocks) {
      doc
        .font(b.font)
        .fontSize(b.size)
        .fillColor(COLORS.text)
        .moveDown(b.gapBefore ?? 0);
      doc.text(b.text, MARGIN, doc.y, { width: tableWidth }).moveDown(b.gapAfter ?? 0);
    }
  };
  if (!section.columns || !section.rows?.length) {
    if (section.heading && doc.y > bottom - 60) doc.addPage();
    drawLead();
    if (section.columns) {
      doc
        .font('Body')
        .fontSize(10)
        .fillColor(COLORS.muted)
        .text(section.empty ?? 'Không có dữ liệu.', MARGIN, doc.y + 4, { width: tableWidth });
    }
    return;
  }
  drawTable(doc, {
    columns: section.columns,
    rows: section.rows,
    boldRows: section.boldRows,
    x: MARGIN,
    width: tableWidth,
    bottom,
    lead: { height: blockHeight(doc, blocks, tableWidth), draw: drawLead },
  });
}

export async function writePdfReport(report: PdfReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: report.landscape ? 'landscape' : 'portrait',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: 10 },
    bufferPages: true,
    lang: 'vi-VN',
    displayTitle: true,
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
    doc.text(`Trang ${i - start + 1}/${count}  ·  Ngày in: ${formatVnDate(report.generatedAt)}`, MARGIN + width - 180, y, {
      width: 180,
      align: 'right',
      lineBreak: false,
    });
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
