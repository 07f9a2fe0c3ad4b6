import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { requireFile } from '../../files/require-file.ts';
import { attachment } from '../../files/attachment.ts';
import { streamWithProgress } from '../../files/ndjson.ts';
import { assertParseCapacity } from '../../files/parse-upload.ts';
import { readUpload } from '../../files/upload-bytes.ts';
import { requireActor } from '../../plugins/auth.ts';
import { IdParams } from '../units/schemas.ts';
import { unitForActor } from '../units/service.ts';
import { commitStoredImport, mapPositionTitles, previewImport } from './service.ts';
import { POSITIONS } from '../../../domain/roster.ts';
import { buildRosterTemplate } from './xlsx-template.ts';

const UploadQuery = Type.Object({ underUnitId: Type.Integer() });
const TitleMappingsBody = Type.Object({
  mappings: Type.Array(Type.Object({
    title: Type.String({ minLength: 1, maxLength: 200 }),
    position: Type.Union(POSITIONS.map((p) => Type.Literal(p))),
  }), { minItems: 1, maxItems: 200 }),
});

const CommitBody = Type.Object({
  /** Labels of the new units the organiser ticked in the preview. */
  confirmedUnits: Type.Array(Type.String({ maxLength: 400 }), { maxItems: 5000, default: [] }),
});

export async function rosterImportRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/roster/template.xlsx', async (request, reply) => {
    requireActor(request);
    return attachment(reply, await buildRosterTemplate(), 'mau-danh-sach-can-bo.xlsx');
  });

  app.post<{ Querystring: Static<typeof UploadQuery> }>('/api/roster/imports', { schema: { querystring: UploadQuery } },
    async (request, reply) => {
      const actor = requireActor(request);
      await unitForActor(ctx.db, actor, request.query.underUnitId, 'roster.write');
      const part = await requireFile(request, 'tệp Excel');
      const file = await readUpload(part);
      if (!/\.xlsx$/i.test(part.filename)) {
        throw fail('invalid_xlsx');
      }
      assertParseCapacity(ctx, reply);
      return streamWithProgress(request, reply, async (progress) => {
        const { records: _records, ...preview } = await previewImport(ctx, actor,
          { file, fileName: part.filename, underUnitId: request.query.underUnitId, store: true }, progress);
        return preview;
      });
    });

  // Titles an import's preview could not place: the organiser's answer is remembered for every later import.
  app.post<{ Body: Static<typeof TitleMappingsBody> }>('/api/roster/position-titles', { schema: { body: TitleMappingsBody } },
    async (request) => mapPositionTitles(ctx, requireActor(request), request.body.mappings));

  app.post<{ Params: IdParams; Body: Static<typeof CommitBody> }>('/api/roster/imports/:id/commit',
    {
      schema: { params: IdParams, body: CommitBody },
      // A commit with no body confirms no new unit.
      preValidation: async (request) => { request.body ??= { confirmedUnits: [] }; },
    }, async (request, reply) => {
      const actor = requireActor(request);
      return streamWithProgress(request, reply, (progress) => commitStoredImport(ctx, actor, request.params.id, request.body.confirmedUnits, progress));
    });
}
