import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Actor } from '../src/domain/roles.ts';
import { createCampaign } from '../src/server/modules/campaigns/service.ts';
import { assignParticipants, createSite } from '../src/server/modules/sites/service.ts';
import { findRootUnit } from '../src/server/modules/units/repository.ts';
import { buildUnit, buildUser } from '../src/server/test/builders.ts';
import { CampaignPage } from './page-models/campaign-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { launchChromium, startTestServer } from './support/server.ts';

describe('a principal downloads the year-end sheet of the school from the campaign page', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let principal: Awaited<ReturnType<typeof buildUser>>;
  let campaignId: number;
  const teachers = ['Lê Thị An', 'Phạm Văn Bình', 'Võ Thị Cúc'];

  beforeAll(async () => {
    server = await startTestServer();
    const ctx = server.ctx;
    const root = (await findRootUnit(ctx.db))!;
    const commune = await buildUnit(ctx, { name: 'Xã Tân Lập', kind: 'commune', schoolLevel: null });
    const school = await buildUnit(ctx, { name: 'Trường THCS Tân Lập', parent: commune, schoolLevel: 'thcs' });
    for (const name of teachers) await buildUser(ctx, { unit: school, fullName: name });
    principal = await buildUser(ctx, { unit: school, roles: [{ role: 'unit_manager', unit: school }], fullName: 'Ngô Văn Hiệu' });
    const organizer = await buildUser(ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
    const actor: Actor = {
      userId: organizer.userId,
      personId: organizer.person.id,
      username: organizer.username,
      grants: [{ role: 'organizer', unitId: root.id, unitPath: root.path }],
    };
    campaignId = (await createCampaign(ctx, actor, { name: 'Bồi dưỡng chính trị hè 2026', schoolYear: '2025–2026', unitId: root.id })).id;
    // The school's people study at a site of the campaign: that is how the principal sees the campaign.
    const site = await createSite(ctx, actor, campaignId, { name: 'Điểm cầu THCS Tân Lập', unitId: school.id });
    await assignParticipants(ctx, actor, site.id, { unitId: school.id });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 850 }, locale: 'vi-VN', acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds the card on the survey tab with the school chosen, and the Excel lists every teacher', async () => {
    await new LoginPage(page, server.url).signIn(principal.username, principal.password);
    await page
      .getByRole('menuitem', { name: /Đợt bồi dưỡng/ })
      .first()
      .waitFor();
    await page.goto(`${server.url}/dot-boi-duong/${campaignId}`);
    await new CampaignPage(page, server.url).openTab('Bài khảo sát');
    await page.getByText('Danh sách cuối năm học').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải danh sách (Excel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Danh sách cuối năm 2025–2026 - Trường THCS Tân Lập.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const names: string[] = [];
    for (let r = 10; typeof sheet.getRow(r).getCell(1).value === 'number'; r++) names.push(String(sheet.getRow(r).getCell(2).value));
    expect(names.sort()).toEqual([...teachers, 'Ngô Văn Hiệu'].sort());
  });
});
