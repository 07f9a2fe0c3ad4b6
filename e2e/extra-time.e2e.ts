import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatDateTimeVi } from '../src/domain/datetime.ts';
import { findRootUnit } from '../src/server/modules/units/repository.ts';
import { buildPublishedAssessment } from '../src/server/test/assessment-builders.ts';
import { buildUnit, buildUser } from '../src/server/test/builders.ts';
import { ExamPage } from './page-models/exam-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { MonitorPage } from './page-models/monitor-page.ts';
import { RosterPage } from './page-models/roster-page.ts';
import { launchChromium, startTestServer } from './support/server.ts';

const MIN = 60_000;

describe('the organiser gives a teacher 30 extra minutes before the survey; her exam counts down the longer time', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let desktop: Page;
  let organizer: Awaited<ReturnType<typeof buildUser>>;
  let teacher: Awaited<ReturnType<typeof buildUser>>;
  let assessmentId: number;

  beforeAll(async () => {
    server = await startTestServer();
    const root = (await findRootUnit(server.ctx.db))!;
    const school = await buildUnit(server.ctx, { name: 'Trường PTDTBT Tiểu học Pa Vệ Sủ', schoolLevel: 'tieu_hoc' });
    organizer = await buildUser(server.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }], fullName: 'Trịnh Văn Tổ' });
    teacher = await buildUser(server.ctx, { unit: school, fullName: 'Giàng Thị Dua' });
    await buildUser(server.ctx, { unit: school, fullName: 'Lò Văn Pả' });
    // Opens tomorrow: the extra time is set before the survey.
    const now = Date.now();
    assessmentId = (
      await buildPublishedAssessment(server.ctx, {
        targets: [school],
        title: 'Khảo sát chính trị hè 2026',
        durationMin: 60,
        opensAt: new Date(now + 24 * 60 * MIN).toISOString(),
        closesAt: new Date(now + 48 * 60 * MIN).toISOString(),
      })
    ).id;
    browser = await launchChromium();
    desktop = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a default in the person form, +30 minutes for this survey on the monitor page (audited); her deadline is 90 minutes away', async () => {
    await new LoginPage(desktop, server.url).signIn(organizer.username, organizer.password);
    await desktop
      .getByRole('menuitem', { name: /Bài khảo sát$/ })
      .first()
      .waitFor();
    // A colleague's default, in the person form: 15 minutes in every survey.
    await desktop.goto(`${server.url}/nhan-su`);
    const form = await new RosterPage(desktop).editPerson('Lò Văn Pả');
    await form.getByRole('spinbutton', { name: 'Thời gian cộng thêm khi làm khảo sát (phút)' }).fill('15');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.waitFor({ state: 'hidden' });
    await expect
      .poll(
        async () =>
          (await server.ctx.db.selectFrom('people').select('extra_minutes').where('full_name', '=', 'Lò Văn Pả').executeTakeFirstOrThrow())
            .extra_minutes,
      )
      .toBe(15);

    const monitor = new MonitorPage(desktop, server.url);
    await monitor.open(assessmentId);
    await monitor.search('Giàng Thị Dua');
    await monitor.setExtraTime('Giàng Thị Dua', 30, 'Giáo viên khuyết tật vận động');
    await monitor.personRow('Giàng Thị Dua').getByText('Cộng thêm 30 phút (riêng bài này)').waitFor();
    await desktop.screenshot({ path: '/tmp/extra-time-monitor.png' });
    await monitor.search('Lò Văn Pả');
    await monitor.personRow('Lò Văn Pả').getByText('Cộng thêm 15 phút').waitFor();
    const audit = await server.ctx.db.selectFrom('audit_log').select('summary').where('action', '=', 'assessment.extra_time').execute();
    expect(audit.map((a) => a.summary)).toEqual([
      'Đặt thời gian cộng thêm 30 phút cho Giàng Thị Dua khi làm "Khảo sát chính trị hè 2026" ' + '(lý do: Giáo viên khuyết tật vận động)',
    ]);

    // The survey opens.
    await server.ctx.db
      .updateTable('assessments')
      .set({ opens_at: new Date(Date.now() - MIN).toISOString() })
      .where('id', '=', assessmentId)
      .execute();

    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      hasTouch: true,
      isMobile: true,
    });
    const phone = await context.newPage();
    await new LoginPage(phone, server.url).signIn(teacher.username, teacher.password);
    await phone.getByRole('heading', { name: 'Bài khảo sát của tôi' }).waitFor();
    await phone.getByText('10 câu · 60 phút (+30 phút cộng thêm)').waitFor();
    await phone.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    const dialog = phone.getByRole('dialog', { name: 'Bắt đầu làm bài?' });
    await dialog.getByText('Bạn được cộng thêm 30 phút').waitFor();
    await phone.screenshot({ path: '/tmp/extra-time-start.png' });
    await dialog.getByRole('button', { name: 'Bắt đầu', exact: true }).click();
    await phone.waitForURL(/\/thi\/bai-lam\/\d+/);
    const exam = new ExamPage(phone);
    await exam.waitForQuestion(1);
    const left = await exam.timeLeftSeconds();
    expect(left).toBeGreaterThan(89 * 60);
    expect(left).toBeLessThanOrEqual(90 * 60);

    const attemptId = Number(/bai-lam\/(\d+)/.exec(phone.url())![1]);
    const attempt = await server.ctx.db
      .selectFrom('attempts')
      .select(['started_at', 'deadline_at'])
      .where('id', '=', attemptId)
      .executeTakeFirstOrThrow();
    expect(Date.parse(attempt.deadline_at) - Date.parse(attempt.started_at)).toBe(90 * MIN);
    await context.close();

    // The monitor shows her real deadline.
    await monitor.search('Giàng Thị Dua');
    await desktop.getByRole('button', { name: 'Tải lại' }).click();
    await monitor.personRow('Giàng Thị Dua').getByText('Đang làm').waitFor();
    expect(await monitor.personRow('Giàng Thị Dua').innerText()).toContain(formatDateTimeVi(attempt.deadline_at));
  });
});
