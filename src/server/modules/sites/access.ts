import type { Actor } from '../../../domain/roles.ts';
import type { Executor } from '../../db/database.ts';
import { AppError, fail } from '../../errors.ts';
import { campaignAccess, type CampaignAccess } from '../campaigns/access.ts';
import * as repo from './repository.ts';

export interface SiteAccess {
  site: repo.SiteRow;
  /** null for a proctor who sees the campaign only through this site. */
  campaign: CampaignAccess | null;
  proctor: boolean;
}

/** Readers of the campaign, and the site's own proctors; others get 404. */
export async function siteAccess(db: Executor, actor: Actor, siteId: number): Promise<SiteAccess> {
  const site = await repo.findSite(db, siteId);
  if (!site) throw fail('site_not_found');
  const proctor = await repo.isProctor(db, site.id, actor.personId);
  try {
    return { site, campaign: await campaignAccess(db, actor, site.campaign_id), proctor };
  } catch (err) {
    if (!(err instanceof AppError) || err.statusCode !== 404) throw err;
    if (proctor) return { site, campaign: null, proctor };
    throw fail('site_not_found');
  }
}

export async function siteForManager(db: Executor, actor: Actor, siteId: number) {
  const access = await siteAccess(db, actor, siteId);
  if (!access.campaign?.manage) throw fail('forbidden', { action: 'thay đổi điểm cầu này' });
  return { site: access.site, campaign: access.campaign.campaign };
}

/** Who may mark attendance at the site: its proctors and the campaign's organisers. */
export async function siteForMarking(db: Executor, actor: Actor, siteId: number) {
  const access = await siteAccess(db, actor, siteId);
  if (!access.proctor && !access.campaign?.manage) throw fail('forbidden', { action: 'điểm danh tại điểm cầu này' });
  return access;
}

/** Participants the access may see: everyone for organisers and proctors, the own subtree for unit managers. */
export function participantScope(access: SiteAccess): string[] | null {
  if (access.proctor || !access.campaign) return null;
  return access.campaign.scopePaths;
}
