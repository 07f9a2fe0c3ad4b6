/** Streams an assessment's counted attempts through the statistics engine, and keeps the result until they change. */
import { keyLetters } from '../../../domain/assessment/responses.ts';
import type { ScoringRule } from '../../../domain/assessment/scoring.ts';
import { StatisticsBuilder, type GradedAttempt, type RolledUpTree, type StatisticsResult } from '../../../domain/statistics/index.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { BoundedCache } from '../../lib/bounded-cache.ts';
import type { AssessmentRow } from '../assessments/repository.ts';
import { countedGroups, gradedResponses, gradedStream, supersededAttempts } from '../results/repository.ts';
import { ensurePopulationFrozen } from '../population/service.ts';
import { frozenByUnit } from '../population/repository.ts';
import * as repo from './repository.ts';

export interface ComputedStatistics {
  result: StatisticsResult;
  tree: RolledUpTree;
  /** The unit rows of the tree with their school level, by id. */
  units: Map<number, { name: string; path: string; schoolLevel: string | null }>;
  key: string;
  computedAt: string;
  stamp: string;
}

export async function computeStatistics(ctx: AppContext, row: AssessmentRow, scopePaths?: string[]): Promise<ComputedStatistics> {
  // A closed survey's figures come from the population frozen at its close, never from today's roster.
  const frozenPopulation = await ensurePopulationFrozen(ctx, row);
  // The unit tree and who had to take it are read on other connections while the attempts stream in (on PostgreSQL the
  // database works on them beside the server); the promise is awaited below, its failure then reported.
  const unitsAndEligible = Promise.all([
    repo.unitRows(ctx.db, scopePaths),
    frozenPopulation ? frozenByUnit(ctx.db, row.id, scopePaths) : repo.eligibleByUnit(ctx.db, row.id, scopePaths),
  ]);
  unitsAndEligible.catch(() => undefined);
  // The fingerprint is asked for before the attempts are read (a submission in between makes it older, never newer).
  const stampRead = repo.gradedStamp(ctx.db, row.id);
  stampRead.catch(() => undefined);
  const frozen = await repo.frozenKey(ctx.db, row.id);
  const key = keyLetters(frozen.map((q) => q.correct_index));
  const scoring = JSON.parse(row.scoring_json) as ScoringRule;
  const builder = new StatisticsBuilder({ key, optionCounts: frozen.map((q) => q.option_count), bands: scoring.bands });
  if (ctx.dialect === 'postgres' && !scopePaths) {
    // A whole province: PostgreSQL counts the groups on one connection while this process reads the responses for the
    // item analysis on another — what one Node thread does per attempt falls to one string (a million in ~1 s). Each
    // person's earlier attempts (rare: retakes) are looked for meanwhile and taken out of both.
    const supersededRead = supersededAttempts(ctx.db, row.id);
    const groupsRead = countedGroups(ctx.db, row.id, frozenPopulation);
    for (const pending of [supersededRead, groupsRead]) pending.catch(() => undefined);
    let superseded: Set<number> | undefined;
    for await (const batch of gradedResponses(ctx.db, row.id)) {
      superseded ??= await supersededRead;
      for (const a of batch) if (!superseded.has(a.id)) builder.addResponses(a.responses);
    }
    superseded ??= await supersededRead;
    const uncounted = await countedGroups(ctx.db, row.id, frozenPopulation, [...superseded]);
    const groupKey = (g: Omit<GradedAttempt, 'responses'>) =>
      [g.unitId, g.position, g.partyMember, g.variantCode, g.score, g.band].join('|');
    const taken = new Map(uncounted.map((g) => [groupKey(g), g.count]));
    for (const g of await groupsRead) {
      const count = g.count - (taken.get(groupKey(g)) ?? 0);
      if (count > 0) builder.addGroup(g, count);
    }
  } else {
    for await (const batch of gradedStream(ctx.db, row.id, scopePaths, 5000, frozenPopulation)) {
      for (const a of batch) {
        if (a.responses === null || a.score === null || a.band === null) continue;
        builder.add({
          unitId: a.unit_id,
          schoolLevel: a.school_level,
          position: a.position,
          partyMember: a.party_member === 1,
          variantCode: a.variant_code,
          score: a.score,
          band: a.band,
          responses: a.responses,
        });
      }
    }
  }
  const [[units, eligible], stamp] = await Promise.all([unitsAndEligible, stampRead]);
  // Scope roots: a unit whose parent is outside the scope starts its own tree.
  const inScope = new Set(units.map((u) => u.id));
  const tree = builder.rollUp(
    units.map((u) => ({ ...u, parentId: u.parentId !== null && inScope.has(u.parentId) ? u.parentId : null })),
    eligible,
  );
  return {
    result: builder.result(),
    tree,
    key,
    stamp,
    computedAt: ctx.clock.now().toISOString(),
    units: new Map(units.map((u) => [u.id, { name: u.name, path: u.path, schoolLevel: u.schoolLevel }])),
  };
}

interface Entry {
  value: Promise<ComputedStatistics>;
  checkedAt: number;
  closed: boolean;
}

const RECHECK_MS = 3000;
const caches = new WeakMap<Db, BoundedCache<string, Entry>>();

/**
 * The statistics of the scope, recomputed only when a submission, a void or a regrade changed what they depend on;
 * during the survey at most every few seconds, however many people look at the page.
 */
export async function statisticsFor(ctx: AppContext, row: AssessmentRow, scopePaths?: string[]): Promise<ComputedStatistics> {
  let cache = caches.get(ctx.db);
  if (!cache) caches.set(ctx.db, (cache = new BoundedCache(200)));
  const cacheKey = `${row.id}|${scopePaths ? [...scopePaths].sort().join(',') : '*'}`;
  const now = Date.now();
  const entry = cache.get(cacheKey);
  // The first read after the close freezes the population (a new stamp); figures computed while open are not reused.
  const closed = await ensurePopulationFrozen(ctx, row);
  if (entry && !(closed && !entry.closed)) {
    if (now - entry.checkedAt < RECHECK_MS) return entry.value;
    const current = await entry.value.catch(() => null);
    if (current && current.stamp === (await repo.gradedStamp(ctx.db, row.id))) {
      entry.checkedAt = now;
      return current;
    }
  }
  const value = computeStatistics(ctx, row, scopePaths);
  cache.set(cacheKey, { value, checkedAt: now, closed });
  value.catch(() => cache.delete(cacheKey));
  return value;
}

/** Drops the cached figures of an assessment (after a regrade on this node). */
export function forgetStatistics(db: Db, assessmentId: number): void {
  const cache = caches.get(db);
  if (!cache) return;
  for (const scope of cache.keys()) if (scope.startsWith(`${assessmentId}|`)) cache.delete(scope);
}
