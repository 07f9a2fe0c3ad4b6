import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../src/config.ts';
import { OPTION_LETTERS } from '../src/domain/assessment/responses.ts';
import { startServer, type RunningServer } from '../src/server/main.ts';
import { fetchBundle, prepareEdgeDatabase } from '../src/server/edge/prepare.ts';
import { createCampaign } from '../src/server/modules/campaigns/service.ts';
import { assignParticipants, createSite, setProctors } from '../src/server/modules/sites/service.ts';
import { buildPublishedAssessment, rootActor } from '../src/server/test/assessment-builders.ts';
import { buildUnit, buildUser } from '../src/server/test/builders.ts';
import { startCutProxy, type CutProxy } from '../src/server/test/cut-proxy.ts';
import type { EdgeSlip } from '../src/domain/edge/bundle.ts';
import { ExamPage } from './page-models/exam-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { launchChromium, startTestServer } from './support/server.ts';

describe('a teacher at a mountain site takes the survey on the edge server while the uplink is down', () => {
  let province: Awaited<ReturnType<typeof startTestServer>>;
  let edge: RunningServer;
  let edgeDir: string;
  let proxy: CutProxy;
  let browser: Browser;
  let page: Page;
  let teacher: Awaited<ReturnType<typeof buildUser>>;
  let slips: EdgeSlip[];
  let assessmentId: number;
  let campaignId: number;
  let organizer: Awaited<ReturnType<typeof buildUser>>;

  beforeAll(async () => {
    province = await startTestServer();
    const ctx = province.ctx;
    const school = await buildUnit(ctx, { name: 'Trường PTDTBT THCS Mường Lống', schoolLevel: 'thcs' });
    teacher = await buildUser(ctx, { unit: school, fullName: 'Lò Thị Mai' });
    const proctor = await buildUser(ctx, { unit: school, fullName: 'Vi Văn Giám' });
    assessmentId = (
      await buildPublishedAssessment(ctx, {
        targets: [school],
        title: 'Khảo sát chính trị hè 2026',
        review: { score: 'immediately', answers: 'immediately', key: 'never' },
      })
    ).id;
    const root = await ctx.db.selectFrom('units').selectAll().where('parent_id', 'is', null).executeTakeFirstOrThrow();
    organizer = await buildUser(ctx, { unit: root, roles: [{ role: 'organizer', unit: root }], fullName: 'Trịnh Văn Tổ' });
    const actor = await rootActor(ctx);
    const campaign = (await createCampaign(ctx, actor, { name: 'Bồi dưỡng hè 2026', schoolYear: '2025–2026', unitId: school.id })) as {
      id: number;
    };
    campaignId = campaign.id;
    const site = (await createSite(ctx, actor, campaign.id, { name: 'Điểm cầu Mường Lống', unitId: school.id })) as { id: number };
    await assignParticipants(ctx, actor, site.id, { personIds: [teacher.person.id, proctor.person.id] });
    await setProctors(ctx, actor, site.id, [proctor.person.id]);

    const { port } = new URL(province.url);
    proxy = await startCutProxy({ host: '127.0.0.1', port: Number(port) });
    const prepared = await fetchBundle({ upstream: proxy.url, siteId: site.id, username: proctor.username, password: proctor.password });
    slips = prepared.slips;
    edgeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-e2e-edge-'));
    const config = {
      ...loadConfig({}),
      dataDir: edgeDir,
      port: 0,
      host: '127.0.0.1',
      logLevel: 'warn',
      edgeUplink: { idleMs: 300, backoffMs: 300, maxBackoffMs: 1000 },
    };
    await prepareEdgeDatabase(config, prepared.bundle, proxy.url);
    edge = await startServer(config, { handleSignals: false });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    page = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await edge?.close();
    await proxy?.close();
    await province?.stop();
    if (edgeDir) fs.rmSync(edgeDir, { recursive: true, force: true });
  });

  it('signs in with the printed site code, answers and submits offline, and sees the score once the uplink returns', async () => {
    proxy.cut();
    const code = slips.find((s) => s.personId === teacher.person.id)!.code;
    await new LoginPage(page, edge.url).signIn(teacher.username, code);
    await page.getByRole('heading', { name: 'Bài khảo sát của tôi' }).waitFor();
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await page.getByRole('dialog', { name: 'Bắt đầu làm bài?' }).getByRole('button', { name: 'Bắt đầu', exact: true }).click();
    await page.waitForURL(/\/thi\/bai-lam\/\d+/);
    const attemptId = Number(/bai-lam\/(\d+)/.exec(page.url())![1]);

    // The key is only on the province; the variant (same id on both sides) is read from the edge.
    const attempt = await edge.ctx.db.selectFrom('attempts').select('variant_id').where('id', '=', attemptId).executeTakeFirstOrThrow();
    const variant = await edge.ctx.db
      .selectFrom('assessment_variants')
      .select('items_json')
      .where('id', '=', attempt.variant_id)
      .executeTakeFirstOrThrow();
    const keyRows = await province.ctx.db
      .selectFrom('assessment_questions')
      .select('correct_index')
      .where('assessment_id', '=', assessmentId)
      .orderBy('ordinal')
      .execute();
    const items = JSON.parse(variant.items_json) as { ordinal: number; optionOrder: number[] }[];
    const key = items.map((item) => OPTION_LETTERS[item.optionOrder.indexOf(keyRows[item.ordinal].correct_index)]);
    const wrong = (letter: string) => OPTION_LETTERS[(OPTION_LETTERS.indexOf(letter) + 1) % 4];

    const exam = new ExamPage(page);
    await exam.waitForQuestion(1);
    // 8 right, 2 wrong.
    for (let n = 1; n <= 10; n++) {
      await exam.choose(n, n <= 8 ? key[n - 1] : wrong(key[n - 1]));
      await expect.poll(() => exam.savedMark(n).textContent()).toContain('Đã lưu');
    }
    await exam.submit();
    await page.getByText('Điểm sẽ có khi đồng bộ với máy chủ tỉnh').waitFor();
    expect(await page.getByLabel('Điểm').count()).toBe(0);
    const onProvince = await province.ctx.db.selectFrom('attempts').select('id').where('person_id', '=', teacher.person.id).execute();
    expect(onProvince).toHaveLength(0);

    proxy.restore();
    await page.getByLabel('Điểm').waitFor({ timeout: 40_000 });
    expect(await page.getByLabel('Điểm').textContent()).toContain('8/10 câu đúng');
    const graded = await province.ctx.db
      .selectFrom('attempts')
      .selectAll()
      .where('person_id', '=', teacher.person.id)
      .executeTakeFirstOrThrow();
    expect(graded).toMatchObject({ status: 'submitted', correct_count: 8, score: 8, answered_count: 10 });
  });

  it("shows the organiser the site's laptop: online, nothing waiting, the attempt arrived and graded", async () => {
    const staff = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const p = await staff.newPage();
    await new LoginPage(p, province.url).signIn(organizer.username, organizer.password);
    await p.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
    await p.goto(`${province.url}/dot-boi-duong/${campaignId}?tab=may-diem-cau`);
    const row = p.getByRole('row', { name: /Điểm cầu Mường Lống/ });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('Trực tuyến');
    // Two people leased (the teacher and the proctor), one attempt arrived and graded, nothing waiting.
    expect(await row.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining(['Trực tuyến', '0', '2', '1']));
    await p.screenshot({ path: `${os.tmpdir()}/edge-monitor.png` });
    await staff.close();
  });
});
