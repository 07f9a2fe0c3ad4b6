import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildUnit, buildUser } from '../src/server/test/builders.ts';
import { buildPublishedAssessment } from '../src/server/test/assessment-builders.ts';
import { OPTION_LETTERS } from '../src/domain/assessment/responses.ts';
import { ExamPage } from './page-models/exam-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { launchChromium, startTestServer } from './support/server.ts';

type User = Awaited<ReturnType<typeof buildUser>>;

describe('no answer shown as saved is ever lost: two devices, a clock that jumps, another account in a second tab, a reload offline', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let school: Awaited<ReturnType<typeof buildUnit>>;
  const contexts: BrowserContext[] = [];
  const people: Record<string, User> = {};

  beforeAll(async () => {
    server = await startTestServer();
    school = await buildUnit(server.ctx, { name: 'Trường PTDTBT THCS Pà Cò', schoolLevel: 'thcs' });
    for (const fullName of ['Giàng Thị Dua', 'Lầu A Sùng', 'Vàng Thị Mỷ', 'Sùng A Páo', 'Thào Thị Chứ', 'Mùa A Dính']) {
      people[fullName] = await buildUser(server.ctx, { unit: school, fullName });
    }
    await buildPublishedAssessment(server.ctx, {
      targets: [school],
      title: 'Khảo sát chính trị hè 2026',
      review: { score: 'immediately', answers: 'immediately', key: 'never' },
    });
    const http = server.app.server;
    const handlers = http.listeners('request') as ((...args: unknown[]) => void)[];
    http.removeAllListeners('request');
    http.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (serverUnreachable) request.socket.destroy();
      else for (const handler of handlers) handler.call(http, request, response);
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function device(kind: 'phone' | 'laptop'): Promise<{ context: BrowserContext; page: Page; exam: ExamPage }> {
    const context = await browser.newContext(
      kind === 'phone'
        ? { viewport: { width: 360, height: 740 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', hasTouch: true, isMobile: true }
        : { viewport: { width: 1280, height: 800 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' },
    );
    contexts.push(context);
    const page = await context.newPage();
    return { context, page, exam: new ExamPage(page) };
  }

  /** Signs in and opens the survey: starts it the first time, resumes it on another device. */
  async function openExam(page: Page, user: User): Promise<number> {
    await new LoginPage(page, server.url).signIn(user.username, user.password);
    await page.getByRole('heading', { name: 'Bài khảo sát của tôi' }).waitFor();
    const resume = page.getByRole('button', { name: 'Tiếp tục làm bài' });
    if (await resume.isVisible()) await resume.click();
    else {
      await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
      await page.getByRole('dialog', { name: 'Bắt đầu làm bài?' }).getByRole('button', { name: 'Bắt đầu', exact: true }).click();
    }
    await page.waitForURL(/\/thi\/bai-lam\/\d+/);
    await new ExamPage(page).waitForQuestion(1);
    return Number(/bai-lam\/(\d+)/.exec(page.url())![1]);
  }

  /**
   * Cuts the device's network: Chromium offline, and the server dropping every connection before the app sees it.
   * Chromium drops the page's offline emulation when the service worker that served a reload stops (the page then fires
   * 'online' and its calls go out), which a device really without network never does.
   */
  let serverUnreachable = false;
  async function setNetwork(context: BrowserContext, online: boolean) {
    serverUnreachable = !online;
    await context.setOffline(!online);
  }

  async function stored(attemptId: number): Promise<Record<number, string>> {
    const rows = await server.ctx.db
      .selectFrom('attempt_answers')
      .select(['position', 'choice'])
      .where('attempt_id', '=', attemptId)
      .execute();
    return Object.fromEntries(rows.map((r) => [r.position + 1, r.choice === null ? '' : OPTION_LETTERS[r.choice]]));
  }

  it('two devices of one teacher converge to what the server holds, and each is told when the other changed an answer', async () => {
    const teacher = people['Giàng Thị Dua'];
    const phone = await device('phone');
    const laptop = await device('laptop');
    const attemptId = await openExam(phone.page, teacher);

    // The phone answers Câu 1 and Câu 2 with no network.
    await phone.context.setOffline(true);
    await phone.exam.choose(1, 'A');
    await phone.exam.choose(2, 'A');
    await phone.page.getByText('Mất kết nối — câu trả lời được giữ trên máy này').waitFor();
    expect(await phone.exam.savedMark(2).textContent()).toContain('Chờ gửi');

    // The laptop opens the same attempt and answers Câu 1 = D.
    expect(await openExam(laptop.page, teacher)).toBe(attemptId);
    await laptop.exam.choose(1, 'D');
    await expect.poll(() => laptop.exam.savedMark(1).textContent()).toContain('Đã lưu');

    // The phone comes back: its Câu 2 is kept; its Câu 1 (made before D) is not, and it shows D and says why.
    await phone.context.setOffline(false);
    await phone.page.getByText('Đã lưu tất cả câu trả lời lên máy chủ.').waitFor({ timeout: 30_000 });
    await phone.page.getByRole('alert').filter({ hasText: 'đã được trả lời trên thiết bị khác của bạn' }).waitFor();
    await phone.exam.goTo(1);
    expect(await phone.exam.checkedLetter()).toBe('D');
    expect(await stored(attemptId)).toEqual({ 1: 'D', 2: 'A' });

    // The laptop answers Câu 2 = C not having seen the phone's A: never shown as saved; it shows A and says why.
    await laptop.exam.choose(2, 'C');
    await laptop.page.getByRole('alert').filter({ hasText: 'đã được trả lời trên thiết bị khác của bạn' }).waitFor();
    await expect.poll(() => laptop.exam.checkedLetter()).toBe('A');
    expect(await laptop.exam.savedMark(2).textContent()).toContain('Đã lưu');
    expect(await stored(attemptId)).toEqual({ 1: 'D', 2: 'A' });

    // Chosen again, C is stored, and the phone shows it within seconds without a reload.
    await laptop.exam.choose(2, 'C');
    await expect.poll(async () => (await stored(attemptId))[2]).toBe('C');
    await phone.exam.goTo(2);
    await expect.poll(() => phone.exam.checkedLetter(), { timeout: 20_000 }).toBe('C');
    await phone.context.close();
    await laptop.context.close();
  });

  it('a device clock moved three hours ahead changes neither the countdown nor the exam', async () => {
    const teacher = people['Lầu A Sùng'];
    const phone = await device('phone');
    await phone.context.clock.install();
    const attemptId = await openExam(phone.page, teacher);
    await phone.exam.choose(1, 'B');
    await expect.poll(() => phone.exam.savedMark(1).textContent()).toContain('Đã lưu');
    const before = await phone.exam.timeLeftSeconds();
    expect(before).toBeGreaterThan(119 * 60);

    await phone.context.clock.setSystemTime(Date.now() + 3 * 3_600_000);
    await phone.page.waitForTimeout(3000);
    const after = await phone.exam.timeLeftSeconds();
    expect(before - after).toBeGreaterThanOrEqual(1);
    expect(before - after).toBeLessThan(10);
    const attempt = await server.ctx.db.selectFrom('attempts').select(['status']).where('id', '=', attemptId).executeTakeFirstOrThrow();
    expect(attempt.status).toBe('in_progress');
    await phone.exam.choose(2, 'C');
    await expect.poll(() => phone.exam.savedMark(2).textContent()).toContain('Đã lưu');
    expect(await stored(attemptId)).toEqual({ 1: 'B', 2: 'C' });
    await phone.context.close();
  });

  it('a second tab signing in as someone else: answers wait, named as such, until the teacher signs in again in place', async () => {
    const teacher = people['Vàng Thị Mỷ'];
    const colleague = people['Sùng A Páo'];
    const laptop = await device('laptop');
    const attemptId = await openExam(laptop.page, teacher);
    await laptop.exam.choose(1, 'A');
    await expect.poll(() => laptop.exam.savedMark(1).textContent()).toContain('Đã lưu');

    const tab = await laptop.context.newPage();
    await tab.goto(`${server.url}/thi`);
    await tab.getByRole('button', { name: 'Đăng xuất' }).click();
    await tab.waitForURL(/dang-nhap/);
    await new LoginPage(tab, server.url).signIn(colleague.username, colleague.password);
    await tab.getByRole('heading', { name: 'Bài khảo sát của tôi' }).waitFor();

    await laptop.exam.choose(2, 'B');
    const notice = laptop.page.getByRole('alert').filter({ hasText: 'vừa được đăng nhập bằng tài khoản khác' });
    await notice.waitFor();
    await notice.getByText('Sùng A Páo').waitFor();
    expect(await laptop.exam.savedMark(2).textContent()).toContain('Chờ gửi');
    expect(await laptop.page.getByText('✓ Đã lưu tất cả').count()).toBe(0);
    expect(await stored(attemptId)).toEqual({ 1: 'A' });

    // Signing in again on the exam page itself sends what waited; nothing was lost on the way.
    await notice.getByRole('textbox', { name: 'Tên đăng nhập' }).fill(teacher.username);
    await notice.getByRole('textbox', { name: 'Mật khẩu' }).fill(teacher.password);
    await notice.getByRole('button', { name: 'Đăng nhập lại' }).click();
    await laptop.page.getByText('✓ Đã lưu tất cả câu trả lời lên máy chủ.').waitFor({ timeout: 15_000 });
    expect(await stored(attemptId)).toEqual({ 1: 'A', 2: 'B' });
    expect(await laptop.exam.savedMark(2).textContent()).toContain('Đã lưu');
    await laptop.context.close();
  });

  it('a reload without network shows the exam kept on the phone, its answers marked as kept on the device, and sends them when the network returns', async () => {
    const teacher = people['Thào Thị Chứ'];
    const phone = await device('phone');
    const attemptId = await openExam(phone.page, teacher);
    await phone.exam.waitForOfflineShell();
    await phone.exam.choose(1, 'B');
    await expect.poll(() => phone.exam.savedWhere(1)).toBe('server');
    const deadline = await server.ctx.db.selectFrom('attempts').select('deadline_at').where('id', '=', attemptId).executeTakeFirstOrThrow();

    await setNetwork(phone.context, false);
    await phone.exam.choose(2, 'C');
    await phone.exam.choose(3, 'D');
    await phone.page.getByText('Mất kết nối — câu trả lời được giữ trên máy này').waitFor();
    expect(await phone.exam.savedWhere(3)).toBe('device');

    // The reload is served by the service worker: the same exam, not the browser's error page.
    const reply = await phone.page.reload();
    expect(reply?.fromServiceWorker()).toBe(true);
    await phone.exam.waitForQuestion(1);
    await phone.page.getByRole('status').filter({ hasText: 'Không có mạng — đang hiện bài làm đã lưu trên máy này' }).waitFor();
    await phone.page.getByText('(2 câu chờ gửi)').waitFor();
    expect(await phone.exam.savedWhere(1)).toBe('server');
    expect(await phone.exam.checkedLetter()).toBe('B');
    await phone.exam.goTo(3);
    expect(await phone.exam.checkedLetter()).toBe('D');
    expect(await phone.exam.savedWhere(3)).toBe('device');
    // The countdown goes on from the server's deadline it knew.
    const left = await phone.exam.timeLeftSeconds();
    const expected = (Date.parse(String(deadline.deadline_at)) - Date.now()) / 1000;
    expect(Math.abs(left - expected)).toBeLessThan(15);

    await phone.exam.choose(4, 'A');
    expect(await phone.exam.savedWhere(4)).toBe('device');
    await phone.page.getByText('(3 câu chờ gửi)').waitFor();
    await phone.page.screenshot({ path: '/tmp/exam-offline-reload-360.png', fullPage: true });
    expect(await stored(attemptId)).toEqual({ 1: 'B' });

    // The network returns: every answer reaches the server once, and the survey is submitted.
    await setNetwork(phone.context, true);
    await phone.page.getByText('✓ Đã lưu tất cả câu trả lời lên máy chủ.').waitFor({ timeout: 30_000 });
    expect(await stored(attemptId)).toEqual({ 1: 'B', 2: 'C', 3: 'D', 4: 'A' });
    const versions = await server.ctx.db.selectFrom('attempt_answers').select('version').where('attempt_id', '=', attemptId).execute();
    expect(versions.map((v) => v.version)).toEqual([1, 1, 1, 1]);
    expect(await phone.exam.savedWhere(4)).toBe('server');
    await phone.exam.submit();
    await phone.page.waitForURL(/\/thi\/ket-qua\//);
    const attempt = await server.ctx.db
      .selectFrom('attempts')
      .select(['status', 'answered_count'])
      .where('id', '=', attemptId)
      .executeTakeFirstOrThrow();
    expect(attempt).toMatchObject({ status: 'submitted', answered_count: 4 });

    // What the worker keeps: the light app's shell, never an /api reply nor the staff app.
    const cached = await phone.page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    expect(cached).toContain('/index.html');
    expect(cached.filter((url) => url.startsWith('/api/') || /antd|staff-app/.test(url))).toEqual([]);
    await phone.context.close();
  });

  it('an exam this device never opened, without network: a Vietnamese message, and the exam once the network returns', async () => {
    const teacher = people['Mùa A Dính'];
    const phone = await device('phone');
    await new LoginPage(phone.page, server.url).signIn(teacher.username, teacher.password);
    await phone.page.getByRole('heading', { name: 'Bài khảo sát của tôi' }).waitFor();
    const exam = new ExamPage(phone.page);
    await exam.waitForOfflineShell();
    // Started elsewhere (another device): nothing of it is kept here.
    const csrf = (await phone.context.cookies()).find((c) => c.name === 'bd_csrf')!.value;
    const assessment = await server.ctx.db.selectFrom('assessments').select('id').executeTakeFirstOrThrow();
    const start = await phone.context.request.post(`${server.url}/api/my/assessments/${assessment.id}/start`, {
      headers: { 'x-csrf-token': csrf },
    });
    const { attemptId } = (await start.json()) as { attemptId: number };

    await setNetwork(phone.context, false);
    await phone.page.goto(`${server.url}/thi`);
    await phone.page.getByRole('heading', { name: 'Không có kết nối mạng' }).waitFor();
    await phone.page.screenshot({ path: '/tmp/exam-offline-list-360.png', fullPage: true });
    await phone.page.goto(`${server.url}/thi/bai-lam/${attemptId}`);
    await phone.page.getByRole('alert').filter({ hasText: 'Chưa mở được bài làm vì không kết nối được với máy chủ' }).waitFor();
    await phone.page.screenshot({ path: '/tmp/exam-offline-first-visit-360.png', fullPage: true });

    await setNetwork(phone.context, true);
    await exam.waitForQuestion(1);

    // Even the worker's cache gone (storage cleared by the browser): its own Vietnamese page, not the browser's.
    await phone.page.evaluate(async () => {
      for (const name of await caches.keys()) await caches.delete(name);
    });
    await setNetwork(phone.context, false);
    await phone.page.goto(`${server.url}/thi/bai-lam/${attemptId}`).catch(() => null);
    await phone.page.getByRole('heading', { name: 'Không có kết nối mạng' }).waitFor();
    await phone.page.screenshot({ path: '/tmp/exam-offline-no-cache-360.png', fullPage: true });
    await setNetwork(phone.context, true);
    await phone.context.close();
  });
});
