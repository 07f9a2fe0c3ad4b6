import type { Page } from 'playwright-core';

/** The live monitor of a survey (Giám sát), by what the organiser or proctor sees. */
export class MonitorPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(assessmentId: number) {
    await this.page.goto(`${this.baseUrl}/bai-khao-sat/${assessmentId}/giam-sat`);
    await this.page.getByRole('heading', { name: /^Giám sát: / }).waitFor();
  }

  async search(name: string) {
    await this.page.getByRole('searchbox', { name: 'Tìm theo tên' }).fill(name);
    await this.personRow(name).waitFor();
  }

  personRow(name: string) {
    return this.page.getByRole('row').filter({ hasText: name });
  }

  /** Sets a person's extra minutes for this survey, before they start. */
  async setExtraTime(name: string, minutes: number, reason: string) {
    await this.page.getByRole('button', { name: `Thời gian cộng thêm cho ${name}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Thời gian cộng thêm — ${name}` });
    await dialog.getByRole('spinbutton', { name: 'Số phút cộng thêm' }).fill(String(minutes));
    await dialog.getByRole('textbox', { name: 'Lý do' }).fill(reason);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
