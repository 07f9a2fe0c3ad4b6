import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { describeEachDialect, login, type Session } from '../../test/harness.ts';
import { createTrainingFixture } from '../../test/training-fixture.ts';

type Fixture = Awaited<ReturnType<typeof createTrainingFixture>>;
const hasPdftotext = !spawnSync('pdftotext', ['-v']).error;

describeEachDialect("political centres' classes and their quarterly report", (dialect) => {
  let f: Fixture;
  let centreA: Awaited<ReturnType<typeof buildUnit>>;
  let centreB: Awaited<ReturnType<typeof buildUnit>>;
  let centreOrganizer: Session;
  let types: { id: number; code: string; name: string }[];
  let classId: number;

  beforeAll(async () => {
    f = await createTrainingFixture(dialect, '2026-04-15T03:00:00Z');
    centreA = await buildUnit(f.env.ctx, {
      name: 'Trung tâm Chính trị khu vực Tân Lập',
      kind: 'political_center',
      schoolLevel: null,
      parent: f.communeA,
    });
    centreB = await buildUnit(f.env.ctx, {
      name: 'Trung tâm Chính trị khu vực Hồng Phong',
      kind: 'political_center',
      schoolLevel: null,
      parent: f.communeB,
    });
    const u = await buildUser(f.env.ctx, { unit: centreA, roles: [{ role: 'organizer', unit: centreA }] });
    centreOrganizer = await login(f.env.app, u.username, u.password);
    types = (await f.organizer.request('GET', '/api/class-types')).json().items;
  });
  afterAll(async () => f.env.close());

  it('pre-fills the usual class types; only province organisers change the list', async () => {
    expect(types.map((t) => t.name)).toEqual([
      'Bồi dưỡng đối tượng kết nạp Đảng',
      'Bồi dưỡng đảng viên mới',
      'Nghiệp vụ công tác đoàn thể',
      'Bồi dưỡng chuyên đề',
      'Nghiệp vụ tuyên giáo',
      'Cập nhật kiến thức',
      'Phối hợp với Trường Chính trị tỉnh',
      'Sơ cấp lý luận chính trị',
    ]);
    expect((await centreOrganizer.request('POST', '/api/class-types', { code: 'X', name: 'Loại mới' })).statusCode).toBe(403);
    expect(
      (await f.organizer.request('POST', '/api/class-types', { code: 'QPAN', name: 'Bồi dưỡng kiến thức quốc phòng – an ninh' }))
        .statusCode,
    ).toBe(200);
  });

  it("runs a class: lecturers, trainees from the roster and typed in, completion and certificate, trainees' evaluation", async () => {
    const created = await centreOrganizer.request('POST', '/api/classes', {
      unitId: centreA.id,
      typeId: types[0].id,
      name: 'Lớp bồi dưỡng nhận thức về Đảng, khóa 1/2026',
      plannedStart: '2026-02-10',
      plannedEnd: '2026-02-14',
      actualStart: '2026-02-11',
      actualEnd: '2026-02-15',
      plannedTrainees: 60,
    });
    expect(created.statusCode, created.body).toBe(200);
    classId = created.json().id;
    expect(
      (
        await centreOrganizer.request('POST', '/api/classes', {
          unitId: centreB.id,
          typeId: types[0].id,
          name: 'Ngoài',
          plannedStart: '2026-02-10',
        })
      ).statusCode,
    ).toBe(404);
    const full = (
      await centreOrganizer.request('POST', '/api/lecturers', { unitId: centreA.id, fullName: 'Đinh Văn Chuyên', kind: 'full_time' })
    ).json().id;
    const part = (
      await centreOrganizer.request('POST', '/api/lecturers', {
        unitId: centreA.id,
        fullName: 'Lý Thị Kiêm',
        kind: 'part_time',
        workplace: 'Ban Tuyên giáo',
      })
    ).json().id;
    expect((await centreOrganizer.request('PUT', `/api/classes/${classId}/lecturers`, { lecturerIds: [full, part] })).statusCode).toBe(200);
    const added = await centreOrganizer.request('POST', `/api/classes/${classId}/trainees`, {
      personIds: f.teachersA.map((t) => t.person.id),
      entries: [{ fullName: 'Hà Văn Ngoài', workplace: 'UBND xã Tân Lập' }],
    });
    expect(added.json()).toEqual({ added: 4 });
    const detail = (await centreOrganizer.request('GET', `/api/classes/${classId}`)).json();
    expect(detail.trainees.map((t: { fullName: string; workplace: string }) => [t.fullName, t.workplace])).toEqual([
      ['Lê Thị An', 'Trường THCS Tân Lập'],
      ['Phạm Văn Bình', 'Trường THCS Tân Lập'],
      ['Võ Thị Cúc', 'Trường THCS Tân Lập'],
      ['Hà Văn Ngoài', 'UBND xã Tân Lập'],
    ]);
    for (const t of detail.trainees.slice(0, 3)) {
      const res = await centreOrganizer.request('PATCH', `/api/class-trainees/${t.id}`, {
        completed: true,
        certificateNo: `2026/KNĐ1/${t.id}`,
      });
      expect(res.statusCode).toBe(200);
    }

    const teacher = await f.teacherSession(0);
    const mine = (await teacher.request('GET', '/api/my/classes')).json().items;
    expect(mine).toMatchObject([
      {
        name: 'Lớp bồi dưỡng nhận thức về Đảng, khóa 1/2026',
        completed: true,
        lecturers: [
          { fullName: 'Đinh Văn Chuyên', myScore: null },
          { fullName: 'Lý Thị Kiêm', myScore: null },
        ],
      },
    ]);
    expect((await teacher.request('POST', `/api/classes/${classId}/evaluations`, { lecturerId: full, score: 5 })).statusCode).toBe(200);
    expect(
      (await teacher.request('POST', `/api/classes/${classId}/evaluations`, { lecturerId: full, score: 4, comment: 'Dễ hiểu' })).statusCode,
    ).toBe(200);
    const second = await f.teacherSession(1);
    await second.request('POST', `/api/classes/${classId}/evaluations`, { lecturerId: full, score: 5 });
    expect((await second.request('POST', `/api/classes/${classId}/evaluations`, { lecturerId: full, score: 9 })).statusCode).toBe(400);
    const outsider = await login(f.env.app, f.teachersB[0].username, f.teachersB[0].password);
    expect((await outsider.request('POST', `/api/classes/${classId}/evaluations`, { lecturerId: full, score: 1 })).statusCode).toBe(404);
    const lecturers = (await centreOrganizer.request('GET', `/api/classes/${classId}`)).json().lecturers;
    expect(
      lecturers.map((l: { fullName: string; evaluations: number; average: number | null }) => [l.fullName, l.evaluations, l.average]),
    ).toEqual([
      ['Đinh Văn Chuyên', 2, 4.5],
      ['Lý Thị Kiêm', 0, null],
    ]);
    const session = await centreOrganizer.request('POST', `/api/classes/${classId}/sessions`, {
      date: '2026-02-11',
      half: 'morning',
      topic: 'Lịch sử Đảng Cộng sản Việt Nam',
      lecturerId: full,
    });
    expect(session.statusCode, session.body).toBe(200);
    const ids = detail.trainees.map((t: { id: number }) => t.id);
    expect(
      (
        await centreOrganizer.request('PUT', `/api/class-sessions/${session.json().id}/attendance/${ids[3]}`, {
          status: 'absent',
          reason: 'Ốm',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await centreOrganizer.request('PUT', `/api/class-sessions/${session.json().id}/attendance/${ids[0]}`, { status: 'present' }))
        .statusCode,
    ).toBe(200);
    const sessions = (await centreOrganizer.request('GET', `/api/classes/${classId}/sessions`)).json().items;
    expect(sessions).toMatchObject([
      {
        date: '2026-02-11',
        half: 'morning',
        lecturerName: 'Đinh Văn Chuyên',
        marks: expect.arrayContaining([
          { traineeId: ids[3], status: 'absent', reason: 'Ốm' },
          { traineeId: ids[0], status: 'present', reason: null },
        ]),
      },
    ]);
    // A lecturer from the roster sees the class session in their own schedule.
    const fromRoster = (
      await f.organizer.request('POST', '/api/lecturers', { unitId: f.root.id, personId: f.teachersB[0].person.id, kind: 'part_time' })
    ).json().id;
    await centreOrganizer.request('POST', `/api/classes/${classId}/sessions`, {
      date: '2026-02-12',
      half: 'afternoon',
      topic: 'Đạo đức cách mạng',
      lecturerId: fromRoster,
    });
    const lecturerSession = await login(f.env.app, f.teachersB[0].username, f.teachersB[0].password);
    const schedule = (await lecturerSession.request('GET', '/api/my/training')).json().lecturing;
    expect(schedule).toMatchObject([
      {
        date: '2026-02-12',
        startsAt: '13:30',
        campaignName: 'Lớp bồi dưỡng nhận thức về Đảng, khóa 1/2026',
        topicName: 'Đạo đức cách mạng',
        siteName: 'Trung tâm Chính trị khu vực Tân Lập',
      },
    ]);
    // The principal of school A reads the province's training reports of their subtree only: the centre is not in it.
    expect((await f.principalA.request('GET', `/api/classes/${classId}`)).statusCode).toBe(404);
  });

  it('reports a quarter per centre, commune and province, in Excel and PDF, from the API and the command line', async () => {
    await centreOrganizer.request('POST', '/api/classes', {
      unitId: centreA.id,
      typeId: types[1].id,
      name: 'Lớp đảng viên mới 1/2026',
      plannedStart: '2026-03-25',
      actualStart: '2026-04-02',
      plannedTrainees: 40,
    });
    await f.organizer.request('POST', '/api/classes', {
      unitId: centreB.id,
      typeId: types[6].id,
      name: 'Lớp trung cấp LLCT K12',
      plannedStart: '2026-03-01',
      actualStart: '2026-03-02',
      plannedTrainees: 80,
    });
    const province = (await f.organizer.request('GET', '/api/class-reports?year=2026&quarter=1')).json();
    expect(province.total).toMatchObject({
      plannedClasses: 3,
      openedClasses: 2,
      trainees: 4,
      plannedTrainees: 180,
      completed: 3,
      certificates: 3,
    });
    expect(province.summary).toBe(
      'Quý I năm 2026: mở 2 lớp (kế hoạch 3), 4 lượt học viên; trong đó bồi dưỡng đối tượng kết nạp Đảng 1 lớp, '
        + 'phối hợp với Trường Chính trị tỉnh 1 lớp.',
    );
    const centre = (await centreOrganizer.request('GET', '/api/class-reports?year=2026&quarter=1')).json();
    expect(centre.unitName).toBe('Trung tâm Chính trị khu vực Tân Lập');
    expect(centre.total).toMatchObject({ plannedClasses: 2, openedClasses: 1 });
    expect(centre.lecturers).toEqual([
      {
        lecturerId: expect.any(Number),
        lecturerName: 'Đinh Văn Chuyên',
        lecturerKind: 'full_time',
        classes: 1,
        evaluations: 2,
        average: 4.5,
      },
    ]);
    expect((await centreOrganizer.request('GET', `/api/class-reports?year=2026&quarter=1&unitId=${centreB.id}`)).statusCode).toBe(404);
    expect((await f.teacherSession(2).then((s) => s.request('GET', '/api/class-reports?year=2026'))).statusCode).toBe(403);

    const xlsx = await f.organizer.request('GET', `/api/class-reports.xlsx?year=2026&quarter=1&unitId=${f.communeA.id}`);
    expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('Quý I năm 2026'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Báo cáo')!;
    expect(sheet.getCell('A1').value).toBe('BÁO CÁO KẾT QUẢ MỞ LỚP BỒI DƯỠNG');
    expect(sheet.getCell('A2').value).toBe('Xã Tân Lập');
    expect(sheet.getRow(6).values).toEqual([
      undefined,
      'STT',
      'Loại lớp',
      'Số lớp kế hoạch',
      'Số lớp đã mở',
      'Học viên kế hoạch',
      'Lượt học viên',
      'Hoàn thành',
      'Cấp chứng chỉ',
    ]);
    const totalRow = sheet.getRow(6 + 10);
    expect(totalRow.getCell(2).value).toBe('Tổng cộng');
    expect([3, 4, 5, 6, 7, 8].map((c) => totalRow.getCell(c).value)).toEqual([2, 1, 100, 4, 3, 3]);

    const pdf = await f.organizer.request('GET', '/api/class-reports.pdf?year=2026&quarter=1');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (hasPdftotext) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-'));
      fs.writeFileSync(path.join(dir, 'bc.pdf'), pdf.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path.join(dir, 'bc.pdf'), '-'], { encoding: 'utf8' }).normalize(
        'NFC',
      );
      fs.rmSync(dir, { recursive: true, force: true });
      expect(text).toContain('BÁO CÁO KẾT QUẢ MỞ LỚP BỒI DƯỠNG');
      expect(text).toContain('Quý I năm 2026');
      expect(text).toMatch(/Tổng cộng\s+3\s+2\s+180\s+4\s+3\s+3/);
      expect(text).toMatch(/Đinh Văn Chuyên\s+Chuyên trách\s+1\s+2\s+4,50/);
    }
  });
});
