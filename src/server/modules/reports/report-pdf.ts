/** The printable results report: official header, headline figures, charts, tables, signatures. A4, fonts embedded. */
import PDFDocument from 'pdfkit';
import {
  FLAG_LABELS,
  distributionBinShortLabel,
  formatDecimalVi,
  formatPercentVi,
  type GroupSummary,
} from '../../../domain/statistics/index.ts';
import { pdfToBuffer, registerVietnameseFonts } from '../../files/pdf-fonts.ts';
import { blockHeight, drawTable, type PdfColumn, type TextBlock } from '../../files/pdf-table.ts';
import { formatVnDate } from '../../files/xlsx-style.ts';
import type { ReportData } from './report-data.ts';

type Doc = PDFKit.PDFDocument;
const M = { top: 42, bottom: 48, left: 50, right: 42 };
const PAGE_W = 595.28;
const W = PAGE_W - M.left - M.right;
const BAND_COLORS = ['#1f7a3d', '#3b82f6', '#f59e0b', '#94a3b8', '#dc2626', '#7c3aed', '#0891b2', '#be185d', '#65a30d', '#78716c'];
const count = (n: number) => n.toLocaleString('vi-VN');

function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - M.bottom) doc.addPage();
}

const headingBlock = (text: string): TextBlock => ({ text, font: 'Bold', size: 11.5, gapBefore: 0.6, gapAfter: 0.3 });

function drawHeading(doc: Doc, text: string) {
  doc
    .font('Bold')
    .fontSize(11.5)
    .moveDown(0.6)
    .fillColor('#0b3d7a')
    .text(text, M.left, doc.y, { width: W })
    .fillColor('#111111')
    .moveDown(0.3);
}

/** A heading kept on one page with the first `keepWith` points of what follows it (a chart, a paragraph). */
function heading(doc: Doc, text: string, keepWith: number) {
  ensureRoom(doc, blockHeight(doc, [headingBlock(text)], W) + keepWith);
  drawHeading(doc, text);
}

function officialHeader(doc: Doc, data: ReportData) {
  const half = W / 2;
  const y = doc.y;
  doc
    .font('Bold')
    .fontSize(10)
    .text(data.organiser.toLocaleUpperCase('vi'), M.left, y, { width: half - 10, align: 'center' });
  doc
    .font('Bold')
    .fontSize(10)
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', M.left + half, y, { width: half, align: 'center' });
  doc
    .font('Bold')
    .fontSize(10)
    .text('Độc lập - Tự do - Hạnh phúc', M.left + half, doc.y, { width: half, align: 'center', underline: true });
  const d = new Date(data.generatedAt);
  const [day, month, year] = formatVnDate(d).split('/');
  doc
    .font('Body')
    .fontSize(10)
    .text(`Ngày ${day} tháng ${month} năm ${year}`, M.left + half, doc.y + 4, { width: half, align: 'center' });
  doc.moveDown(1.2).font('Bold').fontSize(14).text('BÁO CÁO KẾT QUẢ KHẢO SÁT', M.left, doc.y, { width: W, align: 'center' });
  doc.font('Bold').fontSize(11.5).text(data.title, { width: W, align: 'center' });
  doc
    .font('Body')
    .fontSize(9.5)
    .fillColor('#444444')
    .text(
      `Phạm vi: ${data.scopeName} · ${data.questionCount} câu hỏi · mở ${formatVnDate(new Date(data.opensAt), true)} – đóng ${formatVnDate(new Date(data.closesAt), true)}`
        + ` · số liệu tính đến ${formatVnDate(d, true)}`,
      { width: W, align: 'center' },
    )
    .fillColor('#111111');
  if (data.live)
    doc
      .moveDown(0.3)
      .font('Bold')
      .fillColor('#9a6700')
      .text('SỐ LIỆU TẠM THỜI: bài khảo sát đang diễn ra.', { width: W, align: 'center' })
      .fillColor('#111111');
  if (data.regradedAt) {
    doc
      .moveDown(0.3)
      .font('Bold')
      .fillColor('#b42318')
      .text(`Điểm và xếp loại đã được tính lại sau khi sửa đáp án (${formatVnDate(new Date(data.regradedAt), true)}).`, {
        width: W,
        align: 'center',
      })
      .fillColor('#111111');
  }
}

