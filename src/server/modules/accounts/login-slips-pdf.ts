/** Login slips as a printable A4 PDF: 2 × 5 cut-out slips per page, dashed cut lines, page footer. */
import PDFDocument from 'pdfkit';
import { normalizeText } from '../../../domain/text.ts';
import { pdfToBuffer, registerVietnameseFonts } from '../../files/pdf-fonts.ts';
import { formatVnDate } from '../../files/xlsx-style.ts';
import { CHANGE_PASSWORD_NOTE, LOGIN_SLIPS_TITLE, type LoginSlip, type LoginSlipsInput } from './login-slips-xlsx.ts';

export const SLIP_COLUMNS = 2;
export const SLIP_ROWS = 5;
export const SLIPS_PER_PAGE = SLIP_COLUMNS * SLIP_ROWS;

const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const MARGIN = 28;
const FOOTER_BAND = 26;
const GRID = { x: MARGIN, y: MARGIN, width: PAGE.width - 2 * MARGIN, height: PAGE.height - 2 * MARGIN - FOOTER_BAND };
const SLIP = { width: GRID.width / SLIP_COLUMNS, height: GRID.height / SLIP_ROWS, pad: 12 };
const INNER_WIDTH = SLIP.width - 2 * SLIP.pad;
const COLORS = { text: '#111111', muted: '#555555', accent: '#1f4e79', line: '#9a9a9a', box: '#eef2f7', boxLine: '#b8c2d0' };
const BOX = { height: 19, maxWidth: 18, gap: 2, fontSize: 12.5 };

type Doc = PDFKit.PDFDocument;

/** Writes `text` in at most `maxLines` lines (ellipsis beyond) and returns the height used. */
function clampedText(doc: Doc, text: string, x: number, y: number, maxLines: number): number {
  const lineHeight = doc.currentLineHeight(true);
  const height = Math.min(doc.heightOfString(text, { width: INNER_WIDTH }), lineHeight * maxLines);
  doc.text(text, x, y, { width: INNER_WIDTH, height: height + 0.5, ellipsis: true });
  return height;
}

/** The password one character per fixed-width box, so each glyph reads on its own. */
function passwordBoxes(doc: Doc, password: string, x: number, y: number, width: number): void {
  const chars = [...password];
  const cell = Math.min(BOX.maxWidth, width / Math.max(chars.length, 1));
  doc.font('Bold').fontSize(Math.min(BOX.fontSize, cell * 0.75));
  const textY = y + (BOX.height - doc.currentLineHeight()) / 2;
  chars.forEach((char, i) => {
    const cx = x + i * cell;
    doc
      .roundedRect(cx, y, cell - BOX.gap, BOX.height, 2)
      .lineWidth(0.5)
      .fillAndStroke(COLORS.box, COLORS.boxLine);
    doc.fillColor(COLORS.text).text(char, cx, textY, { width: cell - BOX.gap, align: 'center', lineBreak: false });
  });
}

/** Name (bold) and unit, wrapped; the font shrinks for very long texts, ellipsis only as a last resort. */
function drawNameAndUnit(doc: Doc, name: string, unit: string, x: number, y: number, room: number): void {
  const measure = (font: string, size: number, text: string) => doc.font(font).fontSize(size).heightOfString(text, { width: INNER_WIDTH });
  const sizes = [
    [12, 9],
    [11, 8.5],
    [10, 8],
    [9, 7.5],
  ];
  const fits = sizes.find(([n, u]) => measure('Bold', n, name) + 1 + measure('Body', u, unit) <= room);
  const [nameSize, unitSize] = fits ?? sizes[sizes.length - 1];
  const bottom = y + room;
  doc.font('Bold').fontSize(nameSize).fillColor(COLORS.text);
  const nameLines = fits ? 99 : Math.max(1, Math.floor((room * 0.6) / doc.currentLineHeight(true)));
  y += clampedText(doc, name, x, y, nameLines) + 1;
  doc.font('Body').fontSize(unitSize).fillColor(COLORS.muted);
  clampedText(doc, unit, x, y, Math.max(1, Math.floor((bottom - y) / doc.currentLineHeight(true))));
}

