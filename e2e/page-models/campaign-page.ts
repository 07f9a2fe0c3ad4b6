import type { Page } from 'playwright-core';

export class CampaignPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async create(name: string) {
    await this.page.goto(`${this.baseUrl}/dot-boi-duong`);
    await this.page.getByRole('button', { name: 'Tạo đợt bồi dưỡng' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Tạo đợt bồi dưỡng' });
    await dialog.getByRole('textbox', { name: 'Tên đợt' }).fill(name);
    await dialog.getByRole('switch', { name: 'Phải tham dự mới được làm bài khảo sát' }).click();
    await dialog.getByRole('button', { name: 'Tạo' }).click();
    await this.page.getByRole('heading', { name }).waitFor();
  }

  async openTab(name: string) {
    await this.page.getByRole('tab', { name }).click();
  }

  async addSite(name: string, unitName: string, capacity: number) {
    await this.page.getByRole('button', { name: 'Thêm điểm cầu' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Thêm điểm cầu' });
    await dialog.getByRole('textbox', { name: 'Tên điểm cầu' }).fill(name);
    await this.pickUnit(dialog.getByRole('combobox', { name: 'Đơn vị của điểm cầu' }), unitName);
    await dialog.getByRole('spinbutton', { name: 'Sức chứa' }).fill(String(capacity));
    await dialog.getByRole('button', { name: 'Thêm' }).click();
    await this.page.getByRole('button', { name }).waitFor();
  }

  /** antd TreeSelect: type to filter (diacritics ignored), then click the unit. */
  async pickUnit(combobox: ReturnType<Page['getByRole']>, unitName: string) {
    await combobox.click();
    await combobox.fill(unitName);
    await this.page.locator('.ant-select-tree-title', { hasText: unitName }).last().click();
  }

  async assignUnitToSite(siteName: string, unitName: string) {
    await this.page.getByRole('button', { name: siteName }).click();
    const drawer = this.page.getByRole('dialog', { name: siteName });
    await this.pickUnit(drawer.getByRole('combobox', { name: 'Xếp học viên theo đơn vị' }), unitName);
    await drawer.getByRole('button', { name: 'Xếp vào điểm cầu' }).click();
    const toast = this.page.getByText(/Đã xếp \d+ người/).last();
    await toast.waitFor();
    // The success toast sits over the drawer's close button and stays while the pointer rests on it: move away, as a
    // user would, and let it go.
    await this.page.mouse.move(5, 5);
    await toast.waitFor({ state: 'hidden' });
    await drawer
      .getByRole('button', { name: 'Close' })
      .or(drawer.getByRole('button', { name: 'Đóng' }))
      .first()
      .click();
    await drawer.waitFor({ state: 'hidden' });
  }
}
