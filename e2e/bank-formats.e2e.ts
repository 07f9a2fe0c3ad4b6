import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseAiken } from '../src/domain/question-bank/aiken/parse-aiken.ts';
import { createBank } from '../src/server/modules/banks/service.ts';
import { findRootUnit } from '../src/server/modules/units/repository.ts';
import { buildUser } from '../src/server/test/builders.ts';
import { BankPage } from './page-models/bank-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { launchChromium, startTestServer } from './support/server.ts';

/** A question bank exported from Moodle 4: ids in comments, [html] text with escaped colons, weights, a linked picture. */
const MOODLE_GIFT = String.raw`// question: 0  name: Switch category to $course$/top/Bồi dưỡng hè 2026/Nghị quyết
$CATEGORY: $course$/top/Bồi dưỡng hè 2026/Nghị quyết


// question: 101  name: Câu 1
// [id:NQ29-01]
::Câu 1::[html]<p dir\="ltr" style\="text-align\: left;">Nghị quyết <strong>29-NQ/TW</strong> về đổi mới căn bản, toàn diện giáo dục&nbsp;&amp; đào tạo ban hành năm nào?<br></p>{
	~<p>2011</p>
	=<p>2013</p>
	~<p>2015</p>
}

::Câu 2::[markdown]Văn kiện nào **không** thuộc Đại hội XIII? {
	=Cương lĩnh 1930
	~Báo cáo chính trị
}

::Câu 3::[html]<p>Những ý nào đúng về Luật Giáo dục 2019?</p>{
	~%50%Có hiệu lực từ 01/7/2020
	~%50%Gồm 9 chương
	~%-100%Gồm 12 chương
}

::Câu 4::[html]<p>Thủ đô của Việt Nam?</p><p><img src\="@@PLUGINFILE@@/ban-do.png"></p>{
	~%100%Hà Nội
	~%-50%Huế
	~%-50%Sài Gòn
}

::Câu 5::Hãy nêu cảm nghĩ về đợt bồi dưỡng. {}
`;
const lineOf = (start: string) => MOODLE_GIFT.split('\n').findIndex((l) => l.startsWith(start)) + 1;

describe('organiser imports GIFT as Moodle writes it and exports the bank to Aiken', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let bankId: number;
  let organizer: Awaited<ReturnType<typeof buildUser>>;

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
    bankId = (await createBank(server.ctx, actor, { name: 'Ngân hàng từ Moodle', unitId: root.id })).id;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'vi-VN', acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows each problem on its question and line with the true reason, and imports the questions the organiser ticks', async () => {
    await new LoginPage(page, server.url).signIn(organizer.username, organizer.password);
    await page
      .getByRole('menuitem', { name: /Ngân hàng câu hỏi/ })
      .first()
      .waitFor();
    const bank = new BankPage(page, server.url);
    await bank.open(bankId);
    await bank.importFile('moodle.gift', Buffer.from(MOODLE_GIFT));
    await page
      .getByText(`Câu 3 (dòng ${lineOf('::Câu 3::')}): Câu hỏi có nhiều đáp án đúng (trọng số %50%); hệ thống chỉ hỗ trợ một đáp án đúng`)
      .waitFor();
    await page
      .getByText(
        `Câu 4 (dòng ${lineOf('::Câu 4::')}): Đọc phương án A là đáp án đúng; trọng số điểm của phương án khác không được nhập`
          + ' (B %-50%, C %-50%), hệ thống chấm đúng/sai',
      )
      .waitFor();
    await page.getByText(/Câu 4 \(dòng \d+\): Câu hỏi có 1 hình ảnh liên kết không được nhập/).waitFor();
    await page.getByText(`Câu 5 (dòng ${lineOf('::Câu 5::')}): Câu hỏi dạng tự luận không được hỗ trợ, đã bỏ qua`).waitFor();
    await expect.poll(() => page.getByText('Câu hỏi không có đáp án đúng (đánh dấu bằng =)').count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: 'Chọn câu 1' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Chọn câu 2' }).isChecked()).toBe(true);
    const fourth = page.getByRole('checkbox', { name: 'Chọn câu 4' });
    expect(await fourth.isChecked()).toBe(false);
    await fourth.check();
    await bank.confirmImport(3);
    await bank.search('29-NQ/TW');
    await page.locator('strong', { hasText: '29-NQ/TW' }).first().waitFor();
    await expect.poll(() => page.getByText('[html]').count()).toBe(0);
  });

  it('exports to Aiken and is told what Aiken cannot carry; the file reads back with one-line stems', async () => {
    await page.getByRole('button', { name: 'Xuất ngân hàng' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /Aiken \(\.txt\)/ }).click()]);
    await page.getByText('Tệp Aiken không mang được: chữ đậm, nghiêng, gạch chân (2 câu); chuyên đề (3 câu).').waitFor();
    const text = fs.readFileSync((await download.path())!, 'utf8');
    const parsed = parseAiken(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.questions.map((q) => q.options.find((o) => o.correct)?.text).sort()).toEqual(['2013', 'Cương lĩnh 1930', 'Hà Nội']);
  });
});
