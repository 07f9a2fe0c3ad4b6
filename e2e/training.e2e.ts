import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Actor } from '../src/domain/roles.ts';
import { reportPeriod } from '../src/domain/training/class-report.ts';
import { addTrainees, createClass, listClassTypes, updateTrainee } from '../src/server/modules/classes/service.ts';
import { checkinDisplay } from '../src/server/modules/attendance/service.ts';
import { findRootUnit } from '../src/server/modules/units/repository.ts';
import { createSession, setProctors } from '../src/server/modules/sites/service.ts';
import { buildUnit, buildUser } from '../src/server/test/builders.ts';
import { AttendancePage } from './page-models/attendance-page.ts';
import { CampaignPage } from './page-models/campaign-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { launchChromium, startTestServer } from './support/server.ts';

describe('organiser runs a campaign with two sites; a proctor marks attendance and a participant checks in on a phone; the quarterly report matches the database', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let desktop: Page;
  let organizer: Awaited<ReturnType<typeof buildUser>>;
  let proctor: Awaited<ReturnType<typeof buildUser>>;
  let teacherB: Awaited<ReturnType<typeof buildUser>>;
  let actor: Actor;
  const teachersA = ['Lê Thị An', 'Phạm Văn Bình', 'Võ Thị Cúc'];

  beforeAll(async () => {
    server = await startTestServer();
    const ctx = server.ctx;
    const root = (await findRootUnit(ctx.db))!;
    const commune = await buildUnit(ctx, { name: 'Xã Tân Lập', kind: 'commune', schoolLevel: null });
    const schoolA = await buildUnit(ctx, { name: 'Trường THCS Tân Lập', parent: commune, schoolLevel: 'thcs' });
    const schoolB = await buildUnit(ctx, { name: 'Trường Tiểu học Hồng Phong', parent: commune });
    const centre = await buildUnit(ctx, {
      name: 'Trung tâm Chính trị khu vực Tân Lập',
      kind: 'political_center',
      schoolLevel: null,
      parent: commune,
    });
    for (const name of teachersA) await buildUser(ctx, { unit: schoolA, fullName: name });
    teacherB = await buildUser(ctx, { unit: schoolB, fullName: 'Đỗ Văn Dũng' });
    organizer = await buildUser(ctx, { unit: root, roles: [{ role: 'organizer', unit: root }], fullName: 'Trịnh Văn Tổ' });
    proctor = await buildUser(ctx, { unit: centre, roles: [{ role: 'proctor', unit: schoolA }], fullName: 'Bùi Thị Giám' });
    actor = {
      userId: organizer.userId,
      personId: organizer.person.id,
      username: organizer.username,
      grants: [{ role: 'organizer', unitId: root.id, unitPath: root.path }],
    };

    // Two classes opened this quarter at the centre, one planned for later; trainees typed in.
    const today = new Date().toISOString().slice(0, 10);
    const types = await listClassTypes(ctx, actor);
    for (const [i, opened] of [true, true, false].entries()) {
      const { id } = await createClass(ctx, actor, {
        unitId: centre.id,
        typeId: types[i].id,
        name: `Lớp thử ${i + 1}`,
        plannedStart: today,
        actualStart: opened ? today : null,
        plannedTrainees: 30,
      });
      if (opened) {
        await addTrainees(ctx, actor, id, { entries: Array.from({ length: 5 + i * 3 }, (_, k) => ({ fullName: `Học Viên Số ${i}${k}` })) });
        const first = await ctx.db
          .selectFrom('class_trainees')
          .select('id')
          .where('class_id', '=', id)
          .orderBy('id')
          .executeTakeFirstOrThrow();
        await updateTrainee(ctx, actor, first.id, { completed: true, certificateNo: `CC-${i}` });
      }
    }
    browser = await launchChromium();
    desktop = await browser.newPage({ viewport: { width: 1366, height: 850 }, locale: 'vi-VN', acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("creates the campaign and its two sites, and puts each school's people on its site", async () => {
    await new LoginPage(desktop, server.url).signIn(organizer.username, organizer.password);
    await desktop
      .getByRole('menuitem', { name: /Đợt bồi dưỡng/ })
      .first()
      .waitFor();
    const campaign = new CampaignPage(desktop, server.url);
    await campaign.create('Bồi dưỡng chính trị hè năm học 2025–2026');
    await campaign.openTab('Điểm cầu và lịch học');
    await campaign.addSite('Điểm cầu THCS Tân Lập', 'Trường THCS Tân Lập', 40);
    await campaign.addSite('Điểm cầu TH Hồng Phong', 'Trường Tiểu học Hồng Phong', 30);
    await campaign.assignUnitToSite('Điểm cầu THCS Tân Lập', 'Trường THCS Tân Lập');
    await campaign.assignUnitToSite('Điểm cầu TH Hồng Phong', 'Trường Tiểu học Hồng Phong');

    const stored = await server.ctx.db.selectFrom('campaigns').select(['id', 'attendance_required_percent']).executeTakeFirstOrThrow();
    expect(stored.attendance_required_percent).toBe(100);
    const sites = await server.ctx.db
      .selectFrom('sites')
      .innerJoin('site_participants', 'site_participants.site_id', 'sites.id')
      .innerJoin('people', 'people.id', 'site_participants.person_id')
      .select(['sites.name', 'people.full_name'])
      .orderBy('sites.name')
      .orderBy('people.full_name')
      .execute();
    expect(sites.map((r) => `${r.name}: ${r.full_name}`)).toEqual([
      'Điểm cầu TH Hồng Phong: Đỗ Văn Dũng',
      ...teachersA.map((t) => `Điểm cầu THCS Tân Lập: ${t}`),
    ]);

    // The session (today, all day) and the proctor are set through the services.
    const site = await server.ctx.db.selectFrom('sites').select('id').where('name', '=', 'Điểm cầu THCS Tân Lập').executeTakeFirstOrThrow();
    const vnToday = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    await createSession(server.ctx, actor, site.id, { date: vnToday, startsAt: '00:00', endsAt: '23:59' });
    await setProctors(server.ctx, actor, site.id, [proctor.person.id]);
    const siteB = await server.ctx.db
      .selectFrom('sites')
      .select('id')
      .where('name', '=', 'Điểm cầu TH Hồng Phong')
      .executeTakeFirstOrThrow();
    await createSession(server.ctx, actor, siteB.id, { date: vnToday, startsAt: '00:00', endsAt: '23:59' });
  });

  it('lets the proctor mark the site on a phone: one absent with a reason, one late, the rest present', async () => {
    const phone = await browser.newPage({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
    });
    await new LoginPage(phone, server.url).signIn(proctor.username, proctor.password);
    await phone.getByRole('button', { name: 'Mở menu' }).waitFor();
    const list = new AttendancePage(phone, server.url);
    await list.openFirstSession();
    await list.mark('Võ Thị Cúc', 'Vắng');
    await list.reason('Võ Thị Cúc', 'Nghỉ thai sản');
    await list.mark('Phạm Văn Bình', 'Muộn');
    await list.markRestPresent();
    await phone.getByText('Có mặt 1').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const marks = await server.ctx.db
      .selectFrom('attendance')
      .innerJoin('people', 'people.id', 'attendance.person_id')
      .select(['people.full_name', 'attendance.status', 'attendance.reason'])
      .orderBy('people.full_name')
      .execute();
    expect(marks).toEqual([
      { full_name: 'Lê Thị An', status: 'present', reason: null },
      { full_name: 'Phạm Văn Bình', status: 'late', reason: null },
      { full_name: 'Võ Thị Cúc', status: 'absent', reason: 'Nghỉ thai sản' },
    ]);
    await phone.close();
  });

  it('lets a participant check in on a phone by scanning the QR code shown at the site', async () => {
    const session = await server.ctx.db
      .selectFrom('training_sessions')
      .innerJoin('sites', 'sites.id', 'training_sessions.site_id')
      .select('training_sessions.id')
      .where('sites.name', '=', 'Điểm cầu TH Hồng Phong')
      .executeTakeFirstOrThrow();
    const display = await checkinDisplay(server.ctx, actor, session.id, server.url);
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'vi-VN' });
    await new LoginPage(phone, server.url).signIn(teacherB.username, teacherB.password);
    // A participant lands on their own light pages.
    await phone.getByRole('heading', { name: 'Bài khảo sát của tôi' }).waitFor();
    await phone.goto(display.url);
    await phone.getByText('Đã điểm danh: Đi muộn').or(phone.getByText('Đã điểm danh: Có mặt')).waitFor();
    const mark = await server.ctx.db
      .selectFrom('attendance')
      .select(['via', 'status'])
      .where('session_id', '=', session.id)
      .where('person_id', '=', teacherB.person.id)
      .executeTakeFirstOrThrow();
    expect(mark.via).toBe('self');
    await phone.close();
  });

  it('downloads the quarterly report whose figures match the database', async () => {
    await desktop.goto(`${server.url}/bao-cao-lop`);
    await desktop
      .getByText(/lượt học viên/)
      .first()
      .waitFor();
    const [download] = await Promise.all([desktop.waitForEvent('download'), desktop.getByRole('button', { name: 'Tải Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Báo cáo lớp bồi dưỡng - .* - Quý (I|II|III|IV) năm \d{4}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Báo cáo')!;
    let total: number[] = [];
    sheet.eachRow((row) => {
      if (row.getCell(2).value === 'Tổng cộng') total = [3, 4, 5, 6, 7, 8].map((c) => Number(row.getCell(c).value));
    });

    const now = new Date();
    const period = reportPeriod(now.getFullYear(), Math.floor(now.getMonth() / 3) + 1);
    const db = server.ctx.db;
    const count = async (q: Promise<{ n: number | string } | undefined>) => Number((await q)?.n ?? 0);
    const planned = await count(
      db
        .selectFrom('training_classes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('planned_start', '>=', period.from)
        .where('planned_start', '<=', period.to)
        .executeTakeFirst(),
    );
    const opened = await count(
      db
        .selectFrom('training_classes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('actual_start', '>=', period.from)
        .where('actual_start', '<=', period.to)
        .executeTakeFirst(),
    );
    const trainees = await count(
      db
        .selectFrom('class_trainees')
        .innerJoin('training_classes', 'training_classes.id', 'class_trainees.class_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('actual_start', '>=', period.from)
        .where('actual_start', '<=', period.to)
        .executeTakeFirst(),
    );
    const completed = await count(
      db
        .selectFrom('class_trainees')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('completed', '=', 1)
        .executeTakeFirst(),
    );
    expect([planned, opened, trainees, completed]).toEqual([3, 2, 13, 2]);
    expect([total[0], total[1], total[2], total[3], total[4]]).toEqual([planned, opened, 90, trainees, completed]);
  });
});