function drawSlip(doc: Doc, slip: LoginSlip, siteUrl: string, left: number, top: number): void {
  const x = left + SLIP.pad;
  let y = top + SLIP.pad - 1;
  doc.font('Bold').fontSize(8.5).fillColor(COLORS.accent);
  doc.text(LOGIN_SLIPS_TITLE, x, y, { width: INNER_WIDTH, lineBreak: false });
  y += doc.currentLineHeight(true) + 2;
  doc
    .moveTo(x, y)
    .lineTo(x + INNER_WIDTH, y)
    .lineWidth(0.6)
    .strokeColor(COLORS.accent)
    .stroke();
  y += 5;

  // Fixed parts below the name and unit, measured so those two get whatever room is left.
  doc.font('Body').fontSize(7.5);
  const note = CHANGE_PASSWORD_NOTE;
  const noteHeight = doc.heightOfString(note, { width: INNER_WIDTH });
  const noteTop = top + SLIP.height - SLIP.pad + 3 - noteHeight;
  const passwordTop = noteTop - 5 - BOX.height;
  const usernameTop = passwordTop - 16;
  doc.font('Body').fontSize(9);
  const address = `Địa chỉ: ${siteUrl}`;
  const addressHeight = Math.min(doc.heightOfString(address, { width: INNER_WIDTH }), doc.currentLineHeight(true) * 2);
  const addressTop = usernameTop - 3 - addressHeight;

  drawNameAndUnit(doc, normalizeText(slip.fullName), normalizeText(slip.unitName), x, y, addressTop - 3 - y);
  doc.font('Body').fontSize(9).fillColor(COLORS.text);
  clampedText(doc, address, x, addressTop, 2);

  doc.font('Body').fontSize(9.5).text('Tên đăng nhập: ', x, usernameTop, { continued: true, lineBreak: false });
  doc.font('Bold').fontSize(10.5).text(slip.username, { lineBreak: false });

  doc.font('Body').fontSize(9.5);
  const label = 'Mật khẩu ban đầu:';
  const labelWidth = doc.widthOfString(label) + 6;
  doc.text(label, x, passwordTop + (BOX.height - doc.currentLineHeight()) / 2, { lineBreak: false });
  passwordBoxes(doc, slip.initialPassword, x + labelWidth, passwordTop, INNER_WIDTH - labelWidth);

  doc.font('Body').fontSize(7.5).fillColor(COLORS.muted);
  doc.text(note, x, noteTop, { width: INNER_WIDTH });
}

function drawCutLines(doc: Doc, rows: number): void {
  doc.save().lineWidth(0.5).strokeColor(COLORS.line).dash(4, { space: 3 });
  const bottom = GRID.y + rows * SLIP.height;
  for (let r = 0; r <= rows; r++) {
    const y = GRID.y + r * SLIP.height;
    doc
      .moveTo(GRID.x, y)
      .lineTo(GRID.x + GRID.width, y)
      .stroke();
  }
  for (let c = 0; c <= SLIP_COLUMNS; c++) {
    const x = GRID.x + c * SLIP.width;
    doc.moveTo(x, GRID.y).lineTo(x, bottom).stroke();
  }
  doc.undash().restore();
}

function drawFooters(doc: Doc, unitName: string, date: string): void {
  const { start, count } = doc.bufferedPageRange();
  const y = PAGE.height - MARGIN - 10;
  const rightWidth = 170;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    doc.font('Body').fontSize(8).fillColor(COLORS.muted);
    doc.text(normalizeText(unitName), GRID.x, y, { width: GRID.width - rightWidth - 10, height: 10, lineBreak: false, ellipsis: true });
    const right = `Trang ${i - start + 1}/${count}  ·  Ngày in: ${date}`;
    doc.text(right, GRID.x + GRID.width - rightWidth, y, { width: rightWidth, align: 'right', lineBreak: false });
  }
}

export async function writeLoginSlipsPdf(input: LoginSlipsInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'portrait',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: 8 },
    bufferPages: true,
    autoFirstPage: false,
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: `Phiếu đăng nhập – ${input.unitName}`,
      Author: 'Hệ thống bồi dưỡng',
      CreationDate: input.generatedAt,
    },
  });
  registerVietnameseFonts(doc);
  const pageCount = Math.max(1, Math.ceil(input.slips.length / SLIPS_PER_PAGE));
  for (let p = 0; p < pageCount; p++) {
    doc.addPage();
    const pageSlips = input.slips.slice(p * SLIPS_PER_PAGE, (p + 1) * SLIPS_PER_PAGE);
    if (pageSlips.length === 0) {
      doc.font('Body').fontSize(12).text('Không có tài khoản nào để in phiếu.', GRID.x, GRID.y);
      continue;
    }
    drawCutLines(doc, Math.ceil(pageSlips.length / SLIP_COLUMNS));
    pageSlips.forEach((slip, i) => {
      const left = GRID.x + (i % SLIP_COLUMNS) * SLIP.width;
      const top = GRID.y + Math.floor(i / SLIP_COLUMNS) * SLIP.height;
      drawSlip(doc, slip, input.siteUrl, left, top);
    });
  }
  drawFooters(doc, input.unitName, formatVnDate(input.generatedAt));
  return pdfToBuffer(doc);
}
