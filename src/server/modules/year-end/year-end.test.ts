import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPerson, buildUnit, buildUser } from '../../test/builders.ts';
import { buildPublishedAssessment } from '../../test/assessment-builders.ts';
import { DIALECTS, describeEachDialect, login, type Session } from '../../test/harness.ts';
import { hasLibreOffice, renderWithLibreOffice } from '../../test/render-office.ts';
import { createTrainingFixture } from '../../test/training-fixture.ts';
import { freezeClosedPopulations } from '../population/service.ts';
import { renderYearEndSheet } from './service.ts';
import type { YearEndSheet } from './sheet-data.ts';

type Fixture = Awaited<ReturnType<typeof createTrainingFixture>>;
const hasPdftotext = !spawnSync('pdftotext', ['-v']).error;

async function readBook(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book.worksheets[0];
}

function pdfPages(dir: string, body: Buffer): string[] {
  const file = path.join(dir, `sheet-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, body);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .normalize('NFC')
    .split('\f')
    .filter((p) => p.trim());
}

describeEachDialect('year-end sheet of a unit', (dialect) => {
  let f: Fixture;
  let campaignId: number;
  let principalB: Session;
  const url = (unitId: number, format: string) => `/api/campaigns/${campaignId}/year-end-sheet?unitId=${unitId}&format=${format}`;

  beforeAll(async () => {
    // 6 July 2026, 18:00 in Vietnam: the day's two sessions are over, the survey is open until 19:00.
    f = await createTrainingFixture(dialect, '2026-07-06T11:00:00Z');
    const org = f.organizer;
    campaignId = (
      await org.request('POST', '/api/campaigns', {
        name: 'Bồi dưỡng chính trị hè 2026',
        schoolYear: '2025–2026',
        unitId: f.root.id,
        attendanceRequiredPercent: 50,
      })
    ).json().id;
    const site = (
      await org.request('POST', `/api/campaigns/${campaignId}/sites`, { name: 'Điểm cầu THCS Tân Lập', unitId: f.schoolA.id })
    ).json().id;
    expect((await org.request('POST', `/api/sites/${site}/participants`, { unitId: f.schoolA.id })).statusCode).toBe(200);
    const sessions: number[] = [];
    for (const [start, end] of [
      ['07:30', '11:00'],
      ['13:30', '17:00'],
    ]) {
      sessions.push(
        (await org.request('POST', `/api/sites/${site}/sessions`, { date: '2026-07-06', startsAt: start, endsAt: end })).json().id,
      );
    }
    const [an, binh, cuc] = f.teachersA.map((t) => t.person.id);
    const marks: [number, number, string][] = [
      [0, an, 'present'],
      [1, an, 'late'],
      [0, binh, 'present'],
      [1, binh, 'absent'],
      [0, cuc, 'absent'],
      [1, cuc, 'absent'],
    ];
    for (const [s, person, status] of marks) {
      const res = await org.request('PUT', `/api/training-sessions/${sessions[s]}/attendance/${person}`, {
        status,
        reason: status === 'absent' ? 'Ốm' : null,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    // The centre's class of the school year: An completed it, Cúc did not; a class of the year before is not listed.
    const centre = await buildUnit(f.env.ctx, {
      name: 'Trung tâm Chính trị Tân Lập',
      kind: 'political_center',
      schoolLevel: null,
      parent: f.communeA,
    });
    const types = (await org.request('GET', '/api/class-types')).json().items;
    for (const [name, start] of [
      ['Lớp bồi dưỡng đảng viên mới khóa 1/2026', '2026-03-09'],
      ['Lớp cũ 2024', '2024-10-01'],
    ]) {
      const classId = (
        await org.request('POST', '/api/classes', { unitId: centre.id, typeId: types[1].id, name, plannedStart: start })
      ).json().id;
      await org.request('POST', `/api/classes/${classId}/trainees`, { personIds: [an, cuc] });
      const trainees = (await org.request('GET', `/api/classes/${classId}`)).json().trainees as { id: number; fullName: string }[];
      const anTrainee = trainees.find((t) => t.fullName === 'Lê Thị An')!;
      expect(
        (await org.request('PATCH', `/api/class-trainees/${anTrainee.id}`, { completed: true, certificateNo: '26/ĐVM/015' })).statusCode,
      ).toBe(200);
    }
    // The survey of the campaign: An answers everything right, Bình 7 of 10, Cúc does not take it.
    const surveyId = (
      await buildPublishedAssessment(f.env.ctx, {
        campaignId,
        targets: [f.schoolA, f.schoolB],
        shuffleQuestions: false,
        shuffleOptions: false,
        opensAt: '2026-07-06T10:00:00.000Z',
        closesAt: '2026-07-06T12:00:00.000Z',
      })
    ).id;
    const key = (
      await f.env.ctx.db
        .selectFrom('assessment_questions')
        .select('correct_index')
        .where('assessment_id', '=', surveyId)
        .orderBy('ordinal')
        .execute()
    ).map((k) => k.correct_index);
    for (const [i, right] of [
      [0, 10],
      [1, 7],
    ]) {
      const s = await f.teacherSession(i);
      const attemptId = (await s.request('POST', `/api/my/assessments/${surveyId}/start`)).json().attemptId;
      const answers = key.map((k, p) => ({ position: p, flagged: false, seq: p + 1, base: 0, choice: p < right ? k : (k + 1) % 4 }));
      expect(
        (
          await s.request('POST', `/api/attempts/${attemptId}/submit`, {
            clientId: 'x',
            deviceId: 'device-x',
            kind: 'participant',
            answers,
          })
        ).statusCode,
      ).toBe(200);
    }
    const u = await buildUser(f.env.ctx, {
      unit: f.schoolB,
      roles: [{ role: 'unit_manager', unit: f.schoolB }],
      fullName: 'Trương Văn Hiệu',
    });
    principalB = await login(f.env.app, u.username, u.password);
    // The survey closes; a teacher who joins school A afterwards is not on last year's sheet.
    f.clock.set('2026-07-06T13:00:00Z');
    await freezeClosedPopulations(f.env.ctx);
    await buildPerson(f.env.ctx, { unit: f.schoolA, fullName: 'Đặng Văn Mới' });
  });
  afterAll(async () => f.env.close());

  it('gives the principal an Excel sheet with every person of the school, their result, attendance and classes', async () => {
    const res = await f.principalA.request('GET', url(f.schoolA.id, 'xlsx'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const sheet = await readBook(res.rawPayload);
    const header = sheet.getRow(9).values as unknown[];
    expect(header.slice(1, 14)).toEqual([
      'STT',
      'Họ và tên',
      'Năm sinh',
      'Đơn vị',
      'Chức vụ',
      'Đảng viên',
      'Điểm khảo sát',
      'Xếp loại',
      'Số buổi dự / tổng số buổi',
      'Tỷ lệ chuyên cần',
      'Chuyên cần',
      'Lớp bồi dưỡng tại trung tâm',
      'Ghi chú',
    ]);
    expect(sheet.getCell('A4').value).toBe('DANH SÁCH KẾT QUẢ BỒI DƯỠNG CHÍNH TRỊ');
    expect(sheet.getCell('A6').value).toBe('Đơn vị: Trường THCS Tân Lập');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '9:9' });
    const people: Record<string, unknown[]> = {};
    for (let r = 10; r <= sheet.rowCount; r++) {
      const v = sheet.getRow(r).values as unknown[];
      if (typeof v[1] !== 'number') break;
      people[String(v[2])] = [v[7] ?? null, v[8] ?? null, v[9], v[10] ?? null, v[11], v[12] ?? null, v[13] ?? null];
    }
    expect(Object.keys(people).sort()).toEqual(['Bùi Thị Giám', 'Lê Thị An', 'Ngô Văn Hiệu', 'Phạm Văn Bình', 'Võ Thị Cúc']);
    expect(people['Lê Thị An']).toEqual([
      10,
      'Xuất sắc',
      '2/2',
      1,
      'Đạt',
      'Hoàn thành: Lớp bồi dưỡng đảng viên mới khóa 1/2026 (GCN số 26/ĐVM/015)',
      null,
    ]);
    expect(people['Phạm Văn Bình']).toEqual([7, 'Khá', '1/2', 0.5, 'Đạt', null, null]);
    expect(people['Võ Thị Cúc']).toEqual([
      null,
      null,
      '0/2',
      0,
      'Chưa đạt',
      'Chưa hoàn thành: Lớp bồi dưỡng đảng viên mới khóa 1/2026',
      'Không làm bài',
    ]);
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('NGƯỜI LẬP BIỂU');
    expect(texts).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    expect(texts.some((t) => /^Tân Lập, ngày 06 tháng 07 năm 2026$/.test(t))).toBe(true);
    expect(texts.some((t) => t.includes('số liệu chính thức'))).toBe(true);
  });

  it('gives a PDF to sign with the names and the signature titles', async () => {
    const res = await f.principalA.request('GET', url(f.schoolA.id, 'pdf'));
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    if (!hasPdftotext) return;
    const text = pdfPages(f.env.dataDir, res.rawPayload).join('\n');
    for (const name of [
      'Lê Thị An',
      'Phạm Văn Bình',
      'Võ Thị Cúc',
      'Ngô Văn Hiệu',
      'NGƯỜI LẬP BIỂU',
      'THỦ TRƯỞNG ĐƠN VỊ',
      'Xuất sắc',
      '10,00',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).not.toContain('Đặng Văn Mới');
  });

  it('refuses a principal of another school, and a participant', async () => {
    expect((await principalB.request('GET', url(f.schoolA.id, 'xlsx'))).statusCode).toBe(403);
    expect((await (await f.teacherSession(0)).request('GET', url(f.schoolA.id, 'pdf'))).statusCode).toBe(403);
    const own = await principalB.request('GET', url(f.schoolB.id, 'xlsx'));
    expect(own.statusCode, own.body).toBe(200);
    const sheet = await readBook(own.rawPayload);
    const names = [];
    for (let r = 10; typeof sheet.getRow(r).getCell(1).value === 'number'; r++) names.push(sheet.getRow(r).getCell(2).value);
    expect(names).toEqual(['Đỗ Văn Dũng', 'Hoàng Thị Em', 'Trương Văn Hiệu', 'Mai Văn Ngoài']);
    // The commune's organiser reads the commune's schools.
    expect((await f.organizer.request('GET', url(f.communeA.id, 'xlsx'))).statusCode).toBe(200);
  });

  it('repeats the table header on every PDF page and renders a large unit off the event loop', async () => {
    const res = await f.principalA.request('GET', url(f.schoolA.id, 'xlsx'));
    expect(res.statusCode).toBe(200);
    const row = {
      fullName: 'Nguyễn Văn Mẫu',
      birthYear: '1985',
      unitName: 'Trường THCS Tân Lập',
      position: 'Giáo viên',
      partyMember: true,
      score: 8.25,
      band: 'Giỏi',
      surveyNote: '',
      sessions: 2,
      attended: 2,
      attendancePercent: 100,
      attendanceMet: true,
      classes: '',
    };
    const data: YearEndSheet = {
      issuer: 'Xã Tân Lập',
      unitName: 'Trường THCS Tân Lập',
      campaignName: 'Bồi dưỡng chính trị hè 2026',
      schoolYear: '2025–2026',
      place: 'Tân Lập',
      generatedAt: '2026-07-06T13:00:00.000Z',
      survey: null,
      attendanceRequiredPercent: 50,
      notes: [],
      rows: Array.from({ length: 90 }, (_, i) => ({ ...row, fullName: `${row.fullName} ${i + 1}` })),
      totals: { people: 90, took: 90, bands: [{ label: 'Giỏi', count: 90 }], attendanceMet: 90, classesCompleted: 0 },
    };
    if (hasPdftotext) {
      const pages = pdfPages(f.env.dataDir, await renderYearEndSheet(data, 'pdf'));
      expect(pages.length).toBeGreaterThan(2);
      for (const page of pages.slice(0, -1)) expect(page).toContain('Họ và tên');
      expect(pages.at(-1)).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    }
    const workbook = await renderYearEndSheet(data, 'xlsx', Infinity);
    // As the office prints the workbook: A4 landscape, the header row on every page, every name whole, signatures at the end.
    if (hasLibreOffice && hasPdftotext && dialect === DIALECTS[0]) {
      const printed = renderWithLibreOffice(workbook, 'danh-sach.xlsx', path.join(f.env.dataDir, 'lo'));
      expect(printed.pages).toBeGreaterThan(1);
      for (const size of printed.pageSizes()) expect(size).toMatch(/^841\.\d+ x 595\.\d+ pts \(A4\)$/);
      const pages = printed.allPages();
      for (const page of pages) expect(page).toContain('Họ và tên');
      const text = pages.join('\n');
      for (let i = 1; i <= 90; i++) expect(text).toMatch(new RegExp(`Nguyễn Văn Mẫu ${i}\\b`));
      expect(pages.at(-1)).toContain('THỦ TRƯỞNG ĐƠN VỊ');
      expect(pages.at(-1)).toContain('Tân Lập, ngày 06 tháng 07 năm 2026');
    }
    const inline = await readBook(workbook);
    const child = await readBook(await renderYearEndSheet(data, 'xlsx', 0));
    expect(child.getSheetValues().map((r) => JSON.stringify(r))).toEqual(inline.getSheetValues().map((r) => JSON.stringify(r)));
    expect(child.getRow(99).getCell(2).value).toBe('Nguyễn Văn Mẫu 90');
  });
});
