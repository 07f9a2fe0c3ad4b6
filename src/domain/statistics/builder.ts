/**
 * One pass over the graded attempts of an assessment: the overall summary, the same summary cut by unit, school level,
 * position, party membership and variant, and the item analysis — one accumulator per key, nothing per attempt.
 */
import { POSITIONS, SCHOOL_LEVELS } from '../roster.ts';
import { BandScheme, DEFAULT_BANDS, regrade, type Band } from './bands.ts';
import { ItemAnalysisAccumulator, type ItemAnalysis, type TestFigures } from './items.ts';
import { SummaryAccumulator, toHundredths, type GroupSummary } from './summary.ts';
import { rollUpTree, type RolledUpTree, type UnitRow } from './tree.ts';

export interface GradedAttempt {
  /** The participant's unit. */
  unitId: number;
  schoolLevel: string | null;
  position: string | null;
  partyMember: boolean;
  variantCode: string;
  /** 0..10 with at most 2 decimals. */
  score: number;
  /** Label of its band. */
  band: string;
  /** One character per canonical question: the original letter chosen ('A'..'H'), '-' for none. */
  responses: string;
}

export interface AssessmentFacts {
  /** Correct original letter per canonical question. */
  key: string;
  optionCounts: readonly number[];
  bands?: readonly Band[];
  /** Bands counted in "tỷ lệ giỏi, xuất sắc"; default the two highest. */
  goodBandLabels?: readonly string[];
}

/**
 * Beyond this many variant codes (one variant per participant) a comparison by variant means nothing and would
 * cost one accumulator per attempt: the cut is dropped and reported as null.
 */
export const MAX_VARIANT_GROUPS = 50;

export interface CutRow<K> {
  key: K;
  summary: GroupSummary;
}

export interface StatisticsResult {
  overall: GroupSummary;
  byUnit: CutRow<number>[];
  bySchoolLevel: CutRow<string | null>[];
  byPosition: CutRow<string | null>[];
  byPartyMember: CutRow<boolean>[];
  /** Null when there are more than MAX_VARIANT_GROUPS codes. */
  byVariant: CutRow<string>[] | null;
  items: ItemAnalysis[];
  test: TestFigures;
}

/** The attempt with its score and band recomputed against another key (a corrected one): map the stream through it. */
export function regradeAttempt(
  attempt: GradedAttempt,
  key: string,
  decimals: number,
  bands: readonly Band[] = DEFAULT_BANDS,
): GradedAttempt {
  const { score, band } = regrade(attempt.responses, key, key.length, decimals, bands);
  return { ...attempt, score, band };
}

export class StatisticsBuilder {
  readonly scheme: BandScheme;
  private readonly overall: SummaryAccumulator;
  private readonly units = new Map<number, SummaryAccumulator>();
  private readonly levels = new Map<string | null, SummaryAccumulator>();
  private readonly positions = new Map<string | null, SummaryAccumulator>();
  private readonly party = new Map<boolean, SummaryAccumulator>();
  private variants: Map<string, SummaryAccumulator> | null = new Map();
  private readonly items: ItemAnalysisAccumulator;

  constructor(readonly facts: AssessmentFacts) {
    this.scheme = new BandScheme(facts.bands, facts.goodBandLabels);
    this.overall = new SummaryAccumulator(this.scheme);
    this.items = new ItemAnalysisAccumulator(facts.key, facts.optionCounts);
  }

  add(attempt: GradedAttempt): void {
    const { hundredths, band } = this.checked(attempt, 1);
    this.items.add(attempt.responses); // after the group's checks, before any group counts it: a broken attempt counts nowhere
    this.count(attempt, hundredths, band, 1);
  }

  /**
   * `count` attempts of the same group and score, without their responses: with addResponses for each of them, the same
   * as add() (a database that counts the groups itself sends each one once).
   */
  addGroup(attempt: Omit<GradedAttempt, 'responses'>, count: number): void {
    const { hundredths, band } = this.checked(attempt, count);
    this.count(attempt, hundredths, band, count);
  }

