/** The statistics page: a node of the reader's unit tree, its children, the cuts, and for organisers the item analysis. */
import { stillOnEdges } from '../edges/repository.ts';
import { keyLetters, OPTION_LETTERS } from '../../../domain/assessment/responses.ts';
import { grade, type ScoringRule } from '../../../domain/assessment/scoring.ts';
import {
  BandScheme,
  goodShareLabel,
  partyMemberLabel,
  positionLabel,
  schoolLevelLabel,
  variantLabel,
  type CutRow,
  type RolledUpUnit,
} from '../../../domain/statistics/index.ts';
import type { CutFigures, StatisticsView, UnitFigures } from '../../../domain/statistics/views.ts';
import type { Actor } from '../../../domain/roles.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { recordAudit } from '../audit/repository.ts';
import { keySealed, mayUseBank, SEALED_ITEMS_MESSAGE, staffMaySeeKey } from '../assessments/key-access.ts';
import { assessmentForActor } from '../assessments/service.ts';
import type { AssessmentRow } from '../assessments/repository.ts';
import { frozenOf } from '../exam/content.ts';
import { statisticsFor, forgetStatistics, type ComputedStatistics } from './compute.ts';
import { findFreeze } from '../population/repository.ts';
import * as repo from './repository.ts';

function figures(node: RolledUpUnit, compare: ComputedStatistics | null): UnitFigures {
  const other = compare?.tree.byId.get(node.id);
  return {
    unitId: node.id,
    name: node.name,
    eligible: node.eligible,
    took: node.took,
    didNotTake: node.didNotTake,
    participationPercent: node.participationPercent,
    summary: node.summary,
    hasChildren: node.children.length > 0,
    compare: other ? { took: other.took, mean: other.summary.mean, goodPercent: other.summary.goodPercent } : null,
  };
}

const cut = <K>(rows: CutRow<K>[], label: (k: K) => string): CutFigures[] =>
  rows.map((r) => ({ key: String(r.key), label: label(r.key), summary: r.summary }));

/** A synthetic top node when the reader's scope has several roots (or none with people). */
function overallNode(stats: ComputedStatistics): RolledUpUnit {
  const roots = stats.tree.roots;
  return {
    id: 0,
    parentId: null,
    name: 'Toàn bộ phạm vi',
    path: '',
    depth: -1,
    children: roots,
    eligible: roots.reduce((n, r) => n + r.eligible, 0),
    took: stats.result.overall.took,
    didNotTake: roots.reduce((n, r) => n + r.didNotTake, 0),
    tookBeyondEligible: roots.reduce((n, r) => n + r.tookBeyondEligible, 0),
    participationPercent: null,
    summary: stats.result.overall,
  };
}

async function comparisonOf(ctx: AppContext, actor: Actor, row: AssessmentRow, scopes: string[] | undefined) {
  if (!row.compare_with_id) return null;
  try {
    const other = await assessmentForActor(ctx.db, actor, row.compare_with_id, 'monitor');
    return { row: other.row, stats: await statisticsFor(ctx, other.row, scopes) };
  } catch {
    return null;
  }
}

/** The reader's statistics of an assessment: organisers of its unit see everything, others their own subtrees. */
export async function scopedStatistics(ctx: AppContext, actor: Actor, assessmentId: number, unitId?: number) {
  const { row, manages, scopes } = await assessmentForActor(ctx.db, actor, assessmentId, 'monitor');
  if (row.status !== 'published') throw fail('not_published', { consequence: 'chưa có thống kê' });
  const scope = manages ? undefined : scopes;
  const stats = await statisticsFor(ctx, row, scope);
  const comparison = await comparisonOf(ctx, actor, row, scope);
  const top = stats.tree.roots.length === 1 ? stats.tree.roots[0] : overallNode(stats);
  const node = unitId === undefined ? top : stats.tree.byId.get(unitId);
  if (!node) throw fail('unit_not_found');
  // The item analysis shows the key and how people answered each option: sealed like the key itself.
  const seesItems = manages && (await staffMaySeeKey(ctx, actor, row));
  return { row, manages, seesItems, scope, stats, comparison, top, node };
}

