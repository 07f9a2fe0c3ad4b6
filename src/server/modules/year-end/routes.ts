import { Type } from '@fastify/type-provider-typebox';
import { attachment } from '../../files/attachment.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { IdParams } from '../units/schemas.ts';
import { yearEndSheetFile } from './service.ts';

const SheetQuery = Type.Object({
  unitId: Type.Integer(),
  format: Type.Union([Type.Literal('xlsx'), Type.Literal('pdf')]),
});

export const yearEndRoutes: RouteModule = async (app, { ctx }) => {
  app.get(
    '/api/campaigns/:id/year-end-sheet',
    { config: { file: true }, schema: { params: IdParams, querystring: SheetQuery } },
    async (request, reply) => {
      const file = await yearEndSheetFile(ctx, requireActor(request), request.params.id, request.query.unitId, request.query.format);
      return attachment(reply, file.body, file.fileName).header('cache-control', 'no-store');
    },
  );
};
