import { can, scopeOf, type Actor } from '../../../domain/roles.ts';
import type { Executor } from '../../db/database.ts';
import { fail } from '../../errors.ts';
import * as repo from './repository.ts';

export interface CampaignAccess {
  campaign: repo.CampaignRow;
  /** training.manage on the campaign's unit. */
  manage: boolean;
  /** null: every participant; else only participants whose unit lies in these subtrees. */
  scopePaths: string[] | null;
}

/**
 * Organisers of the campaign's unit manage it; readers of that unit see all of it; a principal or commune officer
 * whose subtree has a site or participants sees the campaign, restricted to their own people. Others get 404.
 */
export async function campaignAccess(db: Executor, actor: Actor, id: number): Promise<CampaignAccess> {
  const campaign = await repo.findCampaign(db, id);
  if (!campaign) throw fail('campaign_not_found');
  const manage = can(actor, 'training.manage', campaign.unit_path);
  if (manage || can(actor, 'training.read', campaign.unit_path)) return { campaign, manage, scopePaths: null };
  const scopes = scopeOf(actor, 'training.read');
  if (await repo.campaignTouches(db, campaign.id, scopes)) return { campaign, manage: false, scopePaths: scopes };
  throw fail('campaign_not_found');
}

export async function campaignForManager(db: Executor, actor: Actor, id: number) {
  const access = await campaignAccess(db, actor, id);
  if (!access.manage) throw fail('forbidden', { action: 'thay đổi đợt bồi dưỡng này' });
  return access.campaign;
}

/** Whether a unit path is inside the access's participant scope. */
export function inScope(access: Pick<CampaignAccess, 'scopePaths'>, unitPath: string): boolean {
  return access.scopePaths === null || access.scopePaths.some((p) => unitPath.startsWith(p));
}
