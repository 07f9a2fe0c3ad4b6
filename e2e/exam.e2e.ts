import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildUnit, buildUser } from '../src/server/test/builders.ts';
import { attemptKey, buildPublishedAssessment } from '../src/server/test/assessment-builders.ts';
import { OPTION_LETTERS } from '../src/domain/assessment/responses.ts';
import { ExamPage } from './page-models/exam-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { launchChromium, startTestServer } from './support/server.ts';

describe('a teacher takes the survey on a phone, loses the network half-way, and every answer is graded', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let teacher: Awaited<ReturnType<typeof buildUser>>;
  let assessmentId: number;

  beforeAll(async () => {
    server = await startTestServer();
    const school = await buildUnit(server.ctx, { name: 'Trường Tiểu học Mường Lống', schoolLevel: 'tieu_hoc' });
    teacher = await buildUser(server.ctx, { unit: school, fullName: 'Lò Thị Mai' });
    assessmentId = (
      await buildPublishedAssessment(server.ctx, {
        targets: [school],
        title: 'Khảo sát chính trị hè 2026',
        review: { score: 'immediately', answers: 'immediately', key: 'never' },
      })
    ).id;
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      hasTouch: true,
      isMobile: true,
    });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The correct letter at each displayed position of the attempt's variant, read from the database. */
  async function displayedKey(attemptId: number): Promise<string[]> {
    const { display } = await attemptKey(server.ctx.db, assessmentId, attemptId);
    return display.map((index) => OPTION_LETTERS[index]);
  }

  it('saves online, queues offline with a clear notice, replays, and grades every answer after submit', async () => {
    await new LoginPage(page, server.url).signIn(teacher.username, teacher.password);
    await page.getByRole('heading', { name: 'Bài khảo sát của tôi' }).waitFor();
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await page.getByRole('dialog', { name: 'Bắt đầu làm bài?' }).getByRole('button', { name: 'Bắt đầu', exact: true }).click();
    await page.waitForURL(/\/thi\/bai-lam\/\d+/);
    const attemptId = Number(/bai-lam\/(\d+)/.exec(page.url())![1]);
    const key = await displayedKey(attemptId);
    const exam = new ExamPage(page);
    await exam.waitForQuestion(1);
    // Questions 1–7 answered right, 8–9 wrong, 10 left blank: 7 of 10.
    const wrong = (letter: string) => OPTION_LETTERS[(OPTION_LETTERS.indexOf(letter) + 1) % 4];

    for (const n of [1, 2, 3]) {
      await exam.choose(n, key[n - 1]);
      await expect.poll(() => exam.savedMark(n).textContent()).toContain('Đã lưu');
    }

    await context.setOffline(true);
    for (const n of [4, 5, 6]) await exam.choose(n, key[n - 1]);
    await exam.choose(8, wrong(key[7]));
    await page.getByText('Mất kết nối — câu trả lời được giữ trên máy này và sẽ tự gửi lại').waitFor();
    expect(await exam.savedMark(8).textContent()).toContain('Chờ gửi');
    const storedWhileOffline = await server.ctx.db
      .selectFrom('attempt_answers')
      .select('position')
      .where('attempt_id', '=', attemptId)
      .execute();
    expect(storedWhileOffline.map((a) => a.position).sort()).toEqual([0, 1, 2]);

    await context.setOffline(false);
    await page.getByText('Đã lưu tất cả câu trả lời lên máy chủ.').waitFor({ timeout: 40_000 });

    // A reload resumes the same attempt with every answer and the same deadline.
    const before = await server.ctx.db.selectFrom('attempts').select('deadline_at').where('id', '=', attemptId).executeTakeFirstOrThrow();
    await page.reload();
    await exam.waitForQuestion(1);
    await exam.goTo(8);
    expect(await page.getByRole('radio', { checked: true }).textContent()).toContain(wrong(key[7]));

    await exam.choose(7, key[6]);
    await exam.choose(9, wrong(key[8]));
    await exam.submit();
    await page.getByLabel('Điểm').waitFor();
    expect(await page.getByLabel('Điểm').textContent()).toContain('7/ 10 điểmKhá7/10 câu đúng');

    const attempt = await server.ctx.db.selectFrom('attempts').selectAll().where('id', '=', attemptId).executeTakeFirstOrThrow();
    expect(attempt).toMatchObject({
      status: 'submitted',
      submit_kind: 'participant',
      answered_count: 9,
      correct_count: 7,
      score: 7,
      band: 'Khá',
      deadline_at: before.deadline_at,
    });
  });

  it('keeps the exam route light for a weak 3G link (under 150 KB compressed, cold cache)', async () => {
    const colleague = await buildUser(server.ctx, {
      unit: await server.ctx.db.selectFrom('units').selectAll().where('name', '=', 'Trường Tiểu học Mường Lống').executeTakeFirstOrThrow(),
    });
    const fresh = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const login = await fresh.request.post(`${server.url}/api/auth/login`, {
      data: { username: colleague.username, password: colleague.password },
    });
    const csrf = (await login.json()).csrfToken as string;
    const { attemptId } = await (
      await fresh.request.post(`${server.url}/api/my/assessments/${assessmentId}/start`, { headers: { 'x-csrf-token': csrf } })
    ).json();
    const p = await fresh.newPage();
    const sizes: Promise<number>[] = [];
    p.on('requestfinished', (request) => sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)));
    await p.goto(`${server.url}/thi/bai-lam/${attemptId}`);
    await new ExamPage(p).waitForQuestion(1);
    await p.waitForLoadState('networkidle');
    const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    console.log(`exam route, cold cache: ${sizes.length} requests, ${(total / 1024).toFixed(1)} KB transferred`);
    expect(total).toBeLessThan(150 * 1024);
    await fresh.close();
  });
});
