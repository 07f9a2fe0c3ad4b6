import type { Page } from 'playwright-core';

export class BankPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(bankId: number) {
    await this.page.goto(`${this.baseUrl}/ngan-hang/${bankId}`);
    await this.page.getByRole('button', { name: 'Nhập câu hỏi' }).first().waitFor();
  }

  async importFile(name: string, buffer: Buffer) {
    await this.page.getByRole('button', { name: 'Nhập câu hỏi' }).first().click();
    await this.page.getByText('Kéo tệp Word, Excel, GIFT hoặc Aiken vào đây').waitFor();
    await this.page.locator('input[type=file]').setInputFiles({ name, buffer, mimeType: 'application/octet-stream' });
  }

  async confirmImport(count: number) {
    await this.page.getByRole('button', { name: `Nhập ${count} câu đã chọn` }).click();
    await this.page.getByText(`Đã nhập ${count} câu hỏi`).waitFor();
    await this.page.getByRole('button', { name: 'Về ngân hàng câu hỏi' }).click();
  }

  async search(text: string) {
    await this.page
      .getByRole('textbox', { name: 'Tìm câu hỏi (gõ không dấu cũng được)' })
      .or(this.page.getByRole('searchbox', { name: 'Tìm câu hỏi (gõ không dấu cũng được)' }))
      .fill(text);
  }

  async filterByTag(tag: string) {
    await this.page.getByRole('combobox', { name: 'Nhãn' }).click();
    await this.page.getByRole('option', { name: new RegExp(`^${tag} \\(`) }).click();
  }
}
