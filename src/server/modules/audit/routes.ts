import { Type } from '@fastify/type-provider-typebox';
import { scopeOf } from '../../../domain/roles.ts';
import { fail } from '../../errors.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { unitForActor } from '../units/service.ts';
import { listAudit } from './repository.ts';
import { AuditPage } from './schemas.ts';

const AuditQuery = Type.Object({
  unitId: Type.Optional(Type.Integer()),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export const auditRoutes: RouteModule = async (app, { ctx }) => {
  app.get('/api/audit', { schema: { querystring: AuditQuery, response: { 200: AuditPage } } }, async (request) => {
    const actor = requireActor(request);
    let scopePaths = scopeOf(actor, 'audit.read');
    if (scopePaths.length === 0) throw fail('forbidden', { action: 'xem nhật ký' });
    if (request.query.unitId !== undefined) {
      scopePaths = [(await unitForActor(ctx.db, actor, request.query.unitId, 'audit.read')).path];
    }
    const page = request.query.page ?? 1;
    const pageSize = request.query.pageSize ?? 50;
    const { rows, total } = await listAudit(ctx.db, { scopePaths, offset: (page - 1) * pageSize, limit: pageSize });
    return {
      total,
      page,
      pageSize,
      items: rows.map((r) => ({
        id: r.id,
        at: r.at,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        summary: r.summary,
        unitName: r.unit_name,
        actor: r.actor_name ? `${r.actor_name} (${r.actor_username})` : 'Hệ thống',
      })),
    };
  });
};
