/** Draws an assessment's questions from its bank and builds its variants, as publishing will freeze them. */
import {
  buildVariants,
  selectQuestions,
  variantCodes,
  type FrozenVariant,
  type PoolQuestion,
  type Selection,
  type SelectionOutcome,
} from '../../../domain/assessment/assemble.ts';
import { DIFFICULTY_LABELS, type Difficulty } from '../../../domain/question-bank/types.ts';
import type { Executor } from '../../db/database.ts';
import { topicsOf } from '../banks/repository.ts';
import { readContent } from '../questions/content.ts';
import * as repo from './repository.ts';

export type AssemblyOutcome =
  | { ok: true; questions: PoolQuestion[]; variants: FrozenVariant[]; available: number }
  | (Extract<SelectionOutcome, { ok: false }> & { available: number });

type AssemblySource = Pick<
  repo.AssessmentRow,
  'bank_id' | 'selection_json' | 'seed' | 'variant_mode' | 'variant_count' | 'shuffle_questions' | 'shuffle_options'
>;

export async function assemble(db: Executor, row: AssemblySource): Promise<AssemblyOutcome> {
  const pool: PoolQuestion[] = (await repo.questionPool(db, row.bank_id)).map((q) => ({
    questionId: q.id,
    versionId: q.version_id,
    topicId: q.topic_id,
    difficulty: q.difficulty,
    pinned: readContent(q.content_json).options.map((o) => o.pinned),
    correctIndex: q.correct_index,
  }));
  const outcome = selectQuestions(pool, JSON.parse(row.selection_json) as Selection, row.seed);
  if (!outcome.ok) return { ...outcome, available: pool.length };
  const codes = row.variant_mode === 'fixed' ? variantCodes(row.variant_count) : [];
  const variants = buildVariants(outcome.questions, codes, row.seed, shuffleOf(row));
  return { ok: true, questions: outcome.questions, variants, available: pool.length };
}

export function shuffleOf(row: Pick<AssemblySource, 'shuffle_questions' | 'shuffle_options'>) {
  return { questions: row.shuffle_questions === 1, options: row.shuffle_options === 1 };
}

/** One Vietnamese sentence per rule the bank cannot fill, naming the topic and level. */
export async function describeShortfalls(
  db: Executor,
  row: AssemblySource,
  outcome: Extract<AssemblyOutcome, { ok: false }>,
): Promise<string[]> {
  if (outcome.missingIds.length > 0) {
    return [`Các câu hỏi ${outcome.missingIds.map((id) => `#${id}`).join(', ')} không còn trong ngân hàng.`];
  }
  const selection = JSON.parse(row.selection_json) as Selection;
  if (selection.mode !== 'rules') return [];
  const topics = new Map((await topicsOf(db, row.bank_id)).map((t) => [t.id, t.name]));
  return outcome.shortfalls.map((s) => {
    const rule = selection.rules[s.rule];
    const parts = [rule.topicId === null ? 'mọi chuyên đề' : `chuyên đề "${topics.get(rule.topicId) ?? `#${rule.topicId}`}"`];
    if (rule.difficulty) parts.push(`mức ${DIFFICULTY_LABELS[rule.difficulty as Difficulty].toLowerCase()}`);
    return `Quy tắc ${s.rule + 1} (${parts.join(', ')}) cần ${s.wanted} câu, ngân hàng chỉ còn ${s.available} câu phù hợp.`;
  });
}
