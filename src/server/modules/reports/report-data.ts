/** Everything a results report holds, for one node of the reader's unit tree: figures, every unit below, every person. */
import type { ScoringRule } from '../../../domain/assessment/scoring.ts';
import {
  partyMemberLabel,
  positionLabel,
  schoolLevelLabel,
  variantLabel,
  type GroupSummary,
  type RolledUpUnit,
  type TestFigures,
} from '../../../domain/statistics/index.ts';
import type { ItemView } from '../../../domain/statistics/views.ts';
import type { Actor } from '../../../domain/roles.ts';
import type { AppContext } from '../../context.ts';
import { unitPages } from '../../../domain/statistics/unit-pages.ts';
import { reportPeoplePages } from './repository.ts';
import { itemViews, scopedStatistics } from '../statistics/service.ts';
import { keySealed } from '../assessments/key-access.ts';

export interface ReportUnitRow {
  depth: number;
  name: string;
  eligible: number;
  took: number;
  didNotTake: number;
  summary: GroupSummary;
}

export interface ReportPersonRow {
  fullName: string;
  unitName: string;
  position: string;
  variantCode: string;
  correct: number;
  score: number;
  band: string;
  submittedAt: string | null;
}

/** A report without its people: what the PDF needs, and the head of the streamed workbook. */
export type ReportHead = Omit<ReportData, 'people'>;

export interface ReportData {
  title: string;
  organiser: string;
  /** The unit the report covers. */
  scopeName: string;
  questionCount: number;
  opensAt: string;
  closesAt: string;
  live: boolean;
  regradedAt: string | null;
  generatedAt: string;
  scoring: ScoringRule;
  node: ReportUnitRow;
  /** The node's subtree in tree order, the node first. */
  units: ReportUnitRow[];
  /** The node's direct children: the rows of the per-unit charts. */
  children: ReportUnitRow[];
  people: ReportPersonRow[];
  test: TestFigures | null;
  items: ItemView[] | null;
  comparison: { title: string; overall: GroupSummary } | null;
  /** Of the reader's whole scope. */
  cuts: { title: string; rows: { label: string; summary: GroupSummary }[] }[];
}

const rowOf = (n: RolledUpUnit, depth: number): ReportUnitRow => ({
  depth,
  name: n.name,
  eligible: n.eligible,
  took: n.took,
  didNotTake: n.didNotTake,
  summary: n.summary,
});

function flatten(node: RolledUpUnit, depth = 0, out: ReportUnitRow[] = []): ReportUnitRow[] {
  if (node.eligible === 0 && node.took === 0) return out;
  out.push(rowOf(node, depth));
  for (const child of node.children) flatten(child, depth + 1, out);
  return out;
}

/** Rows of the per-person sheet read per page. */
const PEOPLE_PAGE = 5000;

/**
 * The report of a node of the reader's scope: its head (figures, units, items) and its people as pages read from the
 * database on demand, in unit-path then name order.
 */
export async function reportSource(
  ctx: AppContext,
  actor: Actor,
  assessmentId: number,
  unitId?: number,
): Promise<{ head: ReportHead; people: () => AsyncGenerator<ReportPersonRow[]> }> {
  const { row, manages, seesItems, scope, stats, comparison, node } = await scopedStatistics(ctx, actor, assessmentId, unitId);
  // The units of the node's subtree inside the reader's scope, in path order, each with its count of attempts.
  const took = new Map(stats.result.byUnit.map((u) => [u.key, u.summary.took]));
  const units = [...stats.units]
    .filter(([, u]) => !node.id || u.path.startsWith(node.path))
    .sort(([, a], [, b]) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map(([id]) => ({ id, rows: took.get(id) ?? 0 }));
  const groups = unitPages(units, PEOPLE_PAGE);
  async function* people(): AsyncGenerator<ReportPersonRow[]> {
    const pages = reportPeoplePages(
      ctx.db,
      ctx.dialect,
      {
        assessmentId,
        scopePaths: scope,
        unitPath: node.id ? node.path : undefined,
        unitGroups: groups,
        expectedRows: units.reduce((n, u) => n + u.rows, 0),
      },
      PEOPLE_PAGE,
    );
    for await (const page of pages) {
      yield page.map((p) => ({
        fullName: p.full_name,
        unitName: p.unit_name,
        position: p.position,
        variantCode: p.code,
        correct: p.correct_count ?? 0,
        score: p.score ?? 0,
        band: p.band ?? '',
        submittedAt: p.submitted_at,
      }));
    }
  }
  const head: ReportHead = {
    title: row.title,
    organiser: row.unit_name,
    scopeName: node.name,
    questionCount: row.question_count,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    live: await keySealed(ctx, row),
    regradedAt: row.regraded_at,
    generatedAt: ctx.clock.now().toISOString(),
    scoring: JSON.parse(row.scoring_json) as ScoringRule,
    node: rowOf(node, 0),
    units: flatten(node),
    children: node.children.filter((c) => c.eligible > 0 || c.took > 0).map((c) => rowOf(c, 1)),
    test: manages ? stats.result.test : null,
    items: seesItems ? await itemViews(ctx, row, stats) : null,
    comparison: comparison ? { title: comparison.row.title, overall: comparison.stats.result.overall } : null,
    cuts: [
      { title: 'Theo cấp học', rows: stats.result.bySchoolLevel.map((r) => ({ label: schoolLevelLabel(r.key), summary: r.summary })) },
      { title: 'Theo chức vụ', rows: stats.result.byPosition.map((r) => ({ label: positionLabel(r.key), summary: r.summary })) },
      { title: 'Theo đảng viên', rows: stats.result.byPartyMember.map((r) => ({ label: partyMemberLabel(r.key), summary: r.summary })) },
      ...(stats.result.byVariant
        ? [{ title: 'Theo mã đề', rows: stats.result.byVariant.map((r) => ({ label: variantLabel(r.key), summary: r.summary })) }]
        : []),
    ],
  };
  return { head, people };
}

/** The whole report with every person in memory (a school's, the CSV, tests). */
export async function reportData(ctx: AppContext, actor: Actor, assessmentId: number, unitId?: number): Promise<ReportData> {
  const { head, people } = await reportSource(ctx, actor, assessmentId, unitId);
  const all: ReportPersonRow[] = [];
  for await (const page of people()) for (const p of page) all.push(p);
  return { ...head, people: all };
}