  private checked(attempt: Omit<GradedAttempt, 'responses'>, count: number) {
    if (!Number.isInteger(attempt.unitId)) throw new Error(`statistics: unit id ${attempt.unitId} is not an integer`);
    if (!Number.isInteger(count) || count < 1) throw new Error(`statistics: ${count} attempts in a group`);
    return { hundredths: toHundredths(attempt.score), band: this.scheme.indexOf(attempt.band) };
  }

  private count(attempt: Omit<GradedAttempt, 'responses'>, hundredths: number, band: number, count: number): void {
    this.overall.addScaled(hundredths, band, count);
    this.group(this.units, attempt.unitId).addScaled(hundredths, band, count);
    this.group(this.levels, attempt.schoolLevel).addScaled(hundredths, band, count);
    this.group(this.positions, attempt.position).addScaled(hundredths, band, count);
    this.group(this.party, attempt.partyMember).addScaled(hundredths, band, count);
    if (this.variants) {
      if (!this.variants.has(attempt.variantCode) && this.variants.size === MAX_VARIANT_GROUPS) this.variants = null;
      else this.group(this.variants, attempt.variantCode).addScaled(hundredths, band, count);
    }
  }

  /** One attempt's responses, for the item analysis only (see addGroup). */
  addResponses(responses: string): void {
    this.items.add(responses);
  }

  /** Adds another builder's attempts (e.g. a shard computed elsewhere) to this one. */
  merge(other: StatisticsBuilder): this {
    this.items.merge(other.items);
    this.overall.merge(other.overall);
    mergeGroups(this.units, other.units, this.scheme);
    mergeGroups(this.levels, other.levels, this.scheme);
    mergeGroups(this.positions, other.positions, this.scheme);
    mergeGroups(this.party, other.party, this.scheme);
    if (this.variants && other.variants) {
      mergeGroups(this.variants, other.variants, this.scheme);
      if (this.variants.size > MAX_VARIANT_GROUPS) this.variants = null;
    } else {
      this.variants = null;
    }
    return this;
  }

  get took(): number {
    return this.overall.took;
  }

  /** The per-unit accumulators (attempts of people directly in the unit), for rollUpTree. */
  unitAccumulators(): ReadonlyMap<number, SummaryAccumulator> {
    return this.units;
  }

  /** The unit tree with every node's figures merged over its whole subtree. */
  rollUp(units: readonly UnitRow[], eligible: ReadonlyMap<number, number>): RolledUpTree {
    return rollUpTree(units, this.units, eligible, this.scheme);
  }

  result(): StatisticsResult {
    const { items, test } = this.items.result();
    return {
      overall: this.overall.result(),
      byUnit: rows(this.units, (a, b) => a - b),
      bySchoolLevel: rows(this.levels, byVocabulary(SCHOOL_LEVELS)),
      byPosition: rows(this.positions, byVocabulary(POSITIONS)),
      byPartyMember: rows(this.party, (a, b) => Number(b) - Number(a)),
      byVariant: this.variants ? rows(this.variants, (a, b) => a.localeCompare(b, 'vi', { numeric: true })) : null,
      items,
      test,
    };
  }

  private group<K>(groups: Map<K, SummaryAccumulator>, key: K): SummaryAccumulator {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = new SummaryAccumulator(this.scheme)));
    return group;
  }
}

function mergeGroups<K>(into: Map<K, SummaryAccumulator>, from: ReadonlyMap<K, SummaryAccumulator>, scheme: BandScheme): void {
  for (const [key, group] of from) {
    let target = into.get(key);
    if (!target) into.set(key, (target = new SummaryAccumulator(scheme)));
    target.merge(group);
  }
}

function rows<K>(groups: ReadonlyMap<K, SummaryAccumulator>, compare: (a: K, b: K) => number): CutRow<K>[] {
  return [...groups.keys()].sort(compare).map((key) => ({ key, summary: groups.get(key)!.result() }));
}

/** The vocabulary's order first, then values it does not know (alphabetically), then null (not recorded). */
function byVocabulary(order: readonly string[]) {
  const rank = (v: string | null) => (v === null ? order.length + 1 : order.includes(v) ? order.indexOf(v) : order.length);
  return (a: string | null, b: string | null) => rank(a) - rank(b) || (a ?? '').localeCompare(b ?? '');
}
