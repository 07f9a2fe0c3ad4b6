import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPublishedAssessment } from '../test/assessment-builders.ts';
import { siteOfSchoolA, startTestEdge, type TestEdge } from '../test/edge-fixture.ts';
import { login, until } from '../test/harness.ts';
import { createTrainingFixture } from '../test/training-fixture.ts';

/** "Mỗi người một mã đề": the edge builds the person's own variant; the province must grade it on the same order. */
describe('an edge running a survey with a variant per person', () => {
  let f: Awaited<ReturnType<typeof createTrainingFixture>>;
  let site: TestEdge;
  let assessmentId: number;

  beforeAll(async () => {
    f = await createTrainingFixture('sqlite', new Date().toISOString());
    assessmentId = (await buildPublishedAssessment(f.env.ctx, { targets: [f.schoolA], variantMode: 'per_person' })).id;
    site = await startTestEdge(f, await siteOfSchoolA(f));
  }, 60_000);

  afterAll(async () => {
    await site?.close();
    await f?.env.close();
  });

  it('grades on the province the order each person saw on the edge: all right is 10/10 for each', async () => {
    const key = await f.env.ctx.db
      .selectFrom('assessment_questions')
      .select('correct_index')
      .where('assessment_id', '=', assessmentId)
      .orderBy('ordinal')
      .execute();
    const orders: string[] = [];
    for (const who of f.teachersA) {
      const code = site.prepared.slips.find((s) => s.personId === who.person.id)!.code;
      const session = await login(site.edge.app, who.username, code);
      const { attemptId } = (await session.request('POST', `/api/my/assessments/${assessmentId}/start`)).json();
      const attempt = await site.edge.ctx.db
        .selectFrom('attempts')
        .select('variant_id')
        .where('id', '=', attemptId)
        .executeTakeFirstOrThrow();
      const variant = await site.edge.ctx.db
        .selectFrom('assessment_variants')
        .select(['items_json', 'person_id'])
        .where('id', '=', attempt.variant_id)
        .executeTakeFirstOrThrow();
      expect(variant.person_id).toBe(who.person.id);
      orders.push(variant.items_json);
      // The right display option of each position, from the order the edge showed and the key only the province has.
      const items = JSON.parse(variant.items_json) as { ordinal: number; optionOrder: number[] }[];
      const answers = items.map((item, position) => ({
        position,
        choice: item.optionOrder.indexOf(key[item.ordinal].correct_index),
        flagged: false,
        seq: position + 1,
        base: 0,
      }));
      const device = { clientId: `client-${who.person.id}`, deviceId: `device-${who.person.id}-phone` };
      const saved = await session.request('POST', `/api/attempts/${attemptId}/answers`, { ...device, answers });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(
        (await session.request('POST', `/api/attempts/${attemptId}/submit`, { ...device, answers: [], kind: 'participant' })).statusCode,
      ).toBe(200);
    }
    // Each person had an order of their own.
    expect(new Set(orders).size).toBe(f.teachersA.length);

    for (const who of f.teachersA) {
      const graded = await until(`the grade of ${who.person.fullName} on the province`, () =>
        f.env.ctx.db
          .selectFrom('attempts')
          .select(['correct_count', 'answered_count', 'variant_id'])
          .where('person_id', '=', who.person.id)
          .where('status', '=', 'submitted')
          .executeTakeFirst(),
      );
      expect(graded).toMatchObject({ correct_count: 10, answered_count: 10 });
    }
  });
});
