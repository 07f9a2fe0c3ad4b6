import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildUnit, buildUser } from '../src/server/test/builders.ts';
import { buildPublishedAssessment } from '../src/server/test/assessment-builders.ts';
import { OPTION_LETTERS } from '../src/domain/assessment/responses.ts';
import { ExamPage } from './page-models/exam-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { launchChromium, startTestServer } from './support/server.ts';

type User = Awaited<ReturnType<typeof buildUser>>;

describe('no answer shown as saved is ever lost: two devices, a clock that jumps, another account in a second tab', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let school: Awaited<ReturnType<typeof buildUnit>>;
  const contexts: BrowserContext[] = [];
  const people: Record<string, User> = {};

  beforeAll(async () => {
    server = await startTestServer();
    school = await buildUnit(server.ctx, { name: 'Trường PTDTBT THCS Pà Cò', schoolLevel: 'thcs' });
    for (const fullName of ['Giàng Thị Dua', 'Lầu A Sùng', 'Vàng Thị Mỷ', 'Sùng A Páo']) {
      people[fullName] = await buildUser(server.ctx, { unit: school, fullName });
    }
    await buildPublishedAssessment(server.ctx, { targets: [school], title: 'Khảo sát chính trị hè 2026',
      review: { score: 'immediately', answers: 'immediately', key: 'never' } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function device(kind: 'phone' | 'laptop'): Promise<{ context: BrowserContext; page: Page; exam: ExamPage }> {
    const context = await browser.newContext(kind === 'phone'
      ? { viewport: { width: 360, height: 740 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', hasTouch: true, isMobile: true }
      : { viewport: { width: 1280, height: 800 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
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

  async function stored(attemptId: number): Promise<Record<number, string>> {
    const rows = await server.ctx.db.selectFrom('attempt_answers').select(['position', 'choice']).where('attempt_id', '=', attemptId).execute();
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
});
