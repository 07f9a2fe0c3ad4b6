import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuestionDocx } from '../src/domain/question-bank/docx/index.ts';
import type { Browser, Page } from 'playwright-core';
import { buildDocx, p } from '../src/domain/question-bank/docx/docx-test-builder.ts';
import { createBank } from '../src/server/modules/banks/service.ts';
import { findRootUnit } from '../src/server/modules/units/repository.ts';
import { buildUser } from '../src/server/test/builders.ts';
import { BankPage } from './page-models/bank-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { QuestionEditor } from './page-models/question-editor.ts';
import { launchChromium, startTestServer } from './support/server.ts';

describe('organiser imports a Word question bank and finds a question without diacritics', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let bankId: number;
  let organizer: Awaited<ReturnType<typeof buildUser>>;
  let bank: BankPage;

  beforeAll(async () => {
    server = await startTestServer();
    const root = (await findRootUnit(server.ctx.db))!;
    organizer = await buildUser(server.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
    const actor = {
      userId: organizer.userId,
      personId: null,
      username: organizer.username,
      grants: [{ role: 'organizer' as const, unitId: root.id, unitPath: root.path }],
    };
    bankId = (await createBank(server.ctx, actor, { name: 'Bồi dưỡng chính trị hè 2026', unitId: root.id })).id;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'vi-VN', acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('previews the Word file, imports the ticked questions, and finds "Nghị quyết 29" by typing "nghi quyet 29"', async () => {
    await new LoginPage(page, server.url).signIn(organizer.username, organizer.password);
    await page
      .getByRole('menuitem', { name: /Ngân hàng câu hỏi/ })
      .first()
      .waitFor();
    bank = new BankPage(page, server.url);
    await bank.open(bankId);
    await bank.importFile(
      'de-cuong.docx',
      Buffer.from(
        await buildDocx([
          p('Phần I. Nghị quyết của Đảng'),
          p('Câu 1. Nghị quyết số 29-NQ/TW về đổi mới căn bản, toàn diện giáo dục và đào tạo được ban hành năm nào?'),
          p('A. 2011'),
          p({ text: 'B.', underline: {} }, ' 2013'),
          p('C. 2015'),
          p('#D. Tất cả các phương án trên đều sai'),
          p('Câu 2. Đại hội đại biểu toàn quốc lần thứ XIII của Đảng diễn ra năm nào?'),
          p('A. 2016\tB. 2021'),
          p('C. 2026'),
          p('Đáp án: B'),
          p('Câu 3. Câu này thiếu đáp án?'),
          p('A. Có'),
          p('B. Không'),
        ]),
      ),
    );
    await page.getByText(/Câu 3 \(dòng \d+\): Không tìm thấy đáp án đúng/).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Chọn câu 1' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Chọn câu 2' }).isChecked()).toBe(true);
    const third = page.getByRole('checkbox', { name: 'Chọn câu 3' });
    expect((await third.count()) === 0 || !(await third.isChecked())).toBe(true);
    await bank.confirmImport(2);

    await bank.search('nghi quyet 29');
    await expect.poll(async () => page.getByText('Nghị quyết số 29-NQ/TW về đổi mới căn bản').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => page.getByText('Đại hội đại biểu toàn quốc lần thứ XIII').count(), { timeout: 10_000 }).toBe(0);
    const stored = await server.ctx.db.selectFrom('questions').select('id').where('bank_id', '=', bankId).execute();
    expect(stored).toHaveLength(2);
  });

  it('exports the bank to a Word file that reads back as the same two questions', async () => {
    await page.getByRole('button', { name: 'Xuất ngân hàng' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /Word \(\.docx\)/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = fs.readFileSync((await download.path())!);
    const parsed = await parseQuestionDocx(new Uint8Array(bytes));
    expect(parsed.problems).toEqual([]);
    expect(parsed.questions.map((q) => q.options.find((o) => o.correct)?.text)).toEqual(['2013', '2021']);
  });

  it('edits a question: a bold word, a table and a tag, then sees them in the list and filters by the tag', async () => {
    const editor = new QuestionEditor(page);
    await editor.open('câu 1');
    await editor.selectInStem('toàn diện');
    await editor.format('Đậm');
    await expect.poll(() => editor.preview().locator('.rich-text strong').allInnerTexts()).toEqual(['toàn diện']);

    const cell = (n: number) => page.locator('.rich-editor__content td').nth(n);
    await page.getByRole('button', { name: 'Chèn bảng' }).click();
    await page.keyboard.type('Năm');
    await cell(1).click();
    await page.keyboard.type('2013');
    await cell(2).click();
    await page.keyboard.type('xóa');
    await page.getByRole('button', { name: 'Xóa dòng' }).click();
    await cell(0).click();
    await page.getByRole('button', { name: 'Thêm dòng' }).click();
    await cell(2).click();
    await page.keyboard.type('2023');
    await cell(3).click();
    await page.keyboard.type('Tổng kết 10 năm');
    expect(await editor.preview().getByRole('cell').allInnerTexts()).toEqual(['Năm', '2013', '2023', 'Tổng kết 10 năm']);
    await editor.addTag('Nghị quyết 29');
    await editor.save();

    const first = page.getByRole('listitem', { name: 'Câu 1' });
    await expect.poll(() => first.locator('.question-view__stem strong').allInnerTexts(), { timeout: 10_000 }).toEqual(['toàn diện']);
    expect(await first.getByRole('cell').allInnerTexts()).toEqual(['Năm', '2013', '2023', 'Tổng kết 10 năm']);
    await first.getByText('Nghị quyết 29', { exact: true }).waitFor();
    const stored = await server.ctx.db
      .selectFrom('question_versions')
      .innerJoin('questions', 'questions.id', 'question_versions.question_id')
      .select('content_json')
      .where('questions.bank_id', '=', bankId)
      .where('content_json', 'like', '%toàn diện%')
      .executeTakeFirstOrThrow();
    const { stem, stemRich } = JSON.parse(stored.content_json);
    expect(stem).toContain('toàn diện giáo dục và đào tạo được ban hành năm nào?\nNăm | 2013\n2023 | Tổng kết 10 năm');
    expect(stemRich[0].runs).toContainEqual({ text: 'toàn diện', bold: true });

    await bank.search('');
    await bank.filterByTag('Nghị quyết 29');
    await expect.poll(() => page.getByRole('listitem', { name: /^Câu \d+$/ }).count(), { timeout: 10_000 }).toBe(1);
    await page.getByText('Nghị quyết số 29-NQ/TW về đổi mới căn bản').waitFor();
  });
});
