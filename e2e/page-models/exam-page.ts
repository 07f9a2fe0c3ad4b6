import type { Page } from 'playwright-core';

/** The participant's exam page, by what a person sees: questions, options, the navigator, the network line. */
export class ExamPage {
  constructor(private readonly page: Page) {}

  async waitForQuestion(number: number) {
    await this.page.getByRole('region', { name: `Câu ${number}` }).waitFor();
  }

  async choose(number: number, letter: string) {
    await this.goTo(number);
    await this.page
      .getByRole('radiogroup', { name: `Các phương án của câu ${number}` })
      .getByRole('radio', { name: new RegExp(`^${letter}\\. `) })
      .click();
  }

  async goTo(number: number) {
    await this.page
      .getByRole('navigation', { name: 'Danh sách câu hỏi' })
      .getByRole('button', { name: new RegExp(`^Câu ${number}:`) })
      .click();
    await this.waitForQuestion(number);
  }

  savedMark(number: number) {
    return this.page.getByTestId(`saved-${number}`);
  }

  /** 'server' once the server holds the answer ("✓ Đã lưu"), 'device' while it is only kept here ("đã lưu trên máy"). */
  async savedWhere(number: number): Promise<'server' | 'device' | ''> {
    const text = (await this.savedMark(number).textContent()) ?? '';
    if (text.includes('đã lưu trên máy')) return 'device';
    return text.includes('✓ Đã lưu') ? 'server' : '';
  }

  /**
   * Waits until the service worker of the /thi pages is active with its cache filled (it installs once the page has
   * loaded). A page that began at /dang-nhap stays uncontrolled; its next load under /thi goes through the worker.
   */
  async waitForOfflineShell() {
    await this.page.waitForFunction(
      async () => (await navigator.serviceWorker.getRegistration('/thi/'))?.active?.state === 'activated',
      undefined,
      { timeout: 15_000, polling: 200 },
    );
    // Loaded through the worker once while online: it is then running and known to serve this page's navigations
    // (a worker that fails to start in time lets the browser go to the network, which offline is an error page).
    if (await this.page.evaluate(() => navigator.serviceWorker.controller === null)) {
      await this.page.reload();
      await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
    }
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
    return text
      .split(':')
      .map(Number)
      .reduce((total, part) => total * 60 + part, 0);
  }

  networkLine() {
    return this.page
      .getByRole('status')
      .filter({ hasText: /lưu|kết nối/ })
      .first();
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Nộp bài' }).first().click();
    await this.page.getByRole('dialog', { name: 'Nộp bài?' }).getByRole('button', { name: 'Nộp bài' }).click();
  }
}
