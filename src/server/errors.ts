/** Typed errors with stable codes; the error handler answers { code, message } in Vietnamese. */

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const errors = {
  unauthenticated: () => new AppError(401, 'unauthenticated', 'Vui lòng đăng nhập.'),
  badCredentials: () => new AppError(401, 'bad_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.'),
  accountDisabled: () => new AppError(403, 'account_disabled', 'Tài khoản đã bị khóa. Liên hệ quản trị đơn vị.'),
  passwordChangeRequired: () =>
    new AppError(403, 'password_change_required', 'Bạn cần đổi mật khẩu trước khi tiếp tục.'),
  csrf: () => new AppError(403, 'csrf_failed', 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.'),
  forbidden: (what = 'thực hiện thao tác này') => new AppError(403, 'forbidden', `Bạn không có quyền ${what}.`),
  notFound: (code: string, what: string) => new AppError(404, code, `Không tìm thấy ${what}.`),
  unitNotFound: () => new AppError(404, 'unit_not_found', 'Không tìm thấy đơn vị.'),
  personNotFound: () => new AppError(404, 'person_not_found', 'Không tìm thấy người này.'),
  userNotFound: () => new AppError(404, 'user_not_found', 'Không tìm thấy tài khoản.'),
  invalid: (code: string, message: string, details?: unknown) => new AppError(400, code, message, details),
  conflict: (code: string, message: string, details?: unknown) => new AppError(409, code, message, details),
  payloadTooLarge: (limitMb: number) =>
    new AppError(413, 'file_too_large', `Tệp quá lớn (tối đa ${limitMb} MB).`),
};
