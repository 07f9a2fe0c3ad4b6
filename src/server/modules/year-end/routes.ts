import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { AppContext } from '../../context.ts';
import { attachment } from '../../files/attachment.ts';
import { requireActor } from '../../plugins/auth.ts';
import { IdParams } from '../units/schemas.ts';
import { yearEndSheetFile } from './service.ts';

const SheetQuery = Type.Object({
  unitId: Type.Integer(),
  format: Type.Union([Type.Literal('xlsx'), Type.Literal('pdf')]),
});

export async function yearEndRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Params: IdParams; Querystring: Static<typeof SheetQuery> }>('/api/campaigns/:id/year-end-sheet',
    { schema: { params: IdParams, querystring: SheetQuery } }, async (request, reply) => {
      const file = await yearEndSheetFile(ctx, requireActor(request), request.params.id, request.query.unitId, request.query.format);
      return attachment(reply, file.body, file.fileName).header('cache-control', 'no-store');
    });
}
