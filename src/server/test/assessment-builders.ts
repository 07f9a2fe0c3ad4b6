/** Builders for question banks and assessments: each creates what it needs through the services, as a user would. */
import type { Actor } from '../../domain/roles.ts';
import type { AssessmentInput } from '../../domain/assessment/views.ts';
import type { ParsedQuestion } from '../../domain/question-bank/types.ts';
import { DEFAULT_SCORING } from '../../domain/assessment/scoring.ts';
import { DEFAULT_REVIEW } from '../../domain/assessment/review.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import type { UnitRow } from '../db/schema.ts';
import { createBank } from '../modules/banks/service.ts';
import { applyQuestionImport } from '../modules/questions/import-service.ts';
import { findRootUnit } from '../modules/units/repository.ts';
import { createAssessment, publish } from '../modules/assessments/service.ts';

export async function rootActor(ctx: AppContext): Promise<Actor> {
  const root = (await findRootUnit(ctx.db))!;
  return { userId: 0, personId: null, username: 'system', grants: [{ role: 'admin', unitId: root.id, unitPath: root.path }] };
}

/** n four-option questions per topic; the correct option of question i is (i mod 4), option D pinned on every 5th. */
export function sampleQuestions(topics: string[], perTopic: number): ParsedQuestion[] {
  let number = 0;
  return topics.flatMap((topic) =>
    Array.from({ length: perTopic }, (_, i) => {
      number += 1;
      const correct = number % 4;
      return {
        number,
        line: number,
        topic,
        difficulty: i % 2 ? ('recognition' as const) : ('comprehension' as const),
        images: [],
        stem: `${topic}: câu hỏi số ${number} về nội dung nghị quyết?`,
        options: ['A', 'B', 'C', 'D'].map((letter, o) => ({
          letter,
          text: o === 3 && number % 5 === 0 ? 'Tất cả các phương án trên' : `Phương án ${letter} của câu ${number}`,
          correct: o === correct,
          pinned: o === 3 && number % 5 === 0,
          images: [],
        })),
      };
    }),
  );
}

export async function buildBank(ctx: AppContext, options: { unit?: UnitRow; topics?: string[]; perTopic?: number } = {}) {
  const actor = await rootActor(ctx);
  const unit = options.unit ?? (await findRootUnit(ctx.db))!;
  const { id } = await createBank(ctx, actor, { name: `Ngân hàng ${Math.random().toString(36).slice(2, 8)}`, unitId: unit.id });
  await applyQuestionImport(
    ctx,
    actor,
    id,
    sampleQuestions(options.topics ?? ['Chuyên đề A', 'Chuyên đề B'], options.perTopic ?? 10),
    'builder',
  );
  const topics = await ctx.db.selectFrom('topics').select(['id', 'name']).where('bank_id', '=', id).orderBy('id').execute();
  return { id, topics };
}

export function assessmentInput(overrides: Partial<AssessmentInput> & Pick<AssessmentInput, 'bankId' | 'unitId'>): AssessmentInput {
  const now = Date.now();
  return {
    title: 'Khảo sát bồi dưỡng chính trị hè 2026',
    instructions: 'Chọn một phương án đúng cho mỗi câu.',
    durationMin: 120,
    questionCount: 10,
    opensAt: new Date(now - 3_600_000).toISOString(),
    closesAt: new Date(now + 24 * 3_600_000).toISOString(),
    attemptsAllowed: 1,
    selection: { mode: 'rules', rules: [{ topicId: null, difficulty: null, count: 10 }] },
    variantMode: 'fixed',
    variantCount: 2,
    shuffleQuestions: true,
    shuffleOptions: true,
    scoring: DEFAULT_SCORING,
    review: DEFAULT_REVIEW,
    graceSeconds: 60,
    targetUnitIds: [],
    inviteePersonIds: [],
    ...overrides,
  };
}

/** A published assessment over a fresh bank, aimed at the given units and people. */
export async function buildPublishedAssessment(ctx: AppContext, overrides: Partial<AssessmentInput> & { targets?: UnitRow[] } = {}) {
  const actor = await rootActor(ctx);
  const root = (await findRootUnit(ctx.db))!;
  const bank = await buildBank(ctx);
  const { targets, ...rest } = overrides;
  const input = assessmentInput({ bankId: bank.id, unitId: root.id, targetUnitIds: (targets ?? [root]).map((u) => u.id), ...rest });
  const { id } = await createAssessment(ctx, actor, input);
  await publish(ctx, actor, id);
  return { id, bank };
}

/** The correct display option per position of an attempt, read from the database as an independent grader would. */
export async function attemptKey(db: Db, assessmentId: number, attemptId: number) {
  const attempt = await db.selectFrom('attempts').select(['variant_id']).where('id', '=', attemptId).executeTakeFirstOrThrow();
  const variant = await db
    .selectFrom('assessment_variants')
    .select('items_json')
    .where('id', '=', attempt.variant_id)
    .executeTakeFirstOrThrow();
  const key = await db
    .selectFrom('assessment_questions')
    .select('correct_index')
    .where('assessment_id', '=', assessmentId)
    .orderBy('ordinal')
    .execute();
  const items = JSON.parse(variant.items_json) as { ordinal: number; optionOrder: number[] }[];
  return {
    items,
    correct: key.map((k) => k.correct_index),
    display: items.map((i) => i.optionOrder.indexOf(key[i.ordinal].correct_index)),
  };
}
