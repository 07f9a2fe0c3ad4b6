/** N graded attempts on a published 50-question survey, written in bulk as submissions would have left them. */
import type { VariantItem } from '../../src/domain/assessment/assemble.ts';
import { canonicalResponses, keyLetters } from '../../src/domain/assessment/responses.ts';
import { DEFAULT_SCORING, grade } from '../../src/domain/assessment/scoring.ts';
import { Random } from '../../src/domain/demo/random.ts';
import { gaussian } from '../../src/domain/statistics/synthetic.ts';
import { displayedChoices, simulateChoices } from '../../src/domain/demo/simulated-attempt.ts';
import { fold, nameSortKey } from '../../src/domain/text.ts';
import type { AppContext } from '../../src/server/context.ts';
import { createBank } from '../../src/server/modules/banks/service.ts';
import { applyQuestionImport } from '../../src/server/modules/questions/import-service.ts';
import { createAssessment, publish } from '../../src/server/modules/assessments/service.ts';
import { assessmentInput, rootActor, sampleQuestions } from '../../src/server/test/assessment-builders.ts';

const BATCH = 1000;
/** Question 18 is published with a wrong key: the item analysis should flag it. */
const MISKEYED = 17;

export async function seedAttempts(ctx: AppContext, count: number): Promise<number> {
  const actor = await rootActor(ctx);
  const root = actor.grants[0];
  const bank = await createBank(ctx, actor, { name: 'Ngân hàng bench', unitId: root.unitId });
  await applyQuestionImport(ctx, actor, bank.id, sampleQuestions(['A', 'B', 'C', 'D'], 20), 'bench');
  const topics = await ctx.db.selectFrom('topics').select('id').where('bank_id', '=', bank.id).orderBy('id').execute();
  const now = Date.now();
  const { id } = await createAssessment(
    ctx,
    actor,
    assessmentInput({
      bankId: bank.id,
      unitId: root.unitId,
      targetUnitIds: [root.unitId],
      questionCount: 50,
      opensAt: new Date(now - 7_200_000).toISOString(),
      closesAt: new Date(now + 3_600_000).toISOString(),
      selection: { mode: 'rules', rules: topics.map((t, i) => ({ topicId: t.id, difficulty: null, count: i < 2 ? 13 : 12 })) },
    }),
  );
  await publish(ctx, actor, id);
  const published = await ctx.db
    .selectFrom('assessment_questions')
    .select(['correct_index', 'option_count'])
    .where('assessment_id', '=', id)
    .orderBy('ordinal')
    .execute();
  const key = keyLetters(published.map((q) => q.correct_index));
  const simulated = published.map((q, i) => ({
    truth: i === MISKEYED ? (q.correct_index + 1) % q.option_count : q.correct_index,
    optionCount: q.option_count,
    difficulty: -0.6,
  }));
  const variants = (
    await ctx.db.selectFrom('assessment_variants').select(['id', 'items_json']).where('assessment_id', '=', id).execute()
  ).map((v) => ({ id: v.id, items: JSON.parse(v.items_json) as VariantItem[] }));

  // Enough people: the demo roster, plus generated people in its schools for the national-scale runs.
  const units = (await ctx.db.selectFrom('units').select('id').where('kind', '=', 'school').execute()).map((u) => u.id);
  const have = Number(
    (
      await ctx.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const random = new Random(2026);
  const at = new Date().toISOString();
  for (let k = have; k < count; k += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - k) }, (_, j) => {
      const name = `Người thứ ${k + j + 1}`;
      return {
        full_name: name,
        name_folded: fold(name),
        sort_key: nameSortKey(name),
        birth_date: null,
        gender: null,
        staff_id: null,
        citizen_id: null,
        unit_id: units[random.int(0, units.length - 1)],
        position: 'teacher',
        party_member: random.chance(0.45) ? 1 : 0,
        party_joined_on: null,
        theory_level: null,
        phone: null,
        email: null,
        active: 1,
        created_at: at,
        updated_at: at,
      };
    });
    await ctx.db.insertInto('people').values(rows).execute();
  }
  const userId = (await ctx.db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  const unitAbility = new Map<number, number>();
  let after = 0;
  let written = 0;
  while (written < count) {
    const people = await ctx.db.selectFrom('people').select(['id', 'unit_id']).where('id', '>', after).orderBy('id').limit(BATCH).execute();
    if (people.length === 0) break;
    after = people[people.length - 1].id;
    const rows = people.slice(0, count - written).map((person) => {
      if (!unitAbility.has(person.unit_id)) unitAbility.set(person.unit_id, 0.4 * gaussian(random) + 0.3);
      const ability = unitAbility.get(person.unit_id)! + gaussian(random);
      const variant = variants[random.int(0, variants.length - 1)];
      const original = simulateChoices(random, ability, simulated, { slope: 1.6, noise: 0.5, blank: 0.015 });
      const responses = canonicalResponses(variant.items, displayedChoices(variant.items, original));
      const g = grade(responses, key, DEFAULT_SCORING);
      return {
        assessment_id: id,
        person_id: person.id,
        user_id: userId,
        attempt_no: 1,
        variant_id: variant.id,
        status: 'submitted',
        started_at: at,
        deadline_at: at,
        submitted_at: at,
        submit_kind: 'participant',
        answered_count: g.answered,
        correct_count: g.correct,
        score: g.score,
        band: g.band,
        responses,
        void_reason: null,
        last_seen_at: at,
        last_ip: null,
        client_id: null,
      };
    });
    await ctx.db.insertInto('attempts').values(rows).execute();
    written += rows.length;
  }
  return id;
}
