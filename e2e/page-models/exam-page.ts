import type { Page } from 'playwright-core';

/** The participant's exam page, by what a person sees: questions, options, the navigator, the network line. */
export class ExamPage {
  constructor(private readonly page: Page) {}

  async waitForQuestion(number: number) {
    await this.page.getByRole('region', { name: `Câu ${number}` }).waitFor();
  }

  async choose(number: number, letter: string) {
    await this.goTo(number);
    await this.page.getByRole('radiogroup', { name: `Các phương án của câu ${number}` })
      .getByRole('radio', { name: new RegExp(`^${letter}\\. `) }).click();
  }

  async goTo(number: number) {
    await this.page.getByRole('navigation', { name: 'Danh sách câu hỏi' }).getByRole('button', { name: new RegExp(`^Câu ${number}:`) }).click();
    await this.waitForQuestion(number);
  }

  savedMark(number: number) {
    return this.page.getByTestId(`saved-${number}`);
  }

  /** The letter of the chosen option of the question on screen ('' when none). */
  async checkedLetter(): Promise<string> {
    const checked = this.page.getByRole('radio', { checked: true });
    if ((await checked.count()) === 0) return '';
    return ((await checked.first().textContent()) ?? '').trim().charAt(0);
  }

  /** The countdown, in seconds. */
  async timeLeftSeconds(): Promise<number> {
    const text = (await this.page.getByRole('timer').textContent()) ?? '';
    return text.split(':').map(Number).reduce((total, part) => total * 60 + part, 0);
  }

  networkLine() {
    return this.page.getByRole('status').filter({ hasText: /lưu|kết nối/ }).first();
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Nộp bài' }).first().click();
    await this.page.getByRole('dialog', { name: 'Nộp bài?' }).getByRole('button', { name: 'Nộp bài' }).click();
  }
}
