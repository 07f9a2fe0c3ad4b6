import type { Page } from 'playwright-core';

export class ImportPage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async open() {
    await this.page.goto(`${this.baseUrl}/nhap-excel`);
    await this.page.getByText('Kéo tệp Excel vào đây hoặc bấm để chọn').waitFor();
  }

  async upload(name: string, buffer: Buffer) {
    await this.page.locator('input[type=file]').setInputFiles({
      name, buffer, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  }

  problemsTable() {
    return this.page.getByRole('table').filter({ has: this.page.getByRole('columnheader', { name: 'Lỗi' }) });
  }

  async confirm() {
    await this.page.getByRole('button', { name: 'Xác nhận nhập' }).click();
    await this.page.getByText('Đã nhập xong').waitFor();
  }

  async showList() {
    await this.page.getByRole('button', { name: 'Xem danh sách' }).click();
  }
}
