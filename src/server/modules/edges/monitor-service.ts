/** The organiser's view of a campaign's edge servers. */
import type { Actor } from '../../../domain/roles.ts';
import type { AppContext } from '../../context.ts';
import { campaignAccess } from '../campaigns/access.ts';
import * as repo from './repository.ts';
import type { EdgeView } from './schemas.ts';

/** An edge syncs every few seconds while its uplink is up: silence longer than this is "mất kết nối". */
export const EDGE_ONLINE_WINDOW_MS = 30_000;

export async function edgesOfCampaign(ctx: AppContext, actor: Actor, campaignId: number): Promise<EdgeView[]> {
  await campaignAccess(ctx.db, actor, campaignId);
  const now = ctx.clock.now().getTime();
  return (await repo.edgesOfCampaign(ctx.db, campaignId)).map((e) => ({
    id: e.id,
    name: e.name,
    siteId: e.site_id,
    siteName: e.site_name,
    createdAt: e.created_at,
    revokedAt: e.revoked_at,
    online: e.revoked_at === null && e.last_contact_at !== null && now - Date.parse(e.last_contact_at) < EDGE_ONLINE_WINDOW_MS,
    lastContactAt: e.last_contact_at,
    clockOffsetMs: e.clock_offset_ms === null ? null : Number(e.clock_offset_ms),
    pending: e.reported_pending === null ? null : Number(e.reported_pending),
    leased: Number(e.leased ?? 0),
    received: Number(e.received ?? 0),
    graded: Number(e.graded ?? 0),
    flagged: Number(e.flagged ?? 0),
  }));
}
