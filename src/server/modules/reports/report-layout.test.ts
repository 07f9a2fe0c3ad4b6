/**
 * The report files as a reader sees them printed: our PDFs read back page by page with poppler, the workbooks opened
 * and printed by LibreOffice (Vietnamese locale) and read back the same way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassReport, reportPeriod } from '../../../domain/training/class-report.ts';
import { writePdfReport } from '../../files/pdf-table.ts';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { buildPublishedAssessment, rootActor } from '../../test/assessment-builders.ts';
import { createTestEnv, login, type TestEnv } from '../../test/harness.ts';
import { hasLibreOffice, hasPoppler, readPdf, renderWithLibreOffice, type RenderedPdf } from '../../test/render-office.ts';
import { writeClassReportXlsx } from '../classes/report-files.ts';
import { reportData, type ReportData } from './report-data.ts';
import { writeResultsPdf } from './report-pdf.ts';
import { writeResultsXlsx } from './report-xlsx.ts';

const FOOTER = /^Trang \d+\/\d+/;
const contentLines = (page: string) =>
  page
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !FOOTER.test(l) && !/Trang \d+\/\d+\s+·/.test(l));

/**
 * Every page that shows rows of the table shows its header; no page ends with a heading or a header row with nothing
 * of its own under it.
 */
function expectTablesWhole(pdf: RenderedPdf, opts: { row: RegExp; header: RegExp; headings: string[]; headerLines: RegExp }) {
  for (const [i, page] of pdf.allPages().entries()) {
    const lines = contentLines(page);
    if (lines.some((l) => opts.row.test(l))) expect(page, `trang ${i + 1}`).toMatch(opts.header);
    const lastHeading = lines.findLastIndex((l) => opts.headings.includes(l));
    const lastHeader = lines.findLastIndex((l) => opts.headerLines.test(l));
    for (const at of [lastHeading, lastHeader]) {
      if (at < 0) continue;
      expect(
        lines.slice(at + 1).some((l) => /\d/.test(l) && !opts.headerLines.test(l)),
        `trang ${i + 1} kết thúc bằng "${lines[at]}"`,
      ).toBe(true);
    }
  }
}

