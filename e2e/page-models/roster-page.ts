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

  /** Opens a person from the table, then the edit form: the drawer "Sửa thông tin: <name>". */
  async editPerson(name: string) {
    await this.search(name);
    await this.page.getByRole('table').getByRole('button', { name }).click();
    await this.page.getByRole('button', { name: 'Sửa' }).click();
    return this.page.getByRole('dialog', { name: `Sửa thông tin: ${name}` });
  }
}
