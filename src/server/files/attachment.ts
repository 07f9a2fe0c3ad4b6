import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { fold } from '../../domain/text.ts';

const CONTENT_TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
  gift: 'text/plain; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/**
 * Sends a generated file for download, with an ASCII fallback name and the UTF-8 one (RFC 6266). A stream is sent as it
 * comes (chunked); a stream that fails midway ends the download short.
 */
export function attachment(reply: FastifyReply, body: Buffer | Readable, fileName: string): FastifyReply {
  const ext = fileName.split('.').pop() ?? '';
  const ascii = fold(fileName)
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-+/g, '-');
  return reply
    .type(CONTENT_TYPES[ext] ?? 'application/octet-stream')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(body);
}
