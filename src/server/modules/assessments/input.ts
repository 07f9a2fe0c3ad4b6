/** Checks of an assessment definition and its mapping to and from the stored row. */
import crypto from 'node:crypto';
import type { Selection } from '../../../domain/assessment/assemble.ts';
import type { ReviewPolicy } from '../../../domain/assessment/review.ts';
import { bandProblem, type ScoringRule } from '../../../domain/assessment/scoring.ts';
import type { AssessmentInput } from '../../../domain/assessment/views.ts';
import { normalizeText } from '../../../domain/text.ts';
import type { AssessmentTable } from '../../db/schema.ts';
import { fail } from '../../errors.ts';
import type { AssessmentRow } from './repository.ts';

/** The fields that decide what a participant answers and how it is graded: frozen once published. */
export const FROZEN_FIELDS: { key: keyof AssessmentInput; label: string }[] = [
  { key: 'bankId', label: 'ngân hàng câu hỏi' },
  { key: 'unitId', label: 'đơn vị tổ chức' },
  { key: 'durationMin', label: 'thời gian làm bài' },
  { key: 'questionCount', label: 'số câu hỏi' },
  { key: 'selection', label: 'cách chọn câu hỏi' },
  { key: 'variantMode', label: 'cách tạo mã đề' },
  { key: 'variantCount', label: 'số mã đề' },
  { key: 'shuffleQuestions', label: 'trộn thứ tự câu' },
  { key: 'shuffleOptions', label: 'trộn thứ tự phương án' },
  { key: 'scoring', label: 'cách tính điểm và xếp loại' },
  { key: 'graceSeconds', label: 'thời gian chờ bài nộp muộn' },
];

export function cleanInput(input: AssessmentInput): AssessmentInput {
  const title = normalizeText(input.title);
  if (!title) throw fail('title_required');
  const opens = Date.parse(input.opensAt);
  const closes = Date.parse(input.closesAt);
  if (!(closes > opens)) {
    throw fail('invalid_window');
  }
  const bands = input.scoring.bands.map((b) => ({ label: normalizeText(b.label), min: b.min })).sort((a, b) => b.min - a.min);
  const problem = bandProblem(bands);
  if (problem) throw fail('invalid_bands', { reason: problem });
  const wanted =
    input.selection.mode === 'fixed' ? new Set(input.selection.questionIds).size : input.selection.rules.reduce((n, r) => n + r.count, 0);
  if (wanted !== input.questionCount) {
    throw fail('selection_count_mismatch', {
      mode: input.selection.mode === 'fixed' ? 'fixed' : 'rules',
      chosen: wanted,
      questionCount: input.questionCount,
    });
  }
  if (input.variantMode === 'fixed' && input.variantCount < 1) {
    throw fail('invalid_variant_count');
  }
  if (input.targetUnitIds.length === 0 && input.inviteePersonIds.length === 0) {
    throw fail('no_participants');
  }
  const selection: Selection =
    input.selection.mode === 'fixed'
      ? { mode: 'fixed', questionIds: [...new Set(input.selection.questionIds)] }
      : { mode: 'rules', rules: input.selection.rules.map((r) => ({ topicId: r.topicId, difficulty: r.difficulty, count: r.count })) };
  return {
    ...input,
    title,
    instructions: input.instructions ? normalizeText(input.instructions) || null : null,
    opensAt: new Date(opens).toISOString(),
    closesAt: new Date(closes).toISOString(),
    selection,
    scoring: { decimals: input.scoring.decimals, bands },
    targetUnitIds: [...new Set(input.targetUnitIds)],
    inviteePersonIds: [...new Set(input.inviteePersonIds)],
  };
}

export function toRow(
  input: AssessmentInput,
  at: string,
): Omit<AssessmentTable, 'id' | 'status' | 'published_at' | 'created_by' | 'created_at' | 'seed' | 'regraded_at'> {
  return {
    unit_id: input.unitId,
    bank_id: input.bankId,
    campaign_id: input.campaignId ?? null,
    compare_with_id: input.compareWithId ?? null,
    title: input.title,
    instructions: input.instructions ?? null,
    duration_min: input.durationMin,
    question_count: input.questionCount,
    opens_at: input.opensAt,
    closes_at: input.closesAt,
    attempts_allowed: input.attemptsAllowed,
    selection_json: JSON.stringify(input.selection),
    variant_mode: input.variantMode,
    variant_count: input.variantCount,
    shuffle_questions: input.shuffleQuestions ? 1 : 0,
    shuffle_options: input.shuffleOptions ? 1 : 0,
    scoring_json: JSON.stringify(input.scoring),
    review_json: JSON.stringify(input.review),
    grace_seconds: input.graceSeconds,
    updated_at: at,
  };
}

export function newSeed(): string {
  return crypto.randomBytes(12).toString('hex');
}

export function scoringOf(row: Pick<AssessmentRow, 'scoring_json'>): ScoringRule {
  return JSON.parse(row.scoring_json) as ScoringRule;
}

export function reviewOf(row: Pick<AssessmentRow, 'review_json'>): ReviewPolicy {
  return JSON.parse(row.review_json) as ReviewPolicy;
}

export function toInput(row: AssessmentRow, targetUnitIds: number[], inviteePersonIds: number[]): AssessmentInput {
  return {
    title: row.title,
    instructions: row.instructions,
    bankId: row.bank_id,
    unitId: row.unit_id,
    campaignId: row.campaign_id,
    compareWithId: row.compare_with_id,
    durationMin: row.duration_min,
    questionCount: row.question_count,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    attemptsAllowed: row.attempts_allowed,
    selection: JSON.parse(row.selection_json) as Selection,
    variantMode: row.variant_mode as AssessmentInput['variantMode'],
    variantCount: row.variant_count,
    shuffleQuestions: row.shuffle_questions === 1,
    shuffleOptions: row.shuffle_options === 1,
    scoring: scoringOf(row),
    review: reviewOf(row),
    graceSeconds: row.grace_seconds,
    targetUnitIds,
    inviteePersonIds,
  };
}

/** The frozen fields an edit of a published assessment would change, by their Vietnamese names. */
export function frozenChanges(before: AssessmentInput, after: AssessmentInput): string[] {
  return FROZEN_FIELDS.filter((f) => JSON.stringify(before[f.key]) !== JSON.stringify(after[f.key])).map((f) => f.label);
}
