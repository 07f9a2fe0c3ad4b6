/** Selecting questions from a bank and freezing shuffled variants (mã đề) from a stored seed. */
import { seededRandom, shuffled, type Random } from './random.ts';
import type { Difficulty } from '../question-bank/types.ts';

export interface PoolQuestion {
  questionId: number;
  versionId: number;
  topicId: number | null;
  difficulty: string | null;
  /** pinned[i]: option i keeps its place when options are shuffled. */
  pinned: boolean[];
  correctIndex: number;
}

export interface SelectionRule {
  topicId: number | null;
  difficulty: Difficulty | null;
  count: number;
}

export type Selection = { mode: 'fixed'; questionIds: number[] } | { mode: 'rules'; rules: SelectionRule[] };

export interface VariantItem {
  /** Index of the question in the assessment's canonical (selected) list. */
  ordinal: number;
  /** optionOrder[d] = the version's option index shown at display position d. */
  optionOrder: number[];
}

export interface FrozenVariant {
  code: string;
  items: VariantItem[];
}

export interface ShuffleOptions {
  questions: boolean;
  options: boolean;
}

export interface SelectionShortfall {
  rule: number;
  wanted: number;
  available: number;
}

export type SelectionOutcome =
  { ok: true; questions: PoolQuestion[] } | { ok: false; missingIds: number[]; shortfalls: SelectionShortfall[] };

/** Fixed lists keep their order; rules draw without replacement, in the order given, reproducibly from the seed. */
export function selectQuestions(pool: readonly PoolQuestion[], selection: Selection, seed: string): SelectionOutcome {
  if (selection.mode === 'fixed') {
    const byId = new Map(pool.map((q) => [q.questionId, q]));
    const missingIds = selection.questionIds.filter((id) => !byId.has(id));
    if (missingIds.length > 0) return { ok: false, missingIds, shortfalls: [] };
    return { ok: true, questions: [...new Set(selection.questionIds)].map((id) => byId.get(id)!) };
  }
  const random = seededRandom(`${seed}:select`);
  const taken = new Set<number>();
  const chosen: PoolQuestion[] = [];
  const shortfalls: SelectionShortfall[] = [];
  const sortedPool = [...pool].sort((a, b) => a.questionId - b.questionId);
  selection.rules.forEach((rule, index) => {
    const candidates = sortedPool.filter(
      (q) =>
        !taken.has(q.questionId)
        && (rule.topicId === null || q.topicId === rule.topicId)
        && (rule.difficulty === null || q.difficulty === rule.difficulty),
    );
    if (candidates.length < rule.count) {
      shortfalls.push({ rule: index, wanted: rule.count, available: candidates.length });
      return;
    }
    for (const q of shuffled(candidates, random).slice(0, rule.count)) {
      taken.add(q.questionId);
      chosen.push(q);
    }
  });
  if (shortfalls.length > 0) return { ok: false, missingIds: [], shortfalls };
  return { ok: true, questions: chosen };
}

/** Shuffles the unpinned options among the unpinned places; pinned ones stay where they are. */
export function permuteOptions(pinned: readonly boolean[], random: Random): number[] {
  const free = pinned.map((p, i) => (p ? -1 : i)).filter((i) => i >= 0);
  const mixed = shuffled(free, random);
  let next = 0;
  return pinned.map((p, i) => (p ? i : mixed[next++]));
}

export function variantCodes(count: number, first = 101): string[] {
  return Array.from({ length: count }, (_, i) => String(first + i));
}

/** A variant of the canonical questions: their order and each one's option order, drawn from `${seed}:variant:${code}`. */
export function buildVariant(
  questions: readonly Pick<PoolQuestion, 'pinned'>[],
  code: string,
  seed: string,
  shuffle: ShuffleOptions,
): FrozenVariant {
  const random = seededRandom(`${seed}:variant:${code}`);
  const ordinals = questions.map((_, i) => i);
  const ordered = shuffle.questions ? shuffled(ordinals, random) : ordinals;
  const items = ordered.map((ordinal) => ({
    ordinal,
    optionOrder: shuffle.options ? permuteOptions(questions[ordinal].pinned, random) : questions[ordinal].pinned.map((_, i) => i),
  }));
  return { code, items };
}

export function buildVariants(
  questions: readonly Pick<PoolQuestion, 'pinned'>[],
  codes: readonly string[],
  seed: string,
  shuffle: ShuffleOptions,
): FrozenVariant[] {
  return codes.map((code) => buildVariant(questions, code, seed, shuffle));
}

/** The display position of the correct option at each position of the variant. */
export function displayKey(items: readonly VariantItem[], correctIndexes: readonly number[]): number[] {
  return items.map((item) => item.optionOrder.indexOf(correctIndexes[item.ordinal]));
}