function headline(doc: Doc, data: ReportData) {
  const s = data.node.summary;
  const boxes: [string, string][] = [
    ['Phải tham gia', count(data.node.eligible)],
    ['Đã làm bài', count(data.node.took)],
    ['Điểm trung bình', formatDecimalVi(s.mean)],
    ['Điểm trung vị', formatDecimalVi(s.median)],
    ['Tỷ lệ giỏi, xuất sắc', formatPercentVi(s.goodPercent)],
  ];
  ensureRoom(doc, 60);
  doc.moveDown(0.8);
  const y = doc.y;
  const bw = W / boxes.length;
  boxes.forEach(([label, value], i) => {
    const x = M.left + i * bw;
    doc.roundedRect(x + 3, y, bw - 6, 48, 4).fillAndStroke('#eef3fb', '#c8d6ec');
    doc
      .fillColor('#555555')
      .font('Body')
      .fontSize(8.5)
      .text(label, x + 3, y + 7, { width: bw - 6, align: 'center' });
    doc
      .fillColor('#0b3d7a')
      .font('Bold')
      .fontSize(15)
      .text(value, x + 3, y + 21, { width: bw - 6, align: 'center' });
  });
  doc.fillColor('#111111').y = y + 56;
  if (data.comparison) {
    const c = data.comparison.overall;
    doc
      .font('Body')
      .fontSize(9.5)
      .text(
        `So với "${data.comparison.title}": điểm trung bình ${formatDecimalVi(c.mean)}, `
          + `tỷ lệ giỏi, xuất sắc ${formatPercentVi(c.goodPercent)} (${count(c.took)} bài).`,
        M.left,
        doc.y,
        { width: W },
      );
  }
}

type Column = [title: string, share: number, align: 'left' | 'right' | 'center'];

/** A titled table: header repeated on each page; the title, the header and the first row never split (pdf-table.ts). */
function table(doc: Doc, title: string, columns: Column[], rows: string[][], intro?: string) {
  const blocks = [headingBlock(title), ...(intro ? [{ text: intro, font: 'Body' as const, size: 9.5, gapAfter: 0.4 }] : [])];
  drawTable(doc, {
    columns: columns.map(([header, width, align]): PdfColumn => ({ header, width, align })),
    rows,
    x: M.left,
    width: W,
    bottom: doc.page.height - M.bottom,
    fontSize: 8.5,
    lead: {
      height: blockHeight(doc, blocks, W),
      draw: () => {
        drawHeading(doc, title);
        if (intro) doc.font('Body').fontSize(9.5).text(intro, M.left, doc.y, { width: W }).moveDown(0.4);
      },
    },
  });
}

const DISTRIBUTION_HEIGHT = 160;

function distributionChart(doc: Doc, s: GroupSummary) {
  const h = DISTRIBUTION_HEIGHT - 30;
  ensureRoom(doc, DISTRIBUTION_HEIGHT);
  const y0 = doc.y + 8;
  const max = Math.max(1, ...s.distribution);
  const bw = W / s.distribution.length;
  s.distribution.forEach((n, i) => {
    const bh = (n / max) * (h - 18);
    const x = M.left + i * bw;
    doc.rect(x + 6, y0 + h - bh, bw - 12, bh).fill('#3b82f6');
    doc
      .fillColor('#111111')
      .font('Body')
      .fontSize(7.5)
      .text(count(n), x, y0 + h - bh - 10, { width: bw, align: 'center' });
    doc.text(distributionBinShortLabel(i), x, y0 + h + 3, { width: bw, align: 'center' });
  });
  doc
    .moveTo(M.left, y0 + h)
    .lineTo(M.left + W, y0 + h)
    .lineWidth(0.6)
    .stroke('#666666');
  doc.y = y0 + h + 16;
}

/** One horizontal bar per unit, split by band shares. */
function bandsByUnitChart(doc: Doc, data: ReportData) {
  const rows = data.children.filter((c) => c.took > 0);
  if (rows.length === 0) return;
  const labelW = 150;
  const barW = W - labelW - 8;
  ensureRoom(doc, 40);
  const legendY = doc.y + 4;
  let lx = M.left;
  data.scoring.bands.forEach((b, i) => {
    doc.rect(lx, legendY, 9, 9).fill(BAND_COLORS[i % BAND_COLORS.length]);
    doc
      .fillColor('#111111')
      .font('Body')
      .fontSize(8)
      .text(b.label, lx + 12, legendY, { lineBreak: false });
    lx += 14 + doc.widthOfString(b.label) + 14;
  });
  doc.y = legendY + 16;
  for (const row of rows) {
    ensureRoom(doc, 16);
    const y = doc.y;
    doc
      .fillColor('#111111')
      .font('Body')
      .fontSize(8)
      .text(row.name, M.left, y + 2, { width: labelW, height: 12, ellipsis: true, lineBreak: false });
    let x = M.left + labelW + 8;
    row.summary.bands.forEach((b, i) => {
      const w = (b.count / row.took) * barW;
      if (w > 0) doc.rect(x, y + 1, w, 11).fill(BAND_COLORS[i % BAND_COLORS.length]);
      x += w;
    });
    doc.y = y + 15;
  }
  doc.fillColor('#111111');
}

