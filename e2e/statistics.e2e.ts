import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seedDemo } from '../src/server/demo/seed-demo.ts';
import { seedDemoAssessment } from '../src/server/demo/seed-assessment.ts';
import { LoginPage } from './page-models/login-page.ts';
import { launchChromium, startTestServer } from './support/server.ts';

describe("an organiser reads last summer's statistics, drills down to a school and downloads its Excel and CSV reports", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let organizer: { username: string; password: string };
  let assessmentId: number;

  beforeAll(async () => {
    server = await startTestServer();
    const { accounts } = await seedDemo(server.ctx, { people: 600 });
    organizer = accounts[0];
    assessmentId = (await seedDemoAssessment(server.ctx)).lastYear.assessmentId;
    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: 1366, height: 900 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      acceptDownloads: true,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows province figures, then a commune, then a school, and its Excel file matches the database', async () => {
    await new LoginPage(page, server.url).signIn(organizer.username, organizer.password);
    await page
      .getByRole('menuitem', { name: /Bài khảo sát$/ })
      .first()
      .waitFor();
    await page.goto(`${server.url}/bai-khao-sat/${assessmentId}`);
    await page.getByText('Số liệu chính thức').waitFor();
    const db = server.ctx.db;
    const total = await db
      .selectFrom('attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('assessment_id', '=', assessmentId)
      .where('status', '=', 'submitted')
      .executeTakeFirstOrThrow();
    await expect.poll(() => page.getByText(Number(total.n).toLocaleString('vi-VN'), { exact: true }).count()).toBeGreaterThan(0);

    // Drill down: the first commune with people, then its first school.
    const commune = await db
      .selectFrom('units')
      .select(['id', 'name', 'path'])
      .where('kind', '=', 'commune')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('people')
            .innerJoin('units as u2', 'u2.id', 'people.unit_id')
            .select('people.id')
            .whereRef('u2.parent_id', '=', 'units.id'),
        ),
      )
      .orderBy('name')
      .executeTakeFirstOrThrow();
    await page.getByRole('link', { name: commune.name, exact: true }).click();
    await page.getByRole('navigation').filter({ hasText: commune.name }).first().waitFor();
    const school = await db
      .selectFrom('units')
      .innerJoin('people', 'people.unit_id', 'units.id')
      .select(['units.id', 'units.name'])
      .where('units.parent_id', '=', commune.id)
      .groupBy(['units.id', 'units.name'])
      .orderBy('units.name')
      .executeTakeFirstOrThrow();
    await page.getByRole('link', { name: school.name, exact: true }).click();
    await page.getByRole('navigation').filter({ hasText: school.name }).first().waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.getByRole('button', { name: 'Tải báo cáo' }).click();
        await page.getByRole('menuitem', { name: 'Excel (.xlsx)' }).click();
      })(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const summary = book.getWorksheet('Tổng hợp')!;
    const first = summary.getRow(6);
    expect(String(first.getCell(2).value).trim()).toBe(school.name);
    const scores = await db
      .selectFrom('attempts')
      .innerJoin('people', 'people.id', 'attempts.person_id')
      .select('attempts.score')
      .where('attempts.assessment_id', '=', assessmentId)
      .where('attempts.status', '=', 'submitted')
      .where('people.unit_id', '=', school.id)
      .execute();
    const eligible = await db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('people.active', '=', 1)
      .where('people.unit_id', '=', school.id)
      .executeTakeFirstOrThrow();
    expect(first.getCell(3).value).toBe(Number(eligible.n));
    expect(first.getCell(4).value).toBe(scores.length);
    const mean = scores.reduce((n, s) => n + s.score!, 0) / scores.length;
    const bandCount = summary.columnCount;
    expect(Number(first.getCell(bandCount - 1).value)).toBeCloseTo(mean, 2);
    const detail = book.getWorksheet('Chi tiết')!;
    expect(detail.rowCount - 5).toBe(scores.length);

    // The menu names both CSV files; the default one is what Excel on a Vietnamese-locale PC splits into columns.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.getByRole('button', { name: 'Tải báo cáo' }).click();
        await page.getByRole('menuitem', { name: 'CSV (quốc tế, dấu ,)' }).waitFor();
        await page.getByRole('menuitem', { name: 'CSV (Excel tiếng Việt, dấu ;)' }).click();
      })(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = fs.readFileSync((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('STT;Họ và tên;Đơn vị;Chức vụ;Mã đề;Số câu đúng;Điểm;Xếp loại;Thời điểm nộp');
    expect(lines).toHaveLength(scores.length + 1);
    const written = lines
      .slice(1)
      .map((l) => l.split(';')[6])
      .sort();
    expect(written).toEqual(scores.map((s) => String(s.score).replace('.', ',')).sort());
  });
});
