/**
 * Last summer's survey for the demonstration province, finished and graded: about 10,000 attempts with a plausible
 * spread per unit, so a new user sees full statistics, reports and year-on-year comparisons at once.
 */
import type { VariantItem } from '../../domain/assessment/assemble.ts';
import { DEFAULT_REVIEW } from '../../domain/assessment/review.ts';
import { canonicalResponses, keyLetters, OPTION_LETTERS } from '../../domain/assessment/responses.ts';
import { DEFAULT_SCORING, grade } from '../../domain/assessment/scoring.ts';
import { Random } from '../../domain/demo/random.ts';
import { displayedChoices, simulateChoices } from '../../domain/demo/simulated-attempt.ts';
import { gaussian } from '../../domain/statistics/synthetic.ts';
import type { Actor } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { createAssessment, publish } from '../modules/assessments/service.ts';
import { topicsOf } from '../modules/banks/repository.ts';
import { insertCampaign } from '../modules/campaigns/repository.ts';
import { fold } from '../../domain/text.ts';

const DIFFICULTY = { recognition: -0.9, comprehension: -0.2, application: 0.5 } as Record<string, number>;
const MINUTE = 60_000;

export async function seedLastYear(
  ctx: AppContext,
  actor: Actor,
  bankId: number,
  rootUnitId: number,
  seed = 2025,
  options: { miskeyed?: boolean } = {},
) {
  const now = ctx.clock.now();
  const year = now.getUTCFullYear() - 1;
  const topics = await topicsOf(ctx.db, bankId);
  const title = `Khảo sát kết quả bồi dưỡng chính trị hè năm học ${year - 1}–${year}`;
  const { id } = await createAssessment(ctx, actor, {
    title,
    instructions: null,
    bankId,
    unitId: rootUnitId,
    durationMin: 30,
    questionCount: 20,
    opensAt: new Date(now.getTime() + MINUTE).toISOString(),
    closesAt: new Date(now.getTime() + 2 * MINUTE).toISOString(),
    attemptsAllowed: 1,
    selection: { mode: 'rules', rules: topics.map((t) => ({ topicId: t.id, difficulty: null, count: 5 })) },
    variantMode: 'fixed',
    variantCount: 2,
    shuffleQuestions: true,
    shuffleOptions: true,
    scoring: DEFAULT_SCORING,
    review: DEFAULT_REVIEW,
    graceSeconds: 60,
    targetUnitIds: [rootUnitId],
    inviteePersonIds: [],
  });
  await publish(ctx, actor, id);
  const campaignName = `Bồi dưỡng chính trị hè năm học ${year - 1}–${year}`;
  const campaignId = await insertCampaign(ctx.db, {
    name: campaignName,
    name_folded: fold(campaignName),
    school_year: `${year - 1}–${year}`,
    unit_id: rootUnitId,
    starts_on: `${year}-07-14`,
    ends_on: `${year}-07-20`,
    description: null,
    attendance_required_percent: null,
    created_by: null,
    at: now.toISOString(),
  });
  await ctx.db.updateTable('assessments').set({ campaign_id: campaignId }).where('id', '=', id).execute();
  // Published as if today, then moved to last July: the demo's only shortcut around "the window must be ahead".
  const opens = Date.UTC(year, 6, 20, 0, 30);
  const closes = Date.UTC(year, 6, 20, 10, 30);
  await ctx.db
    .updateTable('assessments')
    .set({
      opens_at: new Date(opens).toISOString(),
      closes_at: new Date(closes).toISOString(),
      published_at: new Date(opens - 7 * 24 * 60 * MINUTE).toISOString(),
    })
    .where('id', '=', id)
    .execute();

  const questions = await ctx.db
    .selectFrom('assessment_questions')
    .innerJoin('questions', 'questions.id', 'assessment_questions.question_id')
    .select([
      'assessment_questions.ordinal',
      'assessment_questions.correct_index',
      'assessment_questions.option_count',
      'questions.difficulty',
      'assessment_questions.question_id',
      'assessment_questions.version_id',
    ])
    .where('assessment_id', '=', id)
    .orderBy('ordinal')
    .execute();
  // One question of the bank carries a wrong key, as when a key table is typed by hand: those who know the answer pick
  // the true option, so the item analysis flags it ("có thể sai đáp án") and a newcomer sees the warning and the fix.
  const truths = questions.map((q) => q.correct_index);
  const miskeyed = options.miskeyed === false ? undefined : questions[Math.min(3, questions.length - 1)];
  if (miskeyed) {
    miskeyed.correct_index = (miskeyed.correct_index + 1) % miskeyed.option_count;
    await ctx.db
      .updateTable('question_versions')
      .set({ correct_index: miskeyed.correct_index })
      .where('id', '=', miskeyed.version_id)
      .execute();
    await ctx.db
      .updateTable('assessment_questions')
      .set({ correct_index: miskeyed.correct_index })
      .where('question_id', '=', miskeyed.question_id)
      .where('version_id', '=', miskeyed.version_id)
      .execute();
  }
  const key = keyLetters(questions.map((q) => q.correct_index));
  const variants = (
    await ctx.db.selectFrom('assessment_variants').select(['id', 'items_json']).where('assessment_id', '=', id).execute()
  ).map((v) => ({ id: v.id, items: JSON.parse(v.items_json) as VariantItem[] }));
  const people = await ctx.db
    .selectFrom('people')
    .innerJoin('users', 'users.person_id', 'people.id')
    .select(['people.id', 'people.unit_id', 'users.id as user_id'])
    .where('people.active', '=', 1)
    .orderBy('people.id')
    .execute();

  const simulated = questions.map((q, i) => ({
    truth: truths[i],
    optionCount: q.option_count,
    difficulty: DIFFICULTY[q.difficulty ?? ''] ?? -0.2,
  }));
  const random = new Random(seed);
  const unitAbility = new Map<number, number>();
  const rows = [];
  for (const person of people) {
    if (!unitAbility.has(person.unit_id)) unitAbility.set(person.unit_id, 0.4 * gaussian(random) + 0.3);
    if (!random.chance(0.96)) continue;
    const ability = unitAbility.get(person.unit_id)! + gaussian(random);
    const variant = variants[random.int(0, variants.length - 1)];
    const original = simulateChoices(random, ability, simulated);
    const responses = canonicalResponses(variant.items, displayedChoices(variant.items, original));
    const result = grade(responses, key, DEFAULT_SCORING);
    const started = opens + random.int(0, 8 * 60) * MINUTE;
    const submitted = started + random.int(9, 29) * MINUTE + random.int(0, 59) * 1000;
    rows.push({
      assessment_id: id,
      person_id: person.id,
      user_id: person.user_id,
      attempt_no: 1,
      variant_id: variant.id,
      status: 'submitted',
      started_at: new Date(started).toISOString(),
      deadline_at: new Date(Math.min(started + 30 * MINUTE, closes)).toISOString(),
      submitted_at: new Date(submitted).toISOString(),
      submit_kind: 'participant',
      answered_count: result.answered,
      correct_count: result.correct,
      score: result.score,
      band: result.band,
      responses,
      void_reason: null,
      last_seen_at: new Date(submitted).toISOString(),
      last_ip: null,
      client_id: null,
    });
  }
  for (let i = 0; i < rows.length; i += 400)
    await ctx.db
      .insertInto('attempts')
      .values(rows.slice(i, i + 400))
      .execute();
  return {
    assessmentId: id,
    title,
    attempts: rows.length,
    key: [...key].map((l) => OPTION_LETTERS.indexOf(l)),
    miskeyedOrdinal: miskeyed?.ordinal ?? null,
  };
}
