import { Type } from '@fastify/type-provider-typebox';
import { OneOf } from '../../lib/nullable.ts';
import { fail } from '../../errors.ts';
import { requireFile } from '../../files/require-file.ts';
import { attachment } from '../../files/attachment.ts';
import { streamWithProgress } from '../../files/ndjson.ts';
import { assertParseCapacity } from '../../files/parse-upload.ts';
import { readUpload } from '../../files/upload-bytes.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { IdParams } from '../units/schemas.ts';
import { unitForActor } from '../units/service.ts';
import { commitStoredImport, mapPositionTitles, previewImport } from './service.ts';
import { POSITIONS } from '../../../domain/roster.ts';
import { buildRosterTemplate } from './xlsx-template.ts';

const UploadQuery = Type.Object({ underUnitId: Type.Integer() });
const TitleMappingsBody = Type.Object({
  mappings: Type.Array(
    Type.Object({
      title: Type.String({ minLength: 1, maxLength: 200 }),
      position: OneOf(POSITIONS),
    }),
    { minItems: 1, maxItems: 200 },
  ),
});

const CommitBody = Type.Object({
  /** Labels of the new units the organiser ticked in the preview. */
  confirmedUnits: Type.Array(Type.String({ maxLength: 400 }), { maxItems: 5000, default: [] }),
});

export const rosterImportRoutes: RouteModule = async (app, { ctx }) => {
  app.get('/api/roster/template.xlsx', { config: { file: true } }, async (request, reply) => {
    requireActor(request);
    return attachment(reply, await buildRosterTemplate(), 'mau-danh-sach-can-bo.xlsx');
  });

  app.post('/api/roster/imports', { config: { file: true }, schema: { querystring: UploadQuery } }, async (request, reply) => {
    const actor = requireActor(request);
    await unitForActor(ctx.db, actor, request.query.underUnitId, 'roster.write');
    const part = await requireFile(request, 'tệp Excel');
    const file = await readUpload(part);
    if (!/\.xlsx$/i.test(part.filename)) {
      throw fail('invalid_xlsx');
    }
    assertParseCapacity(ctx, reply);
    return streamWithProgress(request, reply, async (progress) => {
      const { records: _records, ...preview } = await previewImport(
        ctx,
        actor,
        { file, fileName: part.filename, underUnitId: request.query.underUnitId, store: true },
        progress,
      );
      return preview;
    });
  });

  // Titles an import's preview could not place: the organiser's answer is remembered for every later import.
  app.post(
    '/api/roster/position-titles',
    { schema: { body: TitleMappingsBody, response: { 200: Type.Object({ saved: Type.Integer() }) } } },
    async (request) => mapPositionTitles(ctx, requireActor(request), request.body.mappings),
  );

  app.post(
    '/api/roster/imports/:id/commit',
    {
      config: { file: true },
      schema: { params: IdParams, body: CommitBody },
      // A commit with no body confirms no new unit.
      preValidation: async (request) => {
        request.body ??= { confirmedUnits: [] };
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return streamWithProgress(request, reply, (progress) =>
        commitStoredImport(ctx, actor, request.params.id, request.body.confirmedUnits, progress),
      );
    },
  );
};
