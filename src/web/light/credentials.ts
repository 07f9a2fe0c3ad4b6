/** What is missing from a sign-in form, as the login page and the exam's sign-in-again form both say it. */
export function missingCredential(username: string, password: string): string | null {
  if (!username.trim()) return 'Nhập tên đăng nhập.';
  if (!password) return 'Nhập mật khẩu.';
  return null;
}