describe.skipIf(!hasPoppler)('report layouts as printed', () => {
  let env: TestEnv;
  let base: ReportData;
  let dir: string;

  beforeAll(async () => {
    env = await createTestEnv('sqlite');
    // REPORT_RENDER_DIR=/some/dir keeps the PDFs and PNGs for a person to look at.
    dir = process.env.REPORT_RENDER_DIR ?? path.join(env.dataDir, 'renders');
    fs.mkdirSync(dir, { recursive: true });
    const schools = [
      await buildUnit(env.ctx, { name: 'Trường Tiểu học Số 1 xã Nậm Pồ' }),
      await buildUnit(env.ctx, { name: 'Trường Tiểu học Số 2 xã Nậm Pồ' }),
    ];
    const people = [];
    for (const unit of [...schools, ...schools]) people.push(await buildUser(env.ctx, { unit }));
    const assessmentId = (await buildPublishedAssessment(env.ctx, { targets: schools, shuffleQuestions: false, shuffleOptions: false })).id;
    const key = (
      await env.ctx.db
        .selectFrom('assessment_questions')
        .select('correct_index')
        .where('assessment_id', '=', assessmentId)
        .orderBy('ordinal')
        .execute()
    ).map((k) => k.correct_index);
    for (const [i, u] of people.entries()) {
      const s = await login(env.app, u.username, u.password);
      const attemptId = (await s.request('POST', `/api/my/assessments/${assessmentId}/start`)).json().attemptId;
      const answers = key.map((k, p) => ({
        position: p,
        flagged: false,
        seq: p + 1,
        base: 0,
        choice: p === 9 || p >= 4 + 2 * i ? (k + 1) % 4 : k,
      }));
      await s.request('POST', `/api/attempts/${attemptId}/submit`, { clientId: 'x', deviceId: 'device-x', kind: 'participant', answers });
    }
    base = await reportData(env.ctx, await rootActor(env.ctx), assessmentId);
    expect(base.children).toHaveLength(2);
    expect(base.items).toHaveLength(10);
  });
  afterAll(async () => env.close());

  /** The real report of the two schools, its rows repeated as a district's: `units` schools, `people` people, long stems. */
  function scaled(units: number, people: number): ReportData {
    const children = Array.from({ length: units }, (_, i) => ({
      ...base.children[i % 2],
      name:
        i % 7 === 3
          ? `Trường Phổ thông Dân tộc Bán trú Tiểu học và Trung học cơ sở Số ${i + 1} xã Nậm Pồ huyện Mường Chà`
          : `Trường Tiểu học Số ${i + 1} xã Nậm Pồ`,
    }));
    return {
      ...base,
      children,
      units: [base.units[0], ...children],
      people: Array.from({ length: people }, (_, i) => ({ ...base.people[i % base.people.length], fullName: `Người số ${i + 1}` })),
      items: base.items!.map((item, i) =>
        i % 3 === 0
          ? {
              ...item,
              stem: `${
                'Theo Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, '
                + 'nhiệm vụ trọng tâm xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh gồm những nội dung nào sau đây '.repeat(
                  2,
                )
              }[HẾT-${i + 1}]`,
            }
          : item,
      ),
    };
  }

  it("repeats the results PDF's table header on every page and never leaves a heading or header alone at a page foot", async () => {
    const headings = [
      'Xếp loại',
      'Phổ điểm',
      'Xếp loại theo đơn vị',
      'Kết quả theo đơn vị',
      ...base.cuts.map((c) => c.title),
      'Chất lượng đề',
    ];
    // The number of schools moves where "Kết quả theo đơn vị" starts through every position near a page foot (15 pt a school).
    for (let units = 100; units < 124; units += 2) {
      const file = path.join(dir, `ket-qua-${units}.pdf`);
      fs.writeFileSync(file, await writeResultsPdf(scaled(units, 10)));
      const pdf = readPdf(file);
      expect(pdf.pages).toBeGreaterThanOrEqual(3);
      expectTablesWhole(pdf, {
        row: /^Trường .*%$/,
        header: /Đơn vị\s+Phải làm\s+Đã làm/,
        headings,
        headerLines: /Phải làm|Số bài|Số lượng|Độ phân biệt/,
      });
      const text = pdf.allPages().join('\n');
      expect(text.match(/^\s*Trường .*%\s*$/gm)).toHaveLength(units);
    }
  });

  it("keeps a table's heading, header and first row together in the shared report PDF (class report, schedules)", async () => {
    const columns = [
      { header: 'STT', width: 1 },
      { header: 'Giảng viên', width: 5 },
      { header: 'Số phiếu đánh giá', width: 2, align: 'right' as const },
    ];
    for (let filler = 30; filler < 52; filler++) {
      const file = path.join(dir, `bang-${filler}.pdf`);
      fs.writeFileSync(
        file,
        await writePdfReport({
          title: 'ĐÁNH GIÁ GIẢNG VIÊN',
          subtitles: ['Năm 2026'],
          generatedAt: new Date('2026-12-05T08:00:00Z'),
          footerLeft: 'Đánh giá giảng viên',
          sections: [
            { lines: Array.from({ length: filler }, (_, i) => `Ghi chú số ${i + 1}.`) },
            {
              heading: '2. Đánh giá giảng viên của học viên',
              columns,
              rows: Array.from({ length: 90 }, (_, i) => [String(i + 1), `Giảng viên ${i + 1}`, '12']),
            },
          ],
        }),
      );
      const pdf = readPdf(file);
      expect(pdf.pages).toBeGreaterThanOrEqual(3);
      expectTablesWhole(pdf, {
        row: /^\d+\s+Giảng viên \d+\s+12$/,
        header: /STT\s+Giảng viên\s+Số phiếu đánh giá/,
        headings: ['2. Đánh giá giảng viên của học viên'],
        headerLines: /STT\s+Giảng viên/,
      });
    }
  });

  describe.skipIf(!hasLibreOffice)('workbooks printed by LibreOffice', () => {
    it('prints the results workbook on A4 with header rows repeated, headers and labels whole, long stems whole', async () => {
      const data = scaled(40, 160);
      const pdf = renderWithLibreOffice(await writeResultsXlsx(data), 'ket-qua.xlsx', dir);
      const pages = pdf.allPages();
      const sizes = pdf.pageSizes();
      expect(sizes.length).toBe(pages.length);
      for (const size of sizes) expect(size).toMatch(/\(A4\)/);
      const detail = pages.filter((p) => /Người số \d+/.test(p));
      expect(detail.length).toBeGreaterThanOrEqual(3);
      // Header repeated on every page, and fit to the page width: the last column is on every page too.
      for (const p of detail) expect(p).toMatch(/Họ và tên.*Xếp loại/);
      const summary = pages.filter((p) => /Trường Tiểu học Số \d+ xã Nậm Pồ/.test(p) && !/Người số/.test(p));
      expect(summary.length).toBeGreaterThan(0);
      for (const p of summary) expect(p.replace(/\s+/g, ' ')).toMatch(/Phải làm.*xuất sắc \(%\)/);
      // The item analysis is wider than tall: landscape.
      const itemPage = pages.findIndex((p) => /KR-20/.test(p));
      expect(sizes[itemPage]).toMatch(/^841[.\d]* x 595/);
      const items = pages.filter((p) => /KR-20/.test(p) || /hết câu/.test(p));
      expect(items.length).toBeGreaterThan(0);
      const itemText = items.join('\n').replace(/\s+/g, ' ');
      // Wrapped headers print on several lines: every word of each is there, none cut off by the row height.
      const words = new Set(itemText.split(' '));
      for (const header of [
        'Số người làm đúng',
        'Độ khó (tỷ lệ làm đúng)',
        'Độ phân biệt (tương quan)',
        'Độ phân biệt (nhóm cao – thấp 27%)',
        'Bỏ trống (%)',
        'Cảnh báo',
        'Nội dung câu hỏi',
      ]) {
        for (const word of header.split(' ')) expect(words, `${word} (${header})`).toContain(word);
      }
      for (const label of [
        'Độ tin cậy KR-20',
        'Sai số chuẩn của phép đo (số câu)',
        'Sai số chuẩn của phép đo (thang 10)',
        'Số câu đúng trung bình',
        'Độ lệch chuẩn (số câu)',
      ])
        expect(itemText).toContain(label);
      // Each stem whole: a long one's last words are printed, a short one reads on its line, not overprinted by its neighbour.
      for (const [i, item] of data.items!.entries()) {
        if (i % 3 === 0) expect(itemText).toContain(`[HẾT-${i + 1}]`);
        else expect(itemText).toContain(item.stem);
      }
      // The longest school name, wrapped in its cell, ends on the page too.
      expect(pages.join('\n').match(/Mường Chà/g)?.length).toBe(data.children.filter((c) => c.name.endsWith('Mường Chà')).length);
      pdf.png(1, 2, path.join(dir, 'ket-qua'));
    });

    it('prints the class report with counts grouped as a Vietnamese reader writes them (10.000)', async () => {
      const period = reportPeriod(2026);
      const types = [
        { id: 1, name: 'Bồi dưỡng chính trị hè cho giáo viên mầm non, tiểu học, trung học cơ sở' },
        { id: 2, name: 'Lớp đối tượng kết nạp Đảng' },
      ];
      const classes = Array.from({ length: 40 }, (_, i) => ({
        id: i + 1,
        typeId: i < 32 ? 1 : 2,
        plannedStart: '2026-07-01',
        actualStart: '2026-07-06',
        plannedTrainees: 300,
        trainees: 250,
        completed: 240,
        certificates: 240,
      }));
      const report = {
        ...buildClassReport(period, types, classes, []),
        unitName: 'Trung tâm Chính trị huyện Mường Chà',
        generatedAt: new Date('2026-12-05T08:00:00Z'),
      };
      expect(report.total.trainees).toBe(10_000);
      const pdf = renderWithLibreOffice(await writeClassReportXlsx(report), 'lop.xlsx', dir);
      const text = pdf.allPages().join('\n');
      expect(text).toMatch(/\b10\.000\b/);
      expect(text).toMatch(/\b12\.000\b/);
      expect(text).toMatch(/\b8\.000\b/);
      expect(text).not.toMatch(/\b10,?000\b/);
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain('trung học cơ sở');
      pdf.png(1, 1, path.join(dir, 'lop'));
    });
  });
});
