import type { Page } from 'playwright-core';

/** The survey editor (/bai-khao-sat/moi, /bai-khao-sat/:id/sua). */
export class AssessmentEditorPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async openEdit(id: number) {
    await this.page.goto(`${this.baseUrl}/bai-khao-sat/${id}/sua`);
    await this.page.getByRole('textbox', { name: 'Tên bài khảo sát' }).waitFor();
  }

  variantMode(label: 'Một số mã đề' | 'Mỗi người một mã đề') {
    return this.page.getByRole('radio', { name: label });
  }

  opensAt() {
    return this.page.getByPlaceholder('Mở lúc');
  }

  save() {
    return this.page.getByRole('button', { name: 'Lưu', exact: true });
  }

  errorAlert() {
    return this.page.getByRole('alert');
  }
}