function signatures(doc: Doc) {
  ensureRoom(doc, 110);
  doc.moveDown(2);
  const y = doc.y;
  doc
    .font('Bold')
    .fontSize(10)
    .text('NGƯỜI LẬP BIỂU', M.left, y, { width: W / 2, align: 'center' });
  doc.text('THỦ TRƯỞNG ĐƠN VỊ', M.left + W / 2, y, { width: W / 2, align: 'center' });
  doc
    .font('Body')
    .fontSize(9)
    .fillColor('#555555')
    .text('(Ký, ghi rõ họ tên)', M.left, doc.y, { width: W / 2, align: 'center' });
  doc.text('(Ký tên, đóng dấu)', M.left + W / 2, y + 14, { width: W / 2, align: 'center' }).fillColor('#111111');
}

export function writeResultsPdf(data: ReportData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: M,
    bufferPages: true,
    info: { Title: `Báo cáo kết quả: ${data.title}`, Author: data.organiser },
  });
  registerVietnameseFonts(doc);
  officialHeader(doc, data);
  headline(doc, data);
  const s = data.node.summary;
  table(
    doc,
    'Xếp loại',
    [
      ['Xếp loại', 4, 'left'],
      ['Số lượng', 2, 'right'],
      ['Tỷ lệ', 2, 'right'],
    ],
    s.bands.map((b) => [b.label, count(b.count), formatPercentVi(b.percent)]),
  );
  heading(doc, 'Phổ điểm', DISTRIBUTION_HEIGHT);
  distributionChart(doc, s);
  if (data.children.length > 0) {
    heading(doc, 'Xếp loại theo đơn vị', 40);
    bandsByUnitChart(doc, data);
    table(
      doc,
      'Kết quả theo đơn vị',
      [
        ['Đơn vị', 6, 'left'],
        ['Phải làm', 2, 'right'],
        ['Đã làm', 2, 'right'],
        ['Điểm TB', 2, 'right'],
        ['Giỏi, xuất sắc', 2.4, 'right'],
      ],
      data.children.map((c) => [
        c.name,
        count(c.eligible),
        count(c.took),
        formatDecimalVi(c.summary.mean),
        formatPercentVi(c.summary.goodPercent),
      ]),
    );
  }
  for (const c of data.cuts) {
    if (c.rows.length < 2) continue;
    table(
      doc,
      c.title,
      [
        ['Nhóm', 5, 'left'],
        ['Số bài', 2, 'right'],
        ['Điểm TB', 2, 'right'],
        ['Giỏi, xuất sắc', 2.4, 'right'],
      ],
      c.rows.map((r) => [r.label, count(r.summary.took), formatDecimalVi(r.summary.mean), formatPercentVi(r.summary.goodPercent)]),
    );
  }
  if (data.test && data.items) {
    const t = data.test;
    const quality =
      `Độ tin cậy KR-20: ${formatDecimalVi(t.kr20, 3)} · sai số chuẩn của phép đo: ${formatDecimalVi(t.semScore)} điểm`
      + ` · số câu đúng trung bình ${formatDecimalVi(t.meanCorrect)}/${t.questions}.`;
    const flagged = data.items.filter((i) => i.flags.length > 0);
    if (flagged.length) {
      table(
        doc,
        'Chất lượng đề',
        [
          ['Câu', 1, 'center'],
          ['Đáp án', 1.2, 'center'],
          ['Độ khó', 1.4, 'right'],
          ['Độ phân biệt', 1.6, 'right'],
          ['Cảnh báo', 5, 'left'],
        ],
        flagged.map((i) => [
          String(i.index + 1),
          i.key,
          formatDecimalVi(i.facility, 3),
          formatDecimalVi(i.pointBiserial, 3),
          i.flags.map((f) => FLAG_LABELS[f]).join('; '),
        ]),
        quality,
      );
    } else {
      doc.font('Body').fontSize(9.5);
      heading(doc, 'Chất lượng đề', doc.heightOfString(quality, { width: W }));
      doc.font('Body').fontSize(9.5).text(quality, M.left, doc.y, { width: W });
    }
  }
  signatures(doc);
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Below the bottom margin: without this pdfkit would start a new page for the footer itself.
    doc.page.margins.bottom = 0;
    doc
      .font('Body')
      .fontSize(8)
      .fillColor('#777777')
      .text(`Trang ${i + 1}/${range.count}`, M.left, doc.page.height - M.bottom + 18, { width: W, align: 'center', lineBreak: false });
  }
  return pdfToBuffer(doc);
}
