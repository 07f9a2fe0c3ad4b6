import { afterAll, beforeAll, expect, it, describe } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { findRootUnit } from '../src/server/modules/units/repository.ts';
import { buildUser } from '../src/server/test/builders.ts';
import { buildOfficeRosterFile, buildRosterFile } from '../src/server/test/roster-file.ts';
import { ImportPage } from './page-models/import-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { RosterPage } from './page-models/roster-page.ts';
import { launchChromium, startTestServer } from './support/server.ts';

describe('organiser imports a roster and finds a person without typing diacritics', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let organizer: Awaited<ReturnType<typeof buildUser>>;

  beforeAll(async () => {
    server = await startTestServer();
    const root = (await findRootUnit(server.ctx.db))!;
    organizer = await buildUser(server.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }], fullName: 'Trịnh Văn Tổ' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'vi-VN' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the problems of a bad file and writes nothing', async () => {
    await new LoginPage(page, server.url).signIn(organizer.username, organizer.password);
    await page.getByRole('treeitem').first().waitFor();
    const importPage = new ImportPage(page, server.url);
    await importPage.open();
    await importPage.upload(
      'loi.xlsx',
      await buildRosterFile([
        ['Nguyễn Văn An', '31/02/1985', 'Nam', '0011001', null, 'Trường THCS Tân Lập', 'Xã Tân Lập', 'Giáo viên', null],
      ]),
    );
    await page.getByText(/Tệp có 1 lỗi/).waitFor();
    const problems = importPage.problemsTable();
    await expect(problems.getByRole('row').nth(1).innerText()).resolves.toMatch(/5\s+Ngày sinh\s+Ngày sinh không hợp lệ: 31\/02\/1985/);
    expect(await page.getByRole('button', { name: 'Xác nhận nhập' }).isDisabled()).toBe(true);
    const count = await server.ctx.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('imports a clean file, then finds "Nguyễn Văn Ân" by typing "nguyen van an"', async () => {
    const importPage = new ImportPage(page, server.url);
    await importPage.open();
    await importPage.upload(
      'danh-sach.xlsx',
      await buildRosterFile([
        ['Nguyễn Văn Ân', '02/09/1980', 'Nam', '0011001', '001080012345', 'Trường THCS Tân Lập', 'Xã Tân Lập', 'Hiệu trưởng', 'x'],
        ['Đặng Thị Thu', '3/4/1990', 'Nữ', '0011002', null, 'Trường THCS Tân Lập', 'Xã Tân Lập', 'Giáo viên', null],
        ['Lê Văn Bình', '15/06/1988', 'Nam', '0011003', null, 'Trường Tiểu học Tân Lập', 'Xã Tân Lập', 'Giáo viên', null],
      ]),
    );
    const confirm = page.getByRole('button', { name: 'Xác nhận nhập' });
    await importPage.confirmNewUnits(3);
    expect(await confirm.isEnabled()).toBe(true);
    await page.getByRole('checkbox', { name: /Tôi đã kiểm tra/ }).uncheck();
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: /Tôi đã kiểm tra/ }).check();
    await importPage.confirm();
    await importPage.showList();

    const roster = new RosterPage(page);
    await roster.unit('Xã Tân Lập').waitFor();
    await roster.search('nguyen van an');
    await expect.poll(async () => (await roster.personButtons().allInnerTexts()).join('|'), { timeout: 10_000 }).toBe('Nguyễn Văn Ân');
    const stored = await server.ctx.db
      .selectFrom('people')
      .select(['full_name', 'citizen_id'])
      .where('staff_id', '=', '0011001')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ full_name: 'Nguyễn Văn Ân', citizen_id: '001080012345' });
    await roster.search('dang thi');
    await expect.poll(async () => (await roster.personButtons().allInnerTexts()).join('|'), { timeout: 10_000 }).toBe('Đặng Thị Thu');
  });
  it("reads a school office's list: abbreviated school found, footer listed as skipped, an unknown title mapped once", async () => {
    const importPage = new ImportPage(page, server.url);
    await importPage.open();
    await importPage.upload(
      'ds-truong.xlsx',
      await buildOfficeRosterFile({
        unitName: 'TH Tân Lập',
        place: 'Tân Lập',
        people: [
          { name: 'Hà Thị Lụa', birth: 1987, gender: 'Nữ', citizenId: '001187000301', title: 'Tổ trưởng chuyên môn' },
          { name: 'Mùa A Chứ', birth: 1991, gender: 'Nam', citizenId: '001091000302', title: 'Nhân viên bán trú' },
          { name: 'Lò Thị Nga', birth: 1993, gender: 'Nữ', citizenId: '001193000303', title: 'Phụ trách phòng học bộ môn' },
        ],
      }),
    );
    await page.getByText('1 chức vụ chưa biết thuộc nhóm nào — chưa ghi gì.').waitFor();
    expect(await page.getByText(/chưa có trong hệ thống/).count()).toBe(0);
    await page.getByText('Đã bỏ qua 5 dòng chân trang (tổng cộng, ngày tháng, chữ ký) — không phải người').click();
    await page.getByRole('cell', { name: 'Tân Lập, ngày 15 tháng 9 năm 2026' }).waitFor();
    await page.getByRole('cell', { name: 'dòng tổng cộng' }).waitFor();
    const confirm = page.getByRole('button', { name: 'Xác nhận nhập' });
    expect(await confirm.isDisabled()).toBe(true);

    await importPage.mapTitle('Phụ trách phòng học bộ môn', 'Giáo viên');
    await page.getByRole('button', { name: 'Lưu và kiểm tra lại tệp' }).click();
    await page.getByText('1 chức vụ chưa biết thuộc nhóm nào — chưa ghi gì.').waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: /Phụ trách phòng học bộ môn\s*Giáo viên/ }).waitFor();
    await importPage.confirm();
    const stored = await server.ctx.db
      .selectFrom('people')
      .innerJoin('units', 'units.id', 'people.unit_id')
      .select(['people.full_name', 'people.title', 'people.position', 'people.birth_date', 'units.name'])
      .where('people.citizen_id', 'in', ['001187000301', '001091000302', '001193000303'])
      .orderBy('people.citizen_id')
      .execute();
    expect(stored.map((p) => [p.full_name, p.title, p.position, p.birth_date, p.name])).toEqual([
      ['Mùa A Chứ', 'Nhân viên bán trú', 'staff', '1991', 'Trường Tiểu học Tân Lập'],
      ['Hà Thị Lụa', 'Tổ trưởng chuyên môn', 'teacher', '1987', 'Trường Tiểu học Tân Lập'],
      ['Lò Thị Nga', 'Phụ trách phòng học bộ môn', 'teacher', '1993', 'Trường Tiểu học Tân Lập'],
    ]);
  });
});
