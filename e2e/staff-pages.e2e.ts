/** Rough edges of the staff pages (issue 16): each test fails on the behaviour that was reported. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { seedDemo, type DemoAccount } from '../src/server/demo/seed-demo.ts';
import { seedDemoAssessment } from '../src/server/demo/seed-assessment.ts';
import { createAssessment } from '../src/server/modules/assessments/service.ts';
import { findRootUnit } from '../src/server/modules/units/repository.ts';
import { assessmentInput, rootActor } from '../src/server/test/assessment-builders.ts';
import { seedLastYear } from '../src/server/demo/seed-last-year.ts';
import { AssessmentEditorPage } from './page-models/assessment-editor-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { launchChromium, startTestServer } from './support/server.ts';

describe('staff pages: the rough edges a new organiser met', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let accounts: DemoAccount[];
  let demo: Awaited<ReturnType<typeof seedDemoAssessment>>;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    accounts = (await seedDemo(server.ctx, { people: 300 })).accounts;
    demo = await seedDemoAssessment(server.ctx);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const organizer = accounts.find((a) => a.role === 'organizer')!;
    await new LoginPage(page, server.url).signIn(organizer.username, organizer.password);
    await page
      .getByRole('menuitem', { name: /Bài khảo sát$/ })
      .first()
      .waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function draftAssessment(title: string) {
    const root = (await findRootUnit(server.ctx.db))!;
    const input = assessmentInput({ bankId: demo.bankId, unitId: root.id, targetUnitIds: [root.id], title });
    return (await createAssessment(server.ctx, await rootActor(server.ctx), input)).id;
  }

  it('saves a survey with "Mỗi người một mã đề"', async () => {
    const id = await draftAssessment('Khảo sát mỗi người một mã đề');
    const editor = new AssessmentEditorPage(page, server.url);
    await editor.openEdit(id);
    await editor.variantMode('Mỗi người một mã đề').check();
    await editor.save().click();
    await page.waitForURL(`${server.url}/bai-khao-sat/${id}`);
    const row = await server.ctx.db.selectFrom('assessments').select('variant_mode').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.variant_mode).toBe('per_person');
    await page.getByText('Mỗi người một mã đề').first().waitFor();
  });

  it('takes Enter in a date field as the end of typing, not as "Lưu"', async () => {
    const id = await draftAssessment('Khảo sát nhập ngày bằng bàn phím');
    const editor = new AssessmentEditorPage(page, server.url);
    await editor.openEdit(id);
    const writes: Request[] = [];
    const onRequest = (request: Request) => {
      if (request.method() !== 'GET' && request.url().includes('/api/assessments')) writes.push(request);
    };
    page.on('request', onRequest);
    await editor.opensAt().click();
    await editor.opensAt().fill('15/06/2027 07:30');
    await editor.opensAt().press('Enter');
    await page.waitForTimeout(800);
    page.off('request', onRequest);
    expect(writes.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
    expect(page.url()).toBe(`${server.url}/bai-khao-sat/${id}/sua`);
    await page.keyboard.press('Escape');
  });

  it('confirms a picked date with "Chọn", not "OK"', async () => {
    const id = await draftAssessment('Khảo sát chọn ngày');
    const editor = new AssessmentEditorPage(page, server.url);
    await editor.openEdit(id);
    await editor.opensAt().click();
    const confirm = page.getByRole('button', { name: 'Chọn', exact: true });
    await confirm.waitFor();
    await page.screenshot({ path: '/tmp/staff-date-picker.png' });
    expect(await page.getByRole('button', { name: 'OK', exact: true }).count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('answers an empty "Thêm đơn vị" with the field message and no uncaught error', async () => {
    await page.goto(`${server.url}/nhan-su`);
    const errorsBefore = pageErrors.length;
    await page.getByRole('button', { name: /^Đơn vị/ }).click();
    await page.getByRole('menuitem', { name: 'Thêm đơn vị trực thuộc' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị trực thuộc' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await dialog.getByText('Nhập tên đơn vị').waitFor();
    await page.waitForTimeout(300);
    expect(pageErrors.slice(errorsBefore)).toEqual([]);
  });

  it('prints login slips a second time without voiding the first; new passwords only when asked for explicitly', async () => {
    const principal = accounts.find((a) => a.role === 'unit_manager')!;
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
    const own = await context.newPage();
    await new LoginPage(own, server.url).signIn(principal.username, principal.password);
    await own.getByRole('button', { name: 'In phiếu đăng nhập' }).click();
    const school = await server.ctx.db.selectFrom('units').select('id').where('name', '=', principal.unitName).executeTakeFirstOrThrow();
    const hashes = async () =>
      (
        await server.ctx.db
          .selectFrom('users')
          .innerJoin('people', 'people.id', 'users.person_id')
          .select(['users.username', 'users.password_hash'])
          .where('people.unit_id', '=', school.id)
          .where('users.last_login_at', 'is', null)
          .orderBy('users.username')
          .execute()
      ).map((u) => `${u.username}:${u.password_hash ?? ''}`);

    const dialog = own.getByRole('dialog', { name: 'In phiếu đăng nhập' });
    await dialog.getByText(/tài khoản chưa có mật khẩu/).waitFor();
    const [pdf] = await Promise.all([own.waitForEvent('download'), dialog.getByRole('button', { name: 'In phiếu' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    await dialog.waitFor({ state: 'hidden' });
    const afterFirst = await hashes();
    expect(afterFirst.every((h) => !h.endsWith(':'))).toBe(true);

    // Excel after PDF: nothing to print, the printed slips stay valid, and the page says so before anything happens.
    await own.getByRole('button', { name: 'In phiếu đăng nhập' }).click();
    await dialog.getByText('phiếu đã in vẫn dùng được').waitFor();
    await dialog.getByRole('radio', { name: /^Excel/ }).check();
    expect(await dialog.getByRole('button', { name: 'In phiếu' }).isDisabled()).toBe(true);
    await own.screenshot({ path: '/tmp/staff-login-slips-again.png' });
    expect(await hashes()).toEqual(afterFirst);

    // Lost slips: new passwords only through the explicit choice, with its consequence in view.
    await dialog.getByRole('checkbox', { name: /Cấp lại mật khẩu ban đầu/ }).check();
    await dialog.getByText('Phiếu đã in trước đây sẽ không dùng được nữa').waitFor();
    await own.screenshot({ path: '/tmp/staff-login-slips-reissue.png' });
    const [xlsx] = await Promise.all([
      own.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Cấp lại mật khẩu và in phiếu' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const afterReissue = await hashes();
    expect(afterReissue.filter((h, i) => h !== afterFirst[i]).length).toBe(afterFirst.length);
    await context.close();
  });

  it('does not turn 3 attempts into a reliability figure', async () => {
    const root = (await findRootUnit(server.ctx.db))!;
    const few = await seedLastYear(server.ctx, await rootActor(server.ctx), demo.bankId, root.id, 7, { miskeyed: false });
    const keep = await server.ctx.db
      .selectFrom('attempts')
      .select('id')
      .where('assessment_id', '=', few.assessmentId)
      .orderBy('id')
      .limit(3)
      .execute();
    await server.ctx.db
      .deleteFrom('attempts')
      .where('assessment_id', '=', few.assessmentId)
      .where(
        'id',
        'not in',
        keep.map((k) => k.id),
      )
      .execute();
    await page.goto(`${server.url}/bai-khao-sat/${few.assessmentId}`);
    const analysis = page.locator('.ant-card').filter({ has: page.getByText('Phân tích câu hỏi', { exact: true }) });
    await analysis.getByText('Chưa đủ bài để tính').waitFor();
    await analysis.getByText('Cần ít nhất 30 bài đã nộp, hiện có 3.', { exact: false }).waitFor();
    const kr20 = analysis.locator('.ant-statistic').filter({ hasText: 'Độ tin cậy KR-20' }).locator('.ant-statistic-content');
    expect((await kr20.textContent())!.trim()).toBe('Chưa đủ bài để tính');
  });

  it('counts absences the same way in the figures and in the list', async () => {
    const campaign = await server.ctx.db.selectFrom('campaigns').select('id').orderBy('id').executeTakeFirstOrThrow();
    await page.goto(`${server.url}/dot-boi-duong/${campaign.id}`);
    await page.getByRole('tab', { name: 'Chuyên cần' }).click();
    const figure = page.locator('.ant-statistic').filter({ hasText: 'Lượt vắng' }).locator('.ant-statistic-content');
    await figure.waitFor();
    const title = page.locator('.ant-card-head-title').filter({ hasText: 'chưa điểm danh (' });
    await title.waitFor();
    const absent = (await title.textContent())!.match(/\(([\d.]+) lượt vắng · ([\d.]+) lượt chưa điểm danh\)/);
    expect(absent).not.toBeNull();
    expect(absent![1]).toBe((await figure.textContent())!.trim());
  });

  it("shows the demo's item-analysis warning on the question whose key is wrong", async () => {
    await page.goto(`${server.url}/bai-khao-sat/${demo.lastYear.assessmentId}`);
    const analysis = page.locator('.ant-card').filter({ has: page.getByText('Phân tích câu hỏi', { exact: true }) });
    const row = analysis
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: String(demo.lastYear.miskeyedOrdinal! + 1), exact: true }) })
      .first();
    await row.getByText('Có thể sai đáp án').waitFor();
    await page.screenshot({ path: '/tmp/staff-item-analysis.png', fullPage: true });
  });
});
