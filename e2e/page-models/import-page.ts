import type { Page } from 'playwright-core';

export class ImportPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open() {
    await this.page.goto(`${this.baseUrl}/nhap-excel`);
    await this.page.getByText('Kéo tệp Excel vào đây hoặc bấm để chọn').waitFor();
  }

  async upload(name: string, buffer: Buffer) {
    await this.page.locator('input[type=file]').setInputFiles({
      name,
      buffer,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  }

  problemsTable() {
    return this.page.getByRole('table').filter({ has: this.page.getByRole('columnheader', { name: 'Lỗi' }) });
  }

  /** Ticks "Tôi đã kiểm tra: tạo mới N đơn vị này" under the list of units the file would create. */
  async confirmNewUnits(count: number) {
    await this.page.getByText(`Tệp nêu ${count} đơn vị chưa có trong hệ thống`).waitFor();
    await this.page.getByRole('checkbox', { name: `Tôi đã kiểm tra: tạo mới ${count} đơn vị này` }).check();
  }

  /** Picks the category of an unknown title in the preview's list. */
  async mapTitle(title: string, category: string) {
    await this.page.getByRole('combobox', { name: `Nhóm của chức vụ ${title}` }).click();
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(category, { exact: true }).click();
  }

  async confirm() {
    await this.page.getByRole('button', { name: 'Xác nhận nhập' }).click();
    await this.page.getByText('Đã nhập xong').waitFor();
  }

  async showList() {
    await this.page.getByRole('button', { name: 'Xem danh sách' }).click();
  }
}
