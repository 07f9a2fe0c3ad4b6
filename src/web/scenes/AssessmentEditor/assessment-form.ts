import dayjs, { type Dayjs } from 'dayjs';
import { DEFAULT_REVIEW } from '../../../domain/assessment/review.ts';
import { DEFAULT_SCORING } from '../../../domain/assessment/scoring.ts';
import type { AssessmentInput } from '../../api/assessments.ts';
import { RULE_ANY, type RuleValue } from './rules-field.tsx';

export const DATE_TIME = 'DD/MM/YYYY HH:mm';

/** The form's values: the window as a range, the selection split into its mode, rules and fixed list. */
export interface AssessmentValues extends Omit<AssessmentInput, 'opensAt' | 'closesAt' | 'selection'> {
  window: [Dayjs, Dayjs];
  selectionMode: 'rules' | 'fixed';
  rules: RuleValue[];
  questionIds: number[];
}

const FIRST_RULE: RuleValue = { topicId: RULE_ANY, difficulty: RULE_ANY, count: 50 };

/** A stored definition as form values; "any topic/level" (null) becomes the selects' RULE_ANY. */
export function toValues(input: AssessmentInput): AssessmentValues {
  const { opensAt, closesAt, selection, ...rest } = input;
  return {
    ...rest,
    window: [dayjs(opensAt), dayjs(closesAt)],
    selectionMode: selection.mode,
    rules:
      selection.mode === 'rules'
        ? selection.rules.map((r) => ({
            topicId: r.topicId ?? RULE_ANY,
            difficulty: r.difficulty ?? RULE_ANY,
            count: r.count,
          }))
        : [{ ...FIRST_RULE }],
    questionIds: selection.mode === 'fixed' ? selection.questionIds : [],
  };
}

/** The form values as the API's input: the window as ISO instants, the selection of the chosen mode, its question count. */
export function toInput(values: AssessmentValues): AssessmentInput {
  const { window, selectionMode, rules, questionIds, ...rest } = values;
  return {
    ...rest,
    opensAt: window[0].toISOString(),
    closesAt: window[1].toISOString(),
    selection:
      selectionMode === 'fixed'
        ? { mode: 'fixed', questionIds }
        : {
            mode: 'rules',
            rules: rules.map((r) => ({
              topicId: r.topicId === RULE_ANY ? null : r.topicId,
              difficulty: r.difficulty === RULE_ANY ? null : r.difficulty,
              count: r.count,
            })),
          },
    questionCount: selectionMode === 'fixed' ? questionIds.length : rules.reduce((n, r) => n + (r.count ?? 0), 0),
  };
}

/** A new assessment: tomorrow 07:30–17:30, 120 minutes, 50 questions from anywhere, 2 shuffled variants. */
export function defaultValues(unitId: number | undefined, now: Dayjs = dayjs()): Partial<AssessmentValues> {
  const start = now.add(1, 'day').hour(7).minute(30).second(0);
  return {
    title: '',
    durationMin: 120,
    attemptsAllowed: 1,
    graceSeconds: 60,
    unitId,
    window: [start, start.add(10, 'hour')],
    selectionMode: 'rules',
    rules: [{ ...FIRST_RULE }],
    questionIds: [],
    variantMode: 'fixed',
    variantCount: 2,
    shuffleQuestions: true,
    shuffleOptions: true,
    scoring: DEFAULT_SCORING,
    review: DEFAULT_REVIEW,
    targetUnitIds: [],
    inviteePersonIds: [],
  };
}
