import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.ts';
import { createTrainingFixture } from '../../test/training-fixture.ts';
import { missingRequiredAttendance } from './repository.ts';
import { buildPublishedAssessment } from '../../test/assessment-builders.ts';
import { buildUser } from '../../test/builders.ts';
import { login } from '../../test/harness.ts';

type Fixture = Awaited<ReturnType<typeof createTrainingFixture>>;
const hasPdftotext = !spawnSync('pdftotext', ['-v']).error;

describeEachDialect('sites, sessions and attendance', (dialect) => {
  let f: Fixture;
  let campaignId: number;
  let siteA: number;
  let siteB: number;
  let sessions: number[];
  let surveyId: number;

  beforeAll(async () => {
    // 6 July 2026, 05:00 in Vietnam: the day of the sessions, before they start (sign-ins stay valid all day).
    f = await createTrainingFixture(dialect, '2026-07-05T22:00:00Z');
    campaignId = (
      await f.organizer.request('POST', '/api/campaigns', {
        name: 'Bồi dưỡng chính trị hè 2026',
        schoolYear: '2025–2026',
        unitId: f.root.id,
        attendanceRequiredPercent: 100,
      })
    ).json().id;
  });
  afterAll(async () => f.env.close());

  it('assigns people by unit subtree, moves them between sites, warns above capacity', async () => {
    const a = await f.organizer.request('POST', `/api/campaigns/${campaignId}/sites`, {
      name: 'Điểm cầu THCS Tân Lập',
      unitId: f.schoolA.id,
      address: 'Phòng họp tầng 2',
      capacity: 3,
      onlineUrl: 'https://hop.example.vn/tan-lap',
    });
    expect(a.statusCode, a.body).toBe(200);
    siteA = a.json().id;
    siteB = (
      await f.organizer.request('POST', `/api/campaigns/${campaignId}/sites`, { name: 'Điểm cầu Hồng Phong', unitId: f.schoolB.id })
    ).json().id;

    // Everyone of commune A (3 teachers, principal, proctor) lands at site A: above its capacity of 3.
    const byUnit = (await f.organizer.request('POST', `/api/sites/${siteA}/participants`, { unitId: f.communeA.id })).json();
    expect(byUnit).toMatchObject({ added: 5, moved: 0, total: 5, capacity: 3, overCapacity: true });
    // The principal and the proctor are moved to site B, by list.
    const principalId = (
      await f.env.ctx.db.selectFrom('people').select('id').where('full_name', '=', 'Ngô Văn Hiệu').executeTakeFirstOrThrow()
    ).id;
    const moved = (
      await f.organizer.request('POST', `/api/sites/${siteB}/participants`, {
        personIds: [principalId, f.proctorUser.person.id, ...f.teachersB.map((t) => t.person.id)],
      })
    ).json();
    expect(moved).toMatchObject({ added: 2, moved: 2, total: 4 });
    const listA = (await f.organizer.request('GET', `/api/sites/${siteA}/participants`))
      .json()
      .items.map((p: { fullName: string }) => p.fullName);
    expect(listA).toEqual(['Lê Thị An', 'Phạm Văn Bình', 'Võ Thị Cúc']);
    // A commune organiser sees the province's campaign (it has their people) but cannot change its sites.
    expect((await f.communeOrganizer.request('POST', `/api/sites/${siteA}/participants`, { unitId: f.communeB.id })).statusCode).toBe(403);
    expect((await f.organizer.request('PUT', `/api/sites/${siteA}/proctors`, { personIds: [f.proctorUser.person.id] })).statusCode).toBe(
      200,
    );
  });

  it('schedules sessions and prints the site schedule as a PDF', async () => {
    const topic = (await f.organizer.request('POST', `/api/campaigns/${campaignId}/topics`, { name: 'Chuyên đề năm 2026 của tỉnh' })).json()
      .id;
    const lecturer = (
      await f.organizer.request('POST', '/api/lecturers', {
        unitId: f.root.id,
        fullName: 'Trần Thị Giảng',
        title: 'TS.',
        kind: 'full_time',
      })
    ).json().id;
    sessions = [];
    for (const [date, start, end] of [
      ['2026-07-06', '07:30', '11:00'],
      ['2026-07-06', '13:30', '17:00'],
    ]) {
      const res = await f.organizer.request('POST', `/api/sites/${siteA}/sessions`, {
        date,
        startsAt: start,
        endsAt: end,
        topicId: topic,
        lecturerId: lecturer,
      });
      expect(res.statusCode, res.body).toBe(200);
      sessions.push(res.json().id);
    }
    await f.organizer.request('POST', `/api/sites/${siteB}/sessions`, {
      date: '2026-07-06',
      startsAt: '07:30',
      endsAt: '11:00',
      topicId: topic,
    });
    const bad = await f.organizer.request('POST', `/api/sites/${siteA}/sessions`, {
      date: '2026-07-06',
      startsAt: '11:00',
      endsAt: '07:30',
    });
    expect(bad.json().message).toBe('Giờ kết thúc phải sau giờ bắt đầu.');

    const pdf = await f.organizer.request('GET', `/api/sites/${siteA}/schedule.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (hasPdftotext) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lich-'));
      fs.writeFileSync(path.join(dir, 'lich.pdf'), pdf.rawPayload);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'lich.pdf'), '-'], { encoding: 'utf8' })
        .normalize('NFC')
        .replace(/\s+/g, ' ');
      fs.rmSync(dir, { recursive: true, force: true });
      expect(text).toContain('LỊCH BỒI DƯỠNG');
      expect(text).toContain('Điểm cầu: Điểm cầu THCS Tân Lập');
      expect(text).toContain('Thứ Hai, 06/07/2026');
      expect(text).toContain('13:30–17:00');
      expect(text).toContain('TS. Trần Thị Giảng');
      expect(text).toContain('Giám sát: Bùi Thị Giám');
      expect(text).toContain('Số học viên: 3 / sức chứa 3');
    }
    // The lecturer record has no account; a participant sees the schedule of their own site.
    const teacher = await f.teacherSession(0);
    const mine = (await teacher.request('GET', '/api/my/training')).json();
    expect(mine.campaigns).toHaveLength(1);
    expect(mine.campaigns[0].site).toMatchObject({ name: 'Điểm cầu THCS Tân Lập', onlineUrl: 'https://hop.example.vn/tan-lap' });
    expect(mine.campaigns[0].sessions.map((s: { startsAt: string; lecturerName: string }) => `${s.startsAt} ${s.lecturerName}`)).toEqual([
      '07:30 Trần Thị Giảng',
      '13:30 Trần Thị Giảng',
    ]);
  });

  it("lets the site's proctor mark attendance with reasons, and participants check in with the code during the session only", async () => {
    const [an, binh, cuc] = f.teachersA.map((t) => t.person.id);
    const list = (await f.proctor.request('GET', `/api/training-sessions/${sessions[0]}/attendance`)).json();
    expect(list.canMark).toBe(true);
    expect(list.items.map((i: { fullName: string; status: string | null }) => [i.fullName, i.status])).toEqual([
      ['Lê Thị An', null],
      ['Phạm Văn Bình', null],
      ['Võ Thị Cúc', null],
    ]);
    const absent = await f.proctor.request('PUT', `/api/training-sessions/${sessions[0]}/attendance/${cuc}`, {
      status: 'absent',
      reason: 'Nghỉ thai sản',
    });
    expect(absent.statusCode, absent.body).toBe(200);
    // Someone who is not at this site cannot be marked here.
    expect(
      (await f.proctor.request('PUT', `/api/training-sessions/${sessions[0]}/attendance/${f.outsider.id}`, { status: 'present' }))
        .statusCode,
    ).toBe(404);
    // The principal reads but does not mark; the commune-B organiser does not see the site.
    expect(
      (await f.principalA.request('PUT', `/api/training-sessions/${sessions[0]}/attendance/${an}`, { status: 'present' })).statusCode,
    ).toBe(403);
    expect((await f.communeOrganizer.request('GET', `/api/training-sessions/${sessions[0]}/attendance`)).json().items).toEqual([]);

    const display = (await f.proctor.request('POST', `/api/training-sessions/${sessions[0]}/checkin-code`)).json();
    expect(display.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(display.qrSvg).toContain('<svg');
    expect(display.url).toContain(`/cua-toi/diem-danh?ma=${display.code}`);
    const teacherAn = await f.teacherSession(0);
    const early = await teacherAn.request('POST', '/api/checkin', { code: display.code });
    expect(early.json().message).toBe('Chưa đến giờ điểm danh: buổi học bắt đầu lúc 07:30.');
    f.clock.set('2026-07-06T00:20:00Z'); // 07:20 in Vietnam
    const onTime = await teacherAn.request('POST', '/api/checkin', { code: display.code.toLowerCase() });
    expect(onTime.json()).toMatchObject({ status: 'present', already: false, siteName: 'Điểm cầu THCS Tân Lập' });
    f.clock.set('2026-07-06T01:00:00Z'); // 08:00: late
    const teacherBinh = await f.teacherSession(1);
    expect((await teacherBinh.request('POST', '/api/checkin', { code: display.code })).json().status).toBe('late');
    const stranger = await f.env.app.inject({ method: 'POST', url: '/api/checkin', payload: { code: display.code } });
    expect(stranger.statusCode).toBe(401);
    f.clock.set('2026-07-06T04:30:00Z'); // 11:30: session 1 over
    expect((await teacherAn.request('POST', '/api/checkin', { code: display.code })).statusCode).toBe(409);
    expect((await teacherAn.request('POST', '/api/checkin', { code: 'ZZZZZZ' })).statusCode).toBe(404);
    // Guessing codes: after ten wrong ones in 15 minutes check-in pauses for that account, even with the right code.
    const teacherCuc = await f.teacherSession(2);
    for (let i = 0; i < 10; i++)
      expect((await teacherCuc.request('POST', '/api/checkin', { code: `ZZZZ${'23456789AB'[i]}2` })).statusCode).toBe(404);
    const paused = await teacherCuc.request('POST', '/api/checkin', { code: display.code });
    expect(paused.statusCode).toBe(429);
    expect(paused.json().message).toContain('nhập sai mã điểm danh quá nhiều lần');
    f.clock.set('2026-07-06T04:50:00Z'); // 20 minutes later the pause is over (session 1 has ended by now)
    expect((await teacherCuc.request('POST', '/api/checkin', { code: display.code })).statusCode).toBe(409);
    f.clock.set('2026-07-06T04:30:00Z');

    f.clock.set('2026-07-06T09:00:00Z'); // 16:00: both sessions of site A started, site B's too
    await f.proctor.request('PUT', `/api/training-sessions/${sessions[1]}/attendance/${an}`, { status: 'present' });
    await f.proctor.request('PUT', `/api/training-sessions/${sessions[1]}/attendance/${binh}`, { status: 'absent', reason: 'Ốm' });
    const marked = await f.env.ctx.db
      .selectFrom('attendance')
      .select(['person_id', 'status', 'via', 'reason'])
      .where('session_id', '=', sessions[0])
      .orderBy('person_id')
      .execute();
    expect(marked).toEqual([
      { person_id: an, status: 'present', via: 'self', reason: null },
      { person_id: binh, status: 'late', via: 'self', reason: null },
      { person_id: cuc, status: 'absent', via: 'proctor', reason: 'Nghỉ thai sản' },
    ]);
  });

  it("reports rates per site and unit; a principal of school A never sees school B's attendance", async () => {
    const allRes = await f.organizer.request('GET', `/api/campaigns/${campaignId}/attendance`);
    expect(allRes.statusCode, allRes.body).toBe(200);
    const all = allRes.json();
    // Site A: 3 people × 2 sessions = 6 expected, 3 attended (An ×2, Bình late ×1). Site B: 4 × 1 = 4 expected, none marked.
    expect(all.total).toMatchObject({ participants: 7, expected: 10, present: 2, late: 1, absent: 2, unmarked: 5 });
    expect(all.total.rate).toBeCloseTo(30);
    expect(all.sites.map((s: { siteName: string; rate: number }) => [s.siteName, s.rate])).toEqual([
      ['Điểm cầu Hồng Phong', 0],
      ['Điểm cầu THCS Tân Lập', 50],
    ]);
    expect(all.units.map((u: { unitName: string; participants: number }) => [u.unitName, u.participants])).toEqual([
      ['Trường THCS Hồng Phong', 2],
      ['Trường THCS Tân Lập', 5],
    ]);

    const principal = (await f.principalA.request('GET', `/api/campaigns/${campaignId}/attendance`)).json();
    expect(principal.units.map((u: { unitName: string }) => u.unitName)).toEqual(['Trường THCS Tân Lập']);
    expect(principal.total.participants).toBe(5);
    const siteBList = (await f.principalA.request('GET', `/api/sites/${siteB}/participants`))
      .json()
      .items.map((p: { fullName: string }) => p.fullName);
    expect(siteBList).toEqual(['Bùi Thị Giám', 'Ngô Văn Hiệu']);
    const absentees = (await f.principalA.request('GET', `/api/campaigns/${campaignId}/absentees`)).json().items;
    expect(absentees.every((r: { unitName: string }) => r.unitName === 'Trường THCS Tân Lập')).toBe(true);
    // Sorted by given name, as Vietnamese lists are.
    expect(absentees.map((r: { fullName: string; status: string; reason: string | null }) => [r.fullName, r.status, r.reason])).toEqual([
      ['Phạm Văn Bình', 'absent', 'Ốm'],
      ['Võ Thị Cúc', 'absent', 'Nghỉ thai sản'],
      ['Võ Thị Cúc', 'unmarked', null],
      ['Bùi Thị Giám', 'unmarked', null],
      ['Ngô Văn Hiệu', 'unmarked', null],
    ]);
    expect(
      (await f.communeOrganizer.request('GET', `/api/campaigns/${campaignId}/absentees`))
        .json()
        .items.every((r: { unitName: string }) => r.unitName === 'Trường THCS Hồng Phong'),
    ).toBe(true);

    const xlsx = await f.organizer.request('GET', `/api/campaigns/${campaignId}/absentees.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Vắng mặt')!;
    expect(sheet.getCell('A1').value).toBe('DANH SÁCH VẮNG MẶT');
    expect(sheet.getRow(5).getCell(2).value).toBe('Họ và tên');
    expect(sheet.rowCount - 5).toBe(all.total.absent + all.total.unmarked);
  });

  it("tells which people may not take the survey under the campaign's attendance rule", async () => {
    const [an, binh, cuc] = f.teachersA.map((t) => t.person.id);
    const db = f.env.ctx.db;
    // 100 %: only An attended both sessions; the outsider has no site at all.
    expect([...(await missingRequiredAttendance(db, campaignId, [an, binh, cuc, f.outsider.id]))].sort()).toEqual(
      [binh, cuc, f.outsider.id].sort(),
    );
    await f.organizer.request('PATCH', `/api/campaigns/${campaignId}`, { attendanceRequiredPercent: 50 });
    expect([...(await missingRequiredAttendance(db, campaignId, [an, binh, cuc]))]).toEqual([cuc]);
    await f.organizer.request('PATCH', `/api/campaigns/${campaignId}`, { attendanceRequiredPercent: null });
    expect((await missingRequiredAttendance(db, campaignId, [an, binh, cuc, f.outsider.id])).size).toBe(0);
  });

  it("keeps people who missed the required sessions from starting the campaign's survey, with the reason", async () => {
    await f.organizer.request('PATCH', `/api/campaigns/${campaignId}`, { attendanceRequiredPercent: 50 });
    const opens = new Date(f.clock.now().getTime() - 3_600_000).toISOString();
    const closes = new Date(f.clock.now().getTime() + 3_600_000).toISOString();
    const { id } = await buildPublishedAssessment(f.env.ctx, { targets: [f.schoolA], campaignId, opensAt: opens, closesAt: closes });
    const cuc = await f.teacherSession(2);
    const refused = await cuc.request('POST', `/api/my/assessments/${id}/start`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/^Bạn chưa đủ điều kiện làm bài: đợt ".+" yêu cầu tham dự ít nhất 50% số buổi học/);
    const an = await f.teacherSession(0);
    expect((await an.request('POST', `/api/my/assessments/${id}/start`)).statusCode).toBe(200);
    surveyId = id;
  });

  it("watches the survey by site: the organiser filters one, a site's proctor sees only that site", async () => {
    const bySite = (await f.organizer.request('GET', `/api/assessments/${surveyId}/monitor?siteId=${siteA}`)).json();
    expect(bySite.sites.map((x: { id: number }) => x.id).sort()).toEqual([siteA, siteB].sort());
    expect(bySite.people.map((p: { fullName: string }) => p.fullName).sort()).toEqual(['Lê Thị An', 'Phạm Văn Bình', 'Võ Thị Cúc']);
    expect(bySite.counts).toMatchObject({ eligible: 3, inProgress: 1 });
    // Someone with no role at all, made proctor of site B: the eligible people seated there, nothing else.
    const watcher = await buildUser(f.env.ctx, { unit: f.schoolB, fullName: 'Đinh Văn Canh' });
    await f.organizer.request('PUT', `/api/sites/${siteB}/proctors`, { personIds: [watcher.person.id] });
    const session = await login(f.env.app, watcher.username, watcher.password);
    const own = (await session.request('GET', `/api/assessments/${surveyId}/monitor`)).json();
    expect(own.siteId).toBe(siteB);
    expect(own.people.map((p: { fullName: string }) => p.fullName).sort()).toEqual(['Bùi Thị Giám', 'Ngô Văn Hiệu']);
    expect((await session.request('GET', `/api/assessments/${surveyId}/monitor?siteId=${siteA}`)).statusCode).toBe(404);
  });
});
