/** The organiser takes a site's laptop out of service: lost, broken, or handed back after the survey. */
import type { Actor } from '../../../domain/roles.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { recordAudit } from '../audit/repository.ts';
import { siteForManager } from '../sites/access.ts';
import { edgeWithSite } from './leases-service.ts';
import * as repo from './repository.ts';

/**
 * From now on the laptop's syncs are refused (what it had not sent stays on it, for the organiser to read there);
 * people with no attempt from it may start on the province or on a newly prepared laptop. Attempts that arrived
 * unfinished are closed by the province's sweep at their deadline, with the answers that arrived.
 */
export async function revokeEdge(ctx: AppContext, actor: Actor, edgeId: number): Promise<{ returned: number }> {
  const { edge, site } = await edgeWithSite(ctx, actor, edgeId, siteForManager);
  const at = nowIso(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const returned = await repo.revokeEdge(trx, edge.id, at);
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'edge.revoke',
      entityType: 'edge',
      entityId: String(edge.id),
      unitId: site.unit_id,
      summary:
        `Thu hồi máy chủ điểm cầu "${edge.name}" (${site.name}): ${returned} người được làm bài lại trên máy chủ tỉnh`
        + (edge.reported_pending ? `; máy còn ${edge.reported_pending} thay đổi chưa gửi` : ''),
    });
    return { returned };
  });
}
