/**
 * A teacher's "Lịch học, tài liệu" is the light page of the participant app: on a 360 px phone they see their site, the
 * sessions by date, their own attendance marks and the materials (opening one is counted), check in while the site
 * shows its code — without the staff app's component library and without sideways scrolling.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Actor } from '../src/domain/roles.ts';
import { seedDemo, type DemoAccount } from '../src/server/demo/seed-demo.ts';
import { checkinDisplay, mark } from '../src/server/modules/attendance/service.ts';
import { createSession } from '../src/server/modules/sites/service.ts';
import { findRootUnit } from '../src/server/modules/units/repository.ts';
import { buildUnit, buildUser } from '../src/server/test/builders.ts';
import { LoginPage } from './page-models/login-page.ts';
import { SchedulePage } from './page-models/schedule-page.ts';
import { horizontalOverflow } from './support/layout.ts';
import { launchChromium, startTestServer } from './support/server.ts';

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
/** 'YYYY-MM-DD' as the page writes it: 'Thứ Hai, 06/07/2026'. */
const dayLabel = (iso: string) =>
  `${WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()]}, ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const vnToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

describe('a teacher opens "Lịch học, tài liệu" on a phone: site, sessions, own marks, materials, check-in', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let accounts: DemoAccount[];
  let teacher: DemoAccount;
  let teacherIds: { userId: number; personId: number };
  let system: Actor;
  let site: { id: number; name: string; address: string | null; campaignName: string };
  let firstSession: { id: number; date: string; startsAt: string };
  let todaySession: number;

  beforeAll(async () => {
    server = await startTestServer();
    ({ accounts } = await seedDemo(server.ctx, { people: 300 }));
    const root = (await findRootUnit(server.ctx.db))!;
    system = { userId: 0, personId: null, username: 'system', grants: [{ role: 'admin', unitId: root.id, unitPath: root.path }] };
    teacher = accounts.find((a) => a.role === 'participant')!;
    const db = server.ctx.db;
    const user = await db
      .selectFrom('users')
      .select(['id', 'person_id'])
      .where('username', '=', teacher.username)
      .executeTakeFirstOrThrow();
    teacherIds = { userId: user.id, personId: user.person_id! };
    // The demo puts the teacher's school on a site of the summer campaign, with three sessions on two days.
    site = await db
      .selectFrom('site_participants')
      .innerJoin('sites', 'sites.id', 'site_participants.site_id')
      .innerJoin('campaigns', 'campaigns.id', 'sites.campaign_id')
      .select(['sites.id', 'sites.name', 'sites.address', 'campaigns.name as campaignName'])
      .where('site_participants.person_id', '=', teacherIds.personId)
      .executeTakeFirstOrThrow();
    firstSession = await db
      .selectFrom('training_sessions')
      .select(['id', 'date', 'starts_at as startsAt'])
      .where('site_id', '=', site.id)
      .orderBy('date')
      .orderBy('starts_at')
      .executeTakeFirstOrThrow();
    // Their mark at the first session: the demo's (it marks the sessions already held), or one the proctor gives now.
    const demoMark = await db
      .selectFrom('attendance')
      .select('status')
      .where('session_id', '=', firstSession.id)
      .where('person_id', '=', teacherIds.personId)
      .executeTakeFirst();
    if (!demoMark) await mark(server.ctx, system, firstSession.id, teacherIds.personId, { status: 'late' });
    // And a session today, all day, whose code the site is showing: self check-in is open.
    todaySession = (
      await createSession(server.ctx, system, site.id, { date: vnToday(), startsAt: '00:00', endsAt: '23:59', note: 'Buổi học bổ sung' })
    ).id;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(account: { username: string; password: string }, viewport: { width: number; height: number }) {
    const context = await browser.newContext({
      viewport,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      ...(viewport.width < 500 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    });
    // The demo's links point to example.edu.vn: answered here, the test needs no outside network.
    await context.route('https://example.edu.vn/**', (route) => route.fulfill({ contentType: 'text/html', body: '<h1>Tài liệu</h1>' }));
    const page = await context.newPage();
    const assets: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/assets/')) assets.push(new URL(request.url()).pathname);
    });
    await new LoginPage(page, server.url).signIn(account.username, account.password);
    await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
    return { context, page, assets };
  }

  async function expectNoSidewaysScroll(page: Page) {
    expect(await horizontalOverflow(page)).toEqual({ overflow: 0, culprits: [] });
  }

  /** The teacher's openings of a material, as the staff page counts them. */
  async function opens(materialTitle: string) {
    const row = await server.ctx.db
      .selectFrom('material_opens')
      .innerJoin('materials', 'materials.id', 'material_opens.material_id')
      .select('material_opens.count')
      .where('materials.title', '=', materialTitle)
      .where('material_opens.user_id', '=', teacherIds.userId)
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  async function waitFor(check: () => Promise<boolean>, what: string) {
    for (let i = 0; i < 50; i++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  let phone: { context: BrowserContext; page: Page; assets: string[] };

  it('shows the teacher their site, the dated sessions in order and their own mark at 360 px, light and without sideways scrolling', async () => {
    phone = await signedIn(teacher, { width: 360, height: 740 });
    const { page } = phone;
    await page.getByRole('heading', { name: 'Bài khảo sát của tôi' }).waitFor();
    const schedule = new SchedulePage(page, server.url);
    await schedule.openFromTabs();
    expect(new URL(page.url()).pathname).toBe('/thi/lich-hoc');
    expect(await page.title()).toBe('Lịch học, tài liệu · Bồi dưỡng');

    const campaign = schedule.campaign(site.campaignName);
    await campaign.waitFor();
    await campaign.getByText(site.name, { exact: true }).waitFor();
    if (site.address) await campaign.getByText(`Địa chỉ: ${site.address}`).waitFor();
    // No personal details on top: the campaign comes first, and there is nothing to fill in.
    expect(await page.getByText('Thông tin cá nhân').count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);

    const dates = (
      await server.ctx.db.selectFrom('training_sessions').select('date').where('site_id', '=', site.id).orderBy('date').execute()
    ).map((s) => s.date);
    expect(await schedule.dayLabels(campaign)).toEqual([...new Set(dates)].map(dayLabel));

    const status = (
      await server.ctx.db
        .selectFrom('attendance')
        .select('status')
        .where('session_id', '=', firstSession.id)
        .where('person_id', '=', teacherIds.personId)
        .executeTakeFirstOrThrow()
    ).status;
    const label = { present: 'Có mặt', late: 'Đi muộn', absent: 'Vắng' }[status as 'present' | 'late' | 'absent'];
    const first = schedule.session(dayLabel(firstSession.date), firstSession.startsAt);
    await expect.poll(() => first.textContent()).toContain(`Điểm danh: ${label}`);
    // Dimmed once held (the demo's sessions are in July of this year).
    if (firstSession.date < vnToday()) expect(await first.getAttribute('class')).toContain('sc-session--past');

    // Today's session is on now: highlighted.
    const today = schedule.session(dayLabel(vnToday()), '00:00');
    expect(await today.textContent()).toContain('Đang diễn ra');

    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: '/tmp/lich-hoc-360.png', fullPage: true });
    await expectNoSidewaysScroll(page);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    // The participant app's chunks only: never the staff app or its component library.
    expect(phone.assets.filter((a) => /\/(antd|staff-app)-/.test(a))).toEqual([]);
  });

  it('opens a PDF handout and a link from the phone, each opening counted as the staff page counts them', async () => {
    const { page, context } = phone;
    const schedule = new SchedulePage(page, server.url);
    const handout = 'Đề cương tóm tắt các chuyên đề (bản in)';
    expect(await opens(handout)).toBe(0);
    const link = schedule.material(handout);
    expect(await link.getAttribute('href')).toMatch(/^\/api\/materials\/\d+\/file$/);
    // A tap opens the PDF in a new tab, where the phone's own viewer reads it.
    const [pdfTab] = await Promise.all([page.waitForEvent('popup'), link.click()]);
    await waitFor(async () => (await opens(handout)) === 1, "the handout's opening to be counted");
    expect(new URL(pdfTab.url()).pathname).toBe(await link.getAttribute('href'));
    await pdfTab.close();
    // The file itself, as the phone's browser gets it with the session cookie (a second opening).
    const file = await context.request.get(`${server.url}${await link.getAttribute('href')}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await opens(handout)).toBe(2);

    const video = 'Video bài giảng chuyên đề (liên kết)';
    const [tab] = await Promise.all([page.waitForEvent('popup'), schedule.material(video).click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toBe('https://example.edu.vn/boi-duong/video-chuyen-de');
    await tab.close();
    await waitFor(async () => (await opens(video)) === 1, "the link's opening to be counted");
  });

  it('lets the teacher check in with the code the site shows, and shows the new mark', async () => {
    const { page } = phone;
    const schedule = new SchedulePage(page, server.url);
    const { code } = await checkinDisplay(server.ctx, system, todaySession, server.url);
    await page.reload();
    const today = schedule.session(dayLabel(vnToday()), '00:00');
    await schedule.checkIn(today, code);
    await today
      .getByRole('status')
      .filter({ hasText: /Đã điểm danh: (Có mặt|Đi muộn)/ })
      .waitFor();
    await expect.poll(() => today.textContent()).toMatch(/Điểm danh: (Có mặt|Đi muộn)/);
    const stored = await server.ctx.db
      .selectFrom('attendance')
      .select(['via', 'status'])
      .where('session_id', '=', todaySession)
      .where('person_id', '=', teacherIds.personId)
      .executeTakeFirstOrThrow();
    expect(stored.via).toBe('self');
    await page.screenshot({ path: '/tmp/lich-hoc-360-checked-in.png', fullPage: true });
    await expectNoSidewaysScroll(page);
    await phone.context.close();
  });

  it('reads well at 1366 px, and is where staff who take part arrive from the staff menu', async () => {
    const principal = accounts.find((a) => a.role === 'unit_manager')!;
    const desk = await signedIn(principal, { width: 1366, height: 850 });
    await desk.page.getByRole('menuitem', { name: 'Lịch học, tài liệu' }).click();
    const schedule = new SchedulePage(desk.page, server.url);
    await schedule.heading().waitFor();
    expect(new URL(desk.page.url()).pathname).toBe('/thi/lich-hoc');
    await schedule.campaign(site.campaignName).waitFor();
    await desk.page.waitForLoadState('networkidle');
    await desk.page.screenshot({ path: '/tmp/lich-hoc-1366.png', fullPage: true });
    await expectNoSidewaysScroll(desk.page);
    await desk.context.close();
  });

  it('says in Vietnamese when the schedule cannot be loaded, and tells a teacher who is on no site that there is none yet', async () => {
    const school = await buildUnit(server.ctx, { name: 'Trường Mầm non Pá Vệ Sủ', schoolLevel: 'mam_non' });
    const newcomer = await buildUser(server.ctx, { unit: school, fullName: 'Sùng Thị Dua' });
    const { page, context } = await signedIn(newcomer, { width: 360, height: 740 });
    // The mountain commune's link drops just as the page asks for the schedule.
    await context.route('**/api/my/training', (route) => route.abort('internetdisconnected'));
    await new SchedulePage(page, server.url).open();
    await page.getByRole('alert').filter({ hasText: 'Không tải được lịch học. Không kết nối được với máy chủ.' }).waitFor();
    await context.unroute('**/api/my/training');
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await page.getByRole('heading', { name: 'Chưa có lịch bồi dưỡng nào' }).waitFor();
    await expectNoSidewaysScroll(page);
    await context.close();
  });
});
