import type { Page } from 'playwright-core';

/** The proctor's phone list. */
export class AttendancePage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async openFirstSession() {
    await this.page.goto(`${this.baseUrl}/diem-danh`);
    await this.page.getByRole('link', { name: 'Điểm danh' }).first().click();
    await this.page.getByRole('list', { name: 'Danh sách điểm danh' }).waitFor();
  }

  async mark(fullName: string, status: 'Có mặt' | 'Muộn' | 'Vắng') {
    await this.page.getByRole('listitem').filter({ hasText: fullName }).getByText(status, { exact: true }).click();
  }

  async reason(fullName: string, reason: string) {
    await this.page.getByRole('combobox', { name: `Lý do vắng của ${fullName}` }).click();
    await this.page.locator('.ant-select-item-option', { hasText: reason }).click();
  }

  async markRestPresent() {
    await this.page.getByRole('button', { name: 'Những người còn lại: có mặt' }).click();
    await this.page.getByText(/Đã đánh dấu có mặt \d+ người còn lại/).waitFor();
  }
}
