import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildDocx, p, table } from '../src/domain/question-bank/docx/docx-test-builder.ts';
import { createBank } from '../src/server/modules/banks/service.ts';
import { findRootUnit } from '../src/server/modules/units/repository.ts';
import { buildUser } from '../src/server/test/builders.ts';
import { BankPage } from './page-models/bank-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { launchChromium, startTestServer } from './support/server.ts';

/** A Word bank as a Sở writes it: two parts each numbered from "Câu 1", one answer table per part at the end. */
async function bankInParts(): Promise<Buffer> {
  const question = (n: number, stem: string, options: string[]) => [
    p(`Câu ${n}. ${stem}`),
    ...options.map((o, i) => p(`${'ABCD'[i]}. ${o}`)),
  ];
  return Buffer.from(
    await buildDocx([
      p({ text: 'ĐỀ CƯƠNG ÔN TẬP BỒI DƯỠNG CHÍNH TRỊ HÈ NĂM 2026', bold: true }),
      p({ text: 'PHẦN I. LỊCH SỬ ĐẢNG', bold: true }),
      ...question(1, 'Đảng Cộng sản Việt Nam ra đời năm nào?', ['1925', '1930', '1945', '1951']),
      ...question(2, 'Đại hội đại biểu toàn quốc lần thứ XIII của Đảng diễn ra năm nào?', ['2016', '2019', '2021', '2026']),
      p({ text: 'PHẦN II. PHÁP LUẬT VỀ GIÁO DỤC', bold: true }),
      ...question(1, 'Luật Giáo dục hiện hành được Quốc hội thông qua năm nào?', ['2005', '2019', '2010', '2024']),
      ...question(2, 'Ngày Nhà giáo Việt Nam là ngày nào?', ['20/10', '19/5', '2/9', '20/11']),
      p({ text: 'ĐÁP ÁN PHẦN I', bold: true }),
      table([
        ['Câu', '1', '2'],
        ['Đáp án', 'B', 'C'],
      ]),
      p({ text: 'ĐÁP ÁN PHẦN II', bold: true }),
      table([
        ['Câu', '1', '2'],
        ['Đáp án', 'B', 'D'],
      ]),
    ]),
  );
}

describe('organiser imports a Word bank in parts, and is told how to save a file it cannot read', () => {
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
    bankId = (await createBank(server.ctx, actor, { name: 'Đề cương hè 2026', unitId: root.id })).id;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'vi-VN' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows each part's key on that part's questions, under the part's title without \"PHẦN I.\"", async () => {
    await new LoginPage(page, server.url).signIn(organizer.username, organizer.password);
    await page
      .getByRole('menuitem', { name: /Ngân hàng câu hỏi/ })
      .first()
      .waitFor();
    const bank = new BankPage(page, server.url);
    await bank.open(bankId);
    await bank.importFile('de-cuong-2-phan.docx', await bankInParts());
    await page.getByRole('button', { name: 'Nhập 4 câu đã chọn' }).waitFor();
    expect(await page.locator('.import-options__correct').allInnerTexts()).toEqual([
      expect.stringContaining('B. 1930'),
      expect.stringContaining('C. 2021'),
      expect.stringContaining('B. 2019'),
      expect.stringContaining('D. 20/11'),
    ]);
    expect(await page.getByRole('cell', { name: 'LỊCH SỬ ĐẢNG', exact: true }).count()).toBe(2);
    expect(await page.getByRole('cell', { name: 'PHÁP LUẬT VỀ GIÁO DỤC', exact: true }).count()).toBe(2);
    expect(await page.getByText(/vấn đề cần xem lại/).count()).toBe(0);
    await bank.confirmImport(4);
    // The bank shows the four questions with the same keys.
    const correct = page.locator('.question-option--correct .question-option__text');
    await expect.poll(() => correct.count(), { timeout: 10_000 }).toBe(4);
    expect((await correct.allInnerTexts()).map((t) => t.trim()).sort()).toEqual(['1930', '20/11', '2019', '2021']);
  });

  it('names a UTF-16 text file and an old .doc under a new name with how to save them', async () => {
    const bank = new BankPage(page, server.url);
    await bank.open(bankId);
    const utf16 = Buffer.from('::Câu 1:: Thủ đô của Việt Nam? {=Hà Nội ~Huế}\r\n', 'utf16le');
    await bank.importFile('de.gift', utf16);
    await page.getByRole('alert').filter({ hasText: 'Tệp "de.gift" là tệp văn bản mã UTF-16; hãy lưu lại dạng UTF-8' }).waitFor();
    await bank.open(bankId);
    const doc = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(1024),
      Buffer.from('WordDocument', 'utf16le'),
    ]);
    await bank.importFile('de-cuong.docx', doc);
    await page
      .getByRole('alert')
      .filter({ hasText: 'Tệp "de-cuong.docx" là định dạng Word cũ (.doc); hãy mở bằng Word và lưu lại dạng .docx' })
      .waitFor();
  });
});
