/** Staff pages used on phones fit a 360 px screen: no sideways page scroll (tables may scroll inside themselves). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seedDemo, type DemoAccount } from '../src/server/demo/seed-demo.ts';
import { seedDemoAssessment } from '../src/server/demo/seed-assessment.ts';
import { LoginPage } from './page-models/login-page.ts';
import { horizontalOverflow } from './support/layout.ts';
import { launchChromium, startTestServer } from './support/server.ts';

describe('staff pages on a 360 px phone and the item analysis at 1366 px', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let accounts: DemoAccount[];
  let demo: Awaited<ReturnType<typeof seedDemoAssessment>>;
  let campaignId: number;

  beforeAll(async () => {
    server = await startTestServer();
    const seeded = await seedDemo(server.ctx, { people: 300 });
    accounts = seeded.accounts;
    campaignId = seeded.campaignId!;
    demo = await seedDemoAssessment(server.ctx);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function phoneAs(role: DemoAccount['role']): Promise<Page> {
    const account = accounts.find((a) => a.role === role)!;
    const page = await browser.newPage({
      viewport: { width: 360, height: 740 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    await new LoginPage(page, server.url).signIn(account.username, account.password);
    await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
    return page;
  }

  async function expectFits(page: Page, name: string) {
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/mobile-${name}.png`, fullPage: true });
    const { overflow, culprits } = await horizontalOverflow(page);
    expect({ name, overflow, culprits }).toEqual({ name, overflow: 0, culprits: [] });
  }

  it('the proctor marks attendance on a phone', async () => {
    const page = await phoneAs('proctor');
    const proctor = accounts.find((a) => a.role === 'proctor')!;
    const session = await server.ctx.db
      .selectFrom('training_sessions')
      .innerJoin('sites', 'sites.id', 'training_sessions.site_id')
      .innerJoin('units', 'units.id', 'sites.unit_id')
      .select('training_sessions.id')
      .where('units.name', '=', proctor.unitName)
      .orderBy('training_sessions.id')
      .executeTakeFirstOrThrow();
    await page.goto(`${server.url}/diem-danh`);
    await expectFits(page, 'proctoring');
    await page.goto(`${server.url}/diem-danh/buoi/${session.id}`);
    await page.getByRole('heading').first().waitFor();
    await expectFits(page, 'attendance');
    await page.close();
  });

  it('the organiser watches the survey and reads the campaign overview on a phone', async () => {
    const page = await phoneAs('organizer');
    await page.goto(`${server.url}/bai-khao-sat/${demo.assessmentId}/giam-sat`);
    await page.getByRole('table').first().waitFor();
    await expectFits(page, 'monitor');
    await page.goto(`${server.url}/dot-boi-duong/${campaignId}`);
    await page.getByRole('tab', { name: 'Tổng quan' }).waitFor();
    await expectFits(page, 'campaign');
    await page.close();
  });

  it('a teacher reads their schedule and materials on a phone', async () => {
    const page = await phoneAs('participant');
    await page.goto(`${server.url}/cua-toi`);
    await page.getByText('Bồi dưỡng chính trị hè').first().waitFor();
    await expectFits(page, 'my-page');
    await page.close();
  });

  it('the item analysis fits 1366 px without sideways scrolling', async () => {
    const organizer = accounts.find((a) => a.role === 'organizer')!;
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await new LoginPage(page, server.url).signIn(organizer.username, organizer.password);
    await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
    await page.goto(`${server.url}/bai-khao-sat/${demo.lastYear.assessmentId}`);
    const analysis = page.locator('.ant-card').filter({ has: page.getByText('Phân tích câu hỏi', { exact: true }) });
    await analysis.getByRole('table').waitFor();
    await analysis.scrollIntoViewIfNeeded();
    await analysis.screenshot({ path: '/tmp/desktop-item-analysis.png' });
    const sideways = await analysis.evaluate((card) =>
      [...card.querySelectorAll('.ant-table-content, .ant-table-body, .ant-table-container')]
        .map((el) => el.scrollWidth - el.clientWidth)
        .reduce((a, b) => Math.max(a, b), 0),
    );
    expect(sideways).toBe(0);
    expect(await horizontalOverflow(page)).toEqual({ overflow: 0, culprits: [] });
    await page.close();
  });
});
