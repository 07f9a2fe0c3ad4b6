import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../db/unavailable.ts';

const FIELD_LABELS: Record<string, string> = {
  username: 'tên đăng nhập',
  password: 'mật khẩu',
  newPassword: 'mật khẩu mới',
  name: 'tên',
  code: 'mã',
  fullName: 'họ và tên',
  unitId: 'đơn vị',
  parentId: 'đơn vị cấp trên',
  role: 'vai trò',
  page: 'trang',
  pageSize: 'số dòng mỗi trang',
  stem: 'nội dung câu hỏi',
  stemRich: 'nội dung câu hỏi',
  options: 'phương án',
  tags: 'nhãn',
  source: 'nguồn',
};

function fieldName(error: FastifyError): string {
  const first = error.validation?.[0];
  // "/stemRich/0/rows/3" names the field "rows"; an index alone says nothing.
  const pathName = first?.instancePath?.split('/').filter((part) => part && !/^\d+$/.test(part)).pop()
    ?? (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
  return pathName ? (FIELD_LABELS[pathName] ?? pathName) : '';
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send({ code: error.code, message: error.message, details: error.details });
    }
    if (error.validation) {
      const field = fieldName(error);
      return reply.status(400).send({
        code: 'invalid_request',
        message: field ? `Dữ liệu không hợp lệ ở trường "${field}".` : 'Dữ liệu gửi lên không hợp lệ.',
        details: error.validation.map((v) => ({ field: v.instancePath, rule: v.keyword })),
      });
    }
    if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.statusCode === 413) {
      return reply.status(413).send({ code: 'file_too_large', message: 'Tệp quá lớn (tối đa 20 MB).' });
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ code: 'bad_request', message: 'Yêu cầu không hợp lệ.' });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply.status(503).header('retry-after', '5').send({ code: 'database_unavailable', message: DATABASE_UNAVAILABLE_MESSAGE });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'internal_error', message: 'Lỗi máy chủ. Vui lòng thử lại sau.' });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ code: 'route_not_found', message: 'Không tìm thấy địa chỉ yêu cầu.' });
  });
}
