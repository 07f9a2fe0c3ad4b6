import type { Page } from 'playwright-core';

export class RosterPage {
  constructor(private readonly page: Page) {}

  searchBox() {
    return this.page.getByRole('searchbox', { name: 'Tìm theo tên, mã định danh, số CCCD' });
  }

  async search(text: string) {
    await this.searchBox().fill(text);
  }

  unit(name: string) {
    return this.page.getByRole('treeitem', { name: new RegExp(name) });
  }

  personButtons() {
    return this.page.getByRole('table').getByRole('button');
  }
}
