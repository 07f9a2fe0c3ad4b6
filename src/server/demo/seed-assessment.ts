/** The demonstration's question bank and a survey open for the whole province, so a new user can take it at once. */
import { DEFAULT_REVIEW } from '../../domain/assessment/review.ts';
import { DEFAULT_SCORING } from '../../domain/assessment/scoring.ts';
import { demoQuestions } from '../../domain/demo/questions.ts';
import type { Actor } from '../../domain/roles.ts';
import { ensureRootUnit } from '../bootstrap.ts';
import type { AppContext } from '../context.ts';
import { createAssessment, publish } from '../modules/assessments/service.ts';
import { topicsOf } from '../modules/banks/repository.ts';
import { createBank } from '../modules/banks/service.ts';
import { applyQuestionImport } from '../modules/questions/import-service.ts';
import { seedLastYear } from './seed-last-year.ts';

const DAY = 24 * 3_600_000;

export async function seedDemoAssessment(ctx: AppContext) {
  const root = await ensureRootUnit(ctx);
  const actor: Actor = { userId: 0, personId: null, username: 'system', grants: [{ role: 'admin', unitId: root.id, unitPath: root.path }] };
  const bank = await createBank(ctx, actor, {
    name: 'Ngân hàng câu hỏi bồi dưỡng chính trị hè',
    code: 'NH-CHINHTRI',
    unitId: root.id,
    description: 'Câu hỏi mẫu theo bốn chuyên đề của đợt bồi dưỡng chính trị hè.',
  });
  await applyQuestionImport(ctx, actor, bank.id, demoQuestions(), 'du-lieu-mau');
  const topics = await topicsOf(ctx.db, bank.id);
  const now = ctx.clock.now().getTime();
  const title = 'Khảo sát kết quả bồi dưỡng chính trị hè (bài mẫu)';
  const { id } = await createAssessment(ctx, actor, {
    title,
    instructions: 'Mỗi câu chọn một phương án đúng nhất. Câu trả lời được lưu ngay sau mỗi lần chọn.',
    bankId: bank.id,
    unitId: root.id,
    durationMin: 30,
    questionCount: 20,
    opensAt: new Date(now - 3_600_000).toISOString(),
    closesAt: new Date(now + 30 * DAY).toISOString(),
    attemptsAllowed: 1,
    selection: { mode: 'rules', rules: topics.map((t) => ({ topicId: t.id, difficulty: null, count: 5 })) },
    variantMode: 'fixed',
    variantCount: 2,
    shuffleQuestions: true,
    shuffleOptions: true,
    scoring: DEFAULT_SCORING,
    review: DEFAULT_REVIEW,
    graceSeconds: 60,
    targetUnitIds: [root.id],
    inviteePersonIds: [],
  });
  await publish(ctx, actor, id);
  const lastYear = await seedLastYear(ctx, actor, bank.id, root.id);
  // This year's survey belongs to the demo's summer campaign (when the roster seeding made one); last year's to its own.
  const campaign = await ctx.db.selectFrom('campaigns').select('id').orderBy('id').executeTakeFirst();
  await ctx.db
    .updateTable('assessments')
    .set({ compare_with_id: lastYear.assessmentId, campaign_id: campaign?.id ?? null })
    .where('id', '=', id)
    .execute();
  return { bankId: bank.id, assessmentId: id, title, lastYear };
}
