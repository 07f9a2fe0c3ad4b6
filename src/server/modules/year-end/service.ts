import { can, type Actor } from '../../../domain/roles.ts';
import type { AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { OFF_THREAD_ROWS, renderOffThread } from '../../files/off-thread.ts';
import { campaignAccess } from '../campaigns/access.ts';
import { findCampaign } from '../campaigns/repository.ts';
import { findUnitById } from '../units/repository.ts';
import { yearEndSheet, type YearEndSheet } from './sheet-data.ts';
import { writeYearEndPdf } from './sheet-pdf.ts';
import { writeYearEndXlsx } from './sheet-xlsx.ts';

export type SheetFormat = 'xlsx' | 'pdf';

/**
 * The year-end sheet of a unit, for those who read that unit's training and survey figures (organisers above it, its
 * principal); anyone else is refused before anything is read.
 */
export async function yearEndSheetFile(ctx: AppContext, actor: Actor, campaignId: number, unitId: number, format: SheetFormat) {
  const unit = await findUnitById(ctx.db, unitId);
  if (!unit) throw fail('unit_not_found');
  if (!can(actor, 'training.read', unit.path) || !can(actor, 'assessment.monitor', unit.path)) {
    throw fail('forbidden', { action: 'xem danh sách cuối năm học của đơn vị này' });
  }
  const campaign = await findCampaign(ctx.db, campaignId);
  if (!campaign) throw fail('campaign_not_found');
  // The unit lies under the campaign's organising unit, or has a site or participants in it.
  if (!unit.path.startsWith(campaign.unit_path)) await campaignAccess(ctx.db, actor, campaignId);
  const data = await yearEndSheet(ctx, campaign, unit);
  return { body: await renderYearEndSheet(data, format), fileName: `Danh sách cuối năm ${data.schoolYear} - ${unit.name}.${format}`, data };
}

/** A large unit's file (a district's thousands of people) is rendered off the event loop, as the results reports are. */
export async function renderYearEndSheet(data: YearEndSheet, format: SheetFormat, offThreadAbove = OFF_THREAD_ROWS): Promise<Buffer> {
  if (data.rows.length > offThreadAbove) {
    const file = format === 'xlsx' ? './sheet-xlsx.ts' : './sheet-pdf.ts';
    return (await renderOffThread(new URL(file, import.meta.url).href, format === 'xlsx' ? 'writeYearEndXlsx' : 'writeYearEndPdf', data))
      .body;
  }
  return format === 'xlsx' ? writeYearEndXlsx(data) : writeYearEndPdf(data);
}
