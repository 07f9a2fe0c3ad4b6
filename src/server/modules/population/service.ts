/**
 * Who had to take a survey is frozen once, when its window closes: by the sweeper a few seconds after the close, or by
 * the first reader of its figures if that comes first. From then on its official figures ("Phải làm", rates, per-unit
 * counts, cuts by position and party membership) come from the frozen rows, whatever happens to the roster.
 */
import { formatDateTimeVi } from '../../../domain/datetime.ts';
import { nowIso, type AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { recordAudit } from '../audit/repository.ts';
import * as repo from './repository.ts';

export interface FreezeSubject {
  id: number;
  status: string;
  closes_at: string;
}

const knownFrozen = new WeakMap<Db, Set<number>>();

function frozenSet(db: Db): Set<number> {
  let set = knownFrozen.get(db);
  if (!set) knownFrozen.set(db, (set = new Set()));
  return set;
}

/**
 * Freezes the population of a published assessment whose window has closed, exactly once across every process sharing
 * the database. Returns true when the population is frozen (now or before), false while the window is open.
 */
export async function ensurePopulationFrozen(ctx: AppContext, row: FreezeSubject): Promise<boolean> {
  const known = frozenSet(ctx.db);
  if (known.has(row.id)) return true;
  if (row.status !== 'published' || ctx.clock.now().getTime() < Date.parse(row.closes_at)) return false;
  if (!(await repo.findFreeze(ctx.db, row.id))) await freezePopulation(ctx, row.id);
  known.add(row.id);
  return true;
}

/** One transaction: the claim of the freeze, the copy of the eligible people and its audit entry; nothing if another process claimed it. */
export async function freezePopulation(ctx: AppContext, assessmentId: number): Promise<{ frozen: boolean; count: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const at = nowIso(ctx);
    if (!(await repo.claimFreeze(trx, assessmentId, at))) return { frozen: false, count: 0 };
    const current = await trx
      .selectFrom('assessments')
      .select(['closes_at', 'title', 'unit_id'])
      .where('id', '=', assessmentId)
      .executeTakeFirstOrThrow();
    const count = await repo.copyEligible(trx, assessmentId);
    await recordAudit(trx, {
      at,
      actorUserId: null,
      action: 'assessment.population_freeze',
      entityType: 'assessment',
      entityId: assessmentId,
      unitId: current.unit_id,
      details: { count, closesAt: current.closes_at },
      summary:
        `Chốt số liệu chính thức của "${current.title}" khi đóng bài (${formatDateTimeVi(current.closes_at)}): `
        + `${count.toLocaleString('vi-VN')} người phải làm bài`,
    });
    return { frozen: true, count };
  });
}

/** The sweeper's part: freezes every closed survey not frozen yet; returns how many this process froze. */
export async function freezeClosedPopulations(ctx: AppContext): Promise<number> {
  let frozen = 0;
  for (const row of await repo.closedUnfrozen(ctx.db, nowIso(ctx))) {
    if ((await freezePopulation(ctx, row.id)).frozen) frozen++;
    frozenSet(ctx.db).add(row.id);
  }
  return frozen;
}
