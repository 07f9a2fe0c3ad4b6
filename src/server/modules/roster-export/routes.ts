import { Type } from '@fastify/type-provider-typebox';
import { attachment } from '../../files/attachment.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { exportRoster } from './service.ts';

const ExportQuery = Type.Object({ unitId: Type.Integer() });

export const rosterExportRoutes: RouteModule = async (app, { ctx }) => {
  app.get('/api/roster/export.xlsx', { config: { file: true }, schema: { querystring: ExportQuery } }, async (request, reply) => {
    const { unitName, file } = await exportRoster(ctx, requireActor(request), request.query.unitId);
    return attachment(reply, file, `danh-sach-${unitName}.xlsx`).header('cache-control', 'no-store');
  });
};
