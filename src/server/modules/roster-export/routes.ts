import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { AppContext } from '../../context.ts';
import { attachment } from '../../files/attachment.ts';
import { requireActor } from '../../plugins/auth.ts';
import { exportRoster } from './service.ts';

const ExportQuery = Type.Object({ unitId: Type.Integer() });

export async function rosterExportRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Querystring: Static<typeof ExportQuery> }>('/api/roster/export.xlsx', { schema: { querystring: ExportQuery } },
    async (request, reply) => {
      const { unitName, file } = await exportRoster(ctx, requireActor(request), request.query.unitId);
      return attachment(reply, file, `danh-sach-${unitName}.xlsx`).header('cache-control', 'no-store');
    });
}
