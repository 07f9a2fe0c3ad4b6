import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { AppContext } from '../../context.ts';
import { errors } from '../../errors.ts';
import { attachment } from '../../files/attachment.ts';
import { streamWithProgress } from '../../files/ndjson.ts';
import { assertParseCapacity } from '../../files/parse-upload.ts';
import { readUpload } from '../../files/upload-bytes.ts';
import { requireActor } from '../../plugins/auth.ts';
import { IdParams } from '../units/schemas.ts';
import { unitForActor } from '../units/service.ts';
import { commitStoredImport, previewImport } from './service.ts';
import { buildRosterTemplate } from './xlsx-template.ts';

const UploadQuery = Type.Object({ underUnitId: Type.Integer() });

export async function rosterImportRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/roster/template.xlsx', async (request, reply) => {
    requireActor(request);
    return attachment(reply, await buildRosterTemplate(), 'mau-danh-sach-can-bo.xlsx');
  });

  app.post<{ Querystring: Static<typeof UploadQuery> }>('/api/roster/imports', { schema: { querystring: UploadQuery } },
    async (request, reply) => {
      const actor = requireActor(request);
      await unitForActor(ctx.db, actor, request.query.underUnitId, 'roster.write');
      const part = await request.file();
      if (!part) throw errors.invalid('file_required', 'Chưa chọn tệp Excel.');
      const file = await readUpload(part);
      if (!/\.xlsx$/i.test(part.filename)) {
        throw errors.invalid('invalid_xlsx', 'Chỉ nhận tệp Excel .xlsx (nếu là .xls, hãy mở bằng Excel và lưu lại dạng .xlsx).');
      }
      assertParseCapacity(ctx, reply);
      return streamWithProgress(request, reply, async (progress) => {
        const { records: _records, ...preview } = await previewImport(ctx, actor,
          { file, fileName: part.filename, underUnitId: request.query.underUnitId, store: true }, progress);
        return preview;
      });
    });

  app.post<{ Params: IdParams }>('/api/roster/imports/:id/commit', { schema: { params: IdParams } }, async (request, reply) => {
    const actor = requireActor(request);
    return streamWithProgress(request, reply, (progress) => commitStoredImport(ctx, actor, request.params.id, progress));
  });
}
