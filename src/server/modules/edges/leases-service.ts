/** Who a site's laptop holds, and giving some of them back to the province (absent on the day, taking it elsewhere). */
import { EDGE_FLAG_LABELS, type EdgeFlag } from '../../../domain/edge/sync.ts';
import type { Actor } from '../../../domain/roles.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { recordAudit } from '../audit/repository.ts';
import { siteForMarking } from '../sites/access.ts';
import type { SiteRow } from '../sites/repository.ts';
import * as repo from './repository.ts';
import type { EdgeLeaseView } from './schemas.ts';

/** The edge and its site, once the actor passed the site's check (its proctors and organisers, or organisers only). */
export async function edgeWithSite(
  ctx: AppContext,
  actor: Actor,
  edgeId: number,
  check: (db: AppContext['db'], actor: Actor, siteId: number) => Promise<{ site: SiteRow }> = siteForMarking,
) {
  const edge = await repo.edgeById(ctx.db, edgeId);
  if (!edge) throw fail('edge_not_found');
  const { site } = await check(ctx.db, actor, edge.site_id);
  return { edge, site };
}

export async function leasesOfEdge(ctx: AppContext, actor: Actor, edgeId: number): Promise<EdgeLeaseView[]> {
  const { edge } = await edgeWithSite(ctx, actor, edgeId);
  const [rows, flagRows] = await Promise.all([repo.leaseDetails(ctx.db, edge.id), repo.flagsFrom(ctx.db, edge.id)]);
  const flags = new Map<string, Set<string>>();
  for (const f of flagRows) {
    const key = `${f.assessment_id}:${f.person_id}`;
    const labels = flags.get(key) ?? new Set<string>();
    for (const flag of (JSON.parse(f.detail ?? '{}') as { flags?: EdgeFlag[] }).flags ?? []) labels.add(EDGE_FLAG_LABELS[flag] ?? flag);
    flags.set(key, labels);
  }
  return rows.map((r) => ({
    personId: r.person_id,
    fullName: r.full_name,
    unitName: r.unit_name,
    assessmentId: r.assessment_id,
    survey: r.title,
    state: (r.status ?? 'waiting') as EdgeLeaseView['state'],
    flags: [...(flags.get(`${r.assessment_id}:${r.person_id}`) ?? [])],
  }));
}

/**
 * The people leave the laptop: the province lets them start, and the laptop learns it at its next sync and stops
 * letting them start there. Only people with nothing arrived from the laptop; all or none. A start the laptop made
 * offline before it learnt is refused by the province when it arrives (the rule: the province decides).
 */
export async function returnToProvince(ctx: AppContext, actor: Actor, edgeId: number, personIds: number[]) {
  const { edge, site } = await edgeWithSite(ctx, actor, edgeId);
  const ids = [...new Set(personIds)];
  const at = nowIso(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const arrived = await repo.arrivedFrom(trx, edge.id, ids);
    if (arrived > 0) throw fail('edge_has_attempts', { count: arrived });
    const returned = await repo.returnLeases(trx, edge.id, ids);
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'edge.return',
      entityType: 'edge',
      entityId: String(edge.id),
      unitId: site.unit_id,
      summary: `Trả ${returned} lượt làm bài từ máy chủ điểm cầu "${edge.name}" (${site.name}) về máy chủ tỉnh`,
    });
    return { returned };
  });
}
