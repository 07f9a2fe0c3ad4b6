/** The one check every upload route makes first: the multipart request carries a file, else 400 `file_required`. */
import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { fail } from '../errors.ts';

/** What the page asked to choose, in its words ("Chưa chọn tệp Excel."). */
export type RequiredFile = 'tệp Excel' | 'tệp câu hỏi' | 'ảnh' | 'tệp tài liệu' | 'tệp dự thảo báo cáo';

export async function requireFile(
  request: FastifyRequest,
  file: RequiredFile,
  options?: Parameters<FastifyRequest['file']>[0],
): Promise<MultipartFile> {
  const part = await request.file(options);
  if (!part) throw fail('file_required', { file });
  return part;
}
