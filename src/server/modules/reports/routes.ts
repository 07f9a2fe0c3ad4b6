import { Type } from '@fastify/type-provider-typebox';
import { attachment } from '../../files/attachment.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { IdParams } from '../units/schemas.ts';
import { resultsReport } from './service.ts';

const ReportQuery = Type.Object({
  format: Type.Union([Type.Literal('xlsx'), Type.Literal('pdf'), Type.Literal('csv'), Type.Literal('csv-intl')]),
  unitId: Type.Optional(Type.Integer()),
});

export const reportRoutes: RouteModule = async (app, { ctx }) => {
  app.get(
    '/api/assessments/:id/report',
    { config: { file: true }, schema: { params: IdParams, querystring: ReportQuery } },
    async (request, reply) => {
      // The workbook streams: it is written as its rows are read from the database (report-xlsx.ts).
      const file = await resultsReport(ctx, requireActor(request), request.params.id, request.query.format, request.query.unitId);
      return attachment(reply, file.body, file.fileName).header('cache-control', 'no-store');
    },
  );
};