export async function statisticsView(ctx: AppContext, actor: Actor, assessmentId: number, unitId?: number): Promise<StatisticsView> {
  const { row, manages, seesItems, scope, stats, comparison, top, node } = await scopedStatistics(ctx, actor, assessmentId, unitId);
  const path: StatisticsView['path'] = [];
  for (let n: RolledUpUnit | undefined = node; n; n = n.parentId === null ? undefined : stats.tree.byId.get(n.parentId)) {
    path.unshift({ unitId: n.id || null, name: n.name });
  }
  if (top.id === 0 && node.id !== 0) path.unshift({ unitId: null, name: top.name });
  const scoring = JSON.parse(row.scoring_json) as ScoringRule;
  const freeze = await findFreeze(ctx.db, row.id);
  return {
    assessment: {
      id: row.id,
      title: row.title,
      opensAt: row.opens_at,
      closesAt: row.closes_at,
      questionCount: row.question_count,
      unitName: row.unit_name,
    },
    bands: scoring.bands,
    goodLabel: goodShareLabel(new BandScheme(scoring.bands)),
    // Still partial after the close while anyone works on (extra time, "Gia hạn"): the same test as the key's seal.
    live: await keySealed(ctx, row),
    computedAt: stats.computedAt,
    regradedAt: row.regraded_at,
    populationFrozenAt: freeze?.frozen_at ?? null,
    onEdges: await stillOnEdges(ctx.db, row.id, node.id, scope),
    node: figures(node, comparison?.stats ?? null),
    path,
    children: node.children.filter((c) => c.eligible > 0 || c.took > 0).map((c) => figures(c, comparison?.stats ?? null)),
    overall: stats.result.overall,
    cuts: {
      bySchoolLevel: cut(stats.result.bySchoolLevel, schoolLevelLabel),
      byPosition: cut(stats.result.byPosition, positionLabel),
      byPartyMember: cut(stats.result.byPartyMember, partyMemberLabel),
      byVariant: stats.result.byVariant ? cut(stats.result.byVariant, variantLabel) : null,
    },
    test: manages ? stats.result.test : null,
    items: seesItems ? await itemViews(ctx, row, stats) : null,
    itemsHidden: manages && !seesItems ? SEALED_ITEMS_MESSAGE : null,
    comparison: comparison
      ? { assessmentId: comparison.row.id, title: comparison.row.title, overall: comparison.stats.result.overall }
      : null,
  };
}

export async function itemViews(ctx: AppContext, row: AssessmentRow, stats: ComputedStatistics) {
  const frozen = await frozenOf(ctx.db, row.id);
  return stats.result.items.map((item) => {
    const q = frozen[item.index];
    return {
      ...item,
      questionId: q.questionId,
      versionId: q.versionId,
      stem: q.content.stem,
      stemRich: q.content.stemRich ?? null,
      optionTexts: q.content.options.map((o) => o.text),
    };
  });
}

/**
 * Corrects the key of one question of a published assessment and regrades every submitted attempt from its stored
 * responses, in one transaction; audited, and the reports say so from then on.
 */
export async function correctKey(ctx: AppContext, actor: Actor, assessmentId: number, ordinal: number, correctIndex: number) {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const { row } = await assessmentForActor(trx, actor, assessmentId, 'manage');
    if (!(await mayUseBank(trx, actor, row))) throw fail('forbidden', { action: 'sửa đáp án của ngân hàng câu hỏi đơn vị khác' });
    if (row.status !== 'published') throw fail('not_published', { consequence: 'chưa sửa được đáp án' });
    const frozen = await repo.frozenKey(trx, assessmentId);
    const question = frozen[ordinal];
    if (!question) throw fail('question_not_found');
    if (correctIndex >= question.option_count) {
      throw fail('invalid_key', { question: ordinal + 1, options: question.option_count });
    }
    if (question.correct_index === correctIndex) throw fail('same_key', { question: ordinal + 1, letter: OPTION_LETTERS[correctIndex]! });
    await repo.setKey(trx, assessmentId, ordinal, correctIndex);
    const key = keyLetters(frozen.map((q, i) => (i === ordinal ? correctIndex : q.correct_index)));
    const scoring = JSON.parse(row.scoring_json) as ScoringRule;
    const groups = new Map<string, { grade: { correct_count: number; score: number; band: string }; ids: number[] }>();
    let changed = 0;
    let total = 0;
    for await (const batch of repo.submittedResponses(trx, assessmentId)) {
      for (const a of batch) {
        if (a.responses === null) continue;
        total++;
        const g = grade(a.responses, key, scoring);
        if (g.correct === a.correct_count && g.score === a.score && g.band === a.band) continue;
        changed++;
        const id = `${g.correct}|${g.score}|${g.band}`;
        if (!groups.has(id)) groups.set(id, { grade: { correct_count: g.correct, score: g.score, band: g.band }, ids: [] });
        groups.get(id)!.ids.push(a.id);
      }
    }
    for (const { grade: g, ids } of groups.values()) await repo.setGrade(trx, ids, g);
    const at = nowIso(ctx);
    await trx.updateTable('assessments').set({ regraded_at: at, updated_at: at }).where('id', '=', assessmentId).execute();
    const before = OPTION_LETTERS[question.correct_index];
    const after = OPTION_LETTERS[correctIndex];
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'assessment.regrade',
      entityType: 'assessment',
      entityId: assessmentId,
      unitId: row.unit_id,
      details: { ordinal, questionId: question.question_id, from: before, to: after, total, changed },
      summary: `Sửa đáp án câu ${ordinal + 1} của "${row.title}" từ ${before} thành ${after}; chấm lại ${total} bài, ${changed} bài đổi điểm`,
    });
    return { total, changed, key: after };
  });
  forgetStatistics(ctx.db, assessmentId);
  return result;
}
