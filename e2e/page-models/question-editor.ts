import type { Page } from 'playwright-core';

/** The question editor drawer of a bank page. */
export class QuestionEditor {
  constructor(private readonly page: Page) {}

  private root() {
    return this.page.getByRole('dialog', { name: /Sửa câu hỏi/ });
  }

  stem() {
    return this.root().getByRole('textbox', { name: 'Nội dung câu hỏi' });
  }

  preview() {
    return this.root().getByRole('region', { name: 'Xem trước câu hỏi' });
  }

  async open(questionLabel: string) {
    await this.page.getByRole('button', { name: `Sửa ${questionLabel}` }).click();
    await this.stem().waitFor();
  }

  /** Selects the words in the stem as a user dragging over them would. */
  async selectInStem(words: string) {
    await this.stem().evaluate((root, target) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(target);
        if (at < 0) continue;
        (root as HTMLElement).focus();
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + target.length);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return;
      }
      throw new Error(`"${target}" không có trong nội dung câu hỏi`);
    }, words);
  }

  async format(button: 'Đậm' | 'Nghiêng' | 'Gạch chân') {
    await this.root().getByRole('toolbar', { name: 'Định dạng nội dung câu hỏi' }).getByRole('button', { name: button }).click();
  }

  async addTag(tag: string) {
    const input = this.root().getByRole('combobox', { name: 'Nhãn' });
    await input.click();
    await input.pressSequentially(tag);
    await input.press('Enter');
    await input.press('Escape');
  }

  async save() {
    await this.root().getByRole('button', { name: 'Lưu câu hỏi' }).click();
    await this.page.getByText('Đã lưu câu hỏi.').waitFor();
    await this.root().waitFor({ state: 'hidden' });
  }
}
