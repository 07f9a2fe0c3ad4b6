import type { Locator, Page } from 'playwright-core';

/** The participant's light page "Lịch học, tài liệu" (/thi/lich-hoc). */
export class SchedulePage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** From the participant's pages, by the tab a teacher taps. */
  async openFromTabs() {
    await this.page.getByRole('navigation', { name: 'Trang của học viên' }).getByRole('link', { name: 'Lịch học, tài liệu' }).click();
    await this.heading().waitFor();
  }

  async open() {
    await this.page.goto(`${this.baseUrl}/thi/lich-hoc`);
    await this.heading().waitFor();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Lịch học, tài liệu' });
  }

  campaign(name: string | RegExp): Locator {
    return this.page.getByRole('article', { name });
  }

  /** The day's group of sessions, named by its date as shown ("Thứ Hai, 06/07/2026"). */
  day(label: string): Locator {
    return this.page.getByRole('group', { name: label });
  }

  /** The session of that day starting at HH:MM. */
  session(dayLabel: string, startsAt: string): Locator {
    return this.day(dayLabel)
      .getByRole('listitem')
      .filter({ hasText: `${startsAt}–` });
  }

  /** The day headings in the order shown. */
  dayLabels(campaign: Locator): Promise<string[]> {
    return campaign.getByRole('heading', { level: 4 }).allTextContents();
  }

  material(title: string): Locator {
    return this.page.getByRole('link', { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  }

  async checkIn(session: Locator, code: string) {
    await session.getByRole('textbox', { name: /Tự điểm danh/ }).fill(code);
    await session.getByRole('button', { name: 'Điểm danh' }).click();
  }
}
