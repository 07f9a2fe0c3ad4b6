import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadConfig } from '../src/config.ts';
import type { RunningServer } from '../src/server/main.ts';
import { startEdgeSetup, type EdgeSetup } from '../src/server/edge/setup-server.ts';
import { createCampaign } from '../src/server/modules/campaigns/service.ts';
import { assignParticipants, createSite, setProctors } from '../src/server/modules/sites/service.ts';
import { buildPublishedAssessment, rootActor } from '../src/server/test/assessment-builders.ts';
import { buildUnit, buildUser } from '../src/server/test/builders.ts';
import { LoginPage } from './page-models/login-page.ts';
import { launchChromium, startTestServer } from './support/server.ts';

describe("a proctor prepares the site's laptop in its browser, and the organiser later takes it out of service", () => {
  let province: Awaited<ReturnType<typeof startTestServer>>;
  let setup: EdgeSetup;
  let edge: RunningServer | undefined;
  let edgeDir: string;
  let browser: Browser;
  let laptop: BrowserContext;
  let page: Page;
  let teacher: Awaited<ReturnType<typeof buildUser>>;
  let proctor: Awaited<ReturnType<typeof buildUser>>;
  let organizer: Awaited<ReturnType<typeof buildUser>>;
  let assessmentId: number;
  let campaignId: number;
  let code = '';

  beforeAll(async () => {
    province = await startTestServer();
    const ctx = province.ctx;
    const school = await buildUnit(ctx, { name: 'Trường PTDTBT TH Bản Phố', schoolLevel: 'th' });
    teacher = await buildUser(ctx, { unit: school, fullName: 'Sùng Thị Pà' });
    proctor = await buildUser(ctx, { unit: school, fullName: 'Lý Văn Sử' });
    assessmentId = (await buildPublishedAssessment(ctx, { targets: [school], title: 'Khảo sát chính trị hè 2026' })).id;
    const root = await ctx.db.selectFrom('units').selectAll().where('parent_id', 'is', null).executeTakeFirstOrThrow();
    organizer = await buildUser(ctx, { unit: root, roles: [{ role: 'organizer', unit: root }], fullName: 'Trịnh Văn Tổ' });
    const actor = await rootActor(ctx);
    campaignId = (
      (await createCampaign(ctx, actor, { name: 'Bồi dưỡng hè 2026', schoolYear: '2025–2026', unitId: school.id })) as { id: number }
    ).id;
    const site = (await createSite(ctx, actor, campaignId, { name: 'Điểm cầu Bản Phố', unitId: school.id })) as { id: number };
    await assignParticipants(ctx, actor, site.id, { personIds: [teacher.person.id, proctor.person.id] });
    await setProctors(ctx, actor, site.id, [proctor.person.id]);

    edgeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-e2e-edge-setup-'));
    setup = await startEdgeSetup({
      ...loadConfig({}),
      dataDir: edgeDir,
      port: 0,
      host: '127.0.0.1',
      logLevel: 'warn',
      edgeUplink: { idleMs: 300, backoffMs: 300, maxBackoffMs: 1000 },
    });
    browser = await launchChromium();
    laptop = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', acceptDownloads: true });
    page = await laptop.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await (edge ? edge.close() : setup?.close());
    await province?.stop();
    if (edgeDir) fs.rmSync(edgeDir, { recursive: true, force: true });
  });

  it('signs in to the province, picks the site, prints the codes once, and the laptop serves the survey', async () => {
    await page.goto(setup.url);
    await page.getByRole('heading', { name: 'Chuẩn bị máy chủ điểm cầu' }).waitFor();
    await page.getByRole('textbox', { name: 'Địa chỉ máy chủ tỉnh' }).fill(province.url);
    await page.getByRole('textbox', { name: 'Tên đăng nhập' }).fill(proctor.username);
    await page.getByRole('textbox', { name: 'Mật khẩu' }).fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập và tìm điểm cầu' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Đăng nhập máy chủ tỉnh không được');

    await page.getByRole('textbox', { name: 'Mật khẩu' }).fill(proctor.password);
    await page.getByRole('button', { name: 'Đăng nhập và tìm điểm cầu' }).click();
    const site = page.getByRole('radio', { name: /Điểm cầu Bản Phố/ });
    await site.waitFor();
    expect(await site.isChecked()).toBe(true);
    expect(await page.getByText('Bồi dưỡng hè 2026 · 2 người').count()).toBe(1);
    expect(await page.getByRole('alert').isHidden()).toBe(true);
    await page.screenshot({ path: `${os.tmpdir()}/edge-setup-choose.png`, fullPage: true });
    await page.getByRole('button', { name: 'Chuẩn bị máy này' }).click();

    await page.getByRole('heading', { name: 'Đã chuẩn bị máy cho điểm cầu “Điểm cầu Bản Phố”' }).waitFor({ timeout: 30_000 });
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(3); // header + the teacher + the proctor (staff take the survey too)
    const teacherRow = rows.filter({ hasText: 'Sùng Thị Pà' });
    code = ((await teacherRow.getByRole('cell').nth(3).textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toContain('đã sẵn sàng');
    await page.screenshot({ path: `${os.tmpdir()}/edge-setup-done.png`, fullPage: true });
    // The technician's page on the laptop: connected, nothing waiting.
    const monitor = await laptop.newPage();
    await monitor.goto(`${setup.url}/may-diem-cau`);
    await monitor.getByRole('heading', { name: 'Máy chủ điểm cầu: Điểm cầu Bản Phố' }).waitFor();
    await expect
      .poll(async () => (await monitor.getByRole('row', { name: /Đường truyền về tỉnh/ }).textContent()) ?? '')
      .toContain('Đã kết nối');
    expect(await monitor.getByRole('row', { name: /Còn chờ gửi/ }).textContent()).toContain('0');
    await monitor.close();
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${os.tmpdir()}/edge-setup-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp CSV' }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(`Sùng Thị Pà;Trường PTDTBT TH Bản Phố;${teacher.username};${code}`);

    // The province leased both to the laptop and refuses the teacher's start there.
    const leases = await province.ctx.db.selectFrom('edge_leases').select('person_id').where('assessment_id', '=', assessmentId).execute();
    expect(leases.map((l) => l.person_id).sort()).toEqual([teacher.person.id, proctor.person.id].sort());

    edge = await setup.ready;
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    await p.goto(`${edge.url}/dang-nhap`);
    await p.getByRole('note').filter({ hasText: 'Máy chủ điểm cầu Điểm cầu Bản Phố' }).waitFor();
    await p.screenshot({ path: `${os.tmpdir()}/edge-login-360.png`, fullPage: true });
    // The province's password is not the site code.
    await new LoginPage(p, edge.url).signIn(teacher.username, teacher.password);
    await p.getByRole('alert').waitFor();
    await new LoginPage(p, edge.url).signIn(teacher.username, code);
    await p.getByRole('heading', { name: 'Bài khảo sát của tôi' }).waitFor();
    await p.getByRole('button', { name: 'Bắt đầu làm bài' }).waitFor();
    await phone.close();
  });

  it('lets the organiser give one person back, then revoke the laptop: the teacher who never started there takes the survey on the province', async () => {
    const staff = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'vi-VN' });
    const p = await staff.newPage();
    await new LoginPage(p, province.url).signIn(organizer.username, organizer.password);
    await p.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
    await p.goto(`${province.url}/dot-boi-duong/${campaignId}?tab=may-diem-cau`);
    const row = p.getByRole('row', { name: /Điểm cầu Bản Phố/ });
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain('Trực tuyến');

    // The proctor will be away on the day: back to the province, and the laptop stops letting him start.
    await row.getByRole('button', { name: /Mở rộng|Expand/ }).click();
    // The laptop's people are a table inside the expanded row: the innermost row is the person's.
    const proctorRow = p.getByRole('row', { name: /Lý Văn Sử/ }).last();
    await proctorRow.waitFor();
    expect(await proctorRow.textContent()).toContain('Chưa có bài về');
    await proctorRow.getByRole('checkbox').check();
    await p.screenshot({ path: `${os.tmpdir()}/edge-leases.png`, fullPage: true });
    await p.getByRole('button', { name: 'Trả về máy chủ tỉnh (1)' }).click();
    await p.getByRole('tooltip').getByRole('button', { name: 'Trả về' }).click();
    await p.getByText('Đã trả 1 lượt làm bài về máy chủ tỉnh.').waitFor();
    await proctorRow.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await edge!.ctx.db.selectFrom('assessment_invitees').select('person_id').execute()).map((r) => r.person_id), {
        timeout: 10_000,
      })
      .toEqual([teacher.person.id]);

    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await p.getByRole('tooltip').getByText('Người chưa có bài làm gửi lên từ máy này').waitFor();
    await p.screenshot({ path: `${os.tmpdir()}/edge-revoke-confirm.png` });
    await p.getByRole('tooltip').getByRole('button', { name: 'Thu hồi' }).click();
    await p.getByText('Đã thu hồi máy "Điểm cầu Bản Phố": 1 người được làm bài trên máy chủ tỉnh.').waitFor();
    await expect.poll(() => row.textContent()).toContain('Đã thu hồi');
    expect(await row.getByRole('button', { name: 'Thu hồi' }).count()).toBe(0);
    await staff.close();

    // The laptop learns it at its next sync and takes no new attempt; the teacher is told where to go.
    await expect.poll(() => edge!.ctx.edge?.revoked, { timeout: 10_000 }).toBe(true);
    const atSite = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
    const e = await atSite.newPage();
    await new LoginPage(e, edge!.url).signIn(teacher.username, code);
    await e.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await e.getByRole('dialog', { name: 'Bắt đầu làm bài?' }).getByRole('button', { name: 'Bắt đầu', exact: true }).click();
    await e.getByText('đã được ban tổ chức thu hồi').waitFor();
    await e.screenshot({ path: `${os.tmpdir()}/edge-revoked-start-360.png`, fullPage: true });
    await atSite.close();

    const onProvince = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
    const t = await onProvince.newPage();
    await new LoginPage(t, province.url).signIn(teacher.username, teacher.password);
    await t.getByRole('heading', { name: 'Bài khảo sát của tôi' }).waitFor();
    await t.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await t.getByRole('dialog', { name: 'Bắt đầu làm bài?' }).getByRole('button', { name: 'Bắt đầu', exact: true }).click();
    await t.waitForURL(/\/thi\/bai-lam\/\d+/);
    await onProvince.close();
  });
});
