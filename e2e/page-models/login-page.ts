import type { Page } from 'playwright-core';

export class LoginPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async signIn(username: string, password: string) {
    await this.page.goto(`${this.baseUrl}/dang-nhap`);
    await this.page.getByRole('textbox', { name: 'Tên đăng nhập' }).fill(username);
    await this.page.getByRole('textbox', { name: 'Mật khẩu' }).fill(password);
    await this.page.getByRole('button', { name: 'Đăng nhập' }).click();
  }
}
