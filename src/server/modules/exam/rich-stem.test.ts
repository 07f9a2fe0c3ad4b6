import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { assessmentInput, rootActor, sampleQuestions } from '../../test/assessment-builders.ts';
import { createTestEnv, describeEachDialect, login, type Session, type TestEnv } from '../../test/harness.ts';
import { createBank } from '../banks/service.ts';
import { applyQuestionImport } from '../questions/import-service.ts';
import { createAssessment, publish } from '../assessments/service.ts';
import type { RichBlock } from '../../../domain/question-bank/rich-text.ts';

const HOUR = 3_600_000;

/** Bold, italic and underlined runs and a table: every shape of a rich stem. */
const RICH: RichBlock[] = [
  {
    type: 'paragraph',
    runs: [{ text: 'Chọn phương án ' }, { text: 'không', bold: true, underline: true }, { text: ' đúng', italic: true }],
  },
  {
    type: 'table',
    rows: [
      [[{ text: 'Năm' }], [{ text: 'Sự kiện', bold: true }]],
      [[{ text: '1945' }], [{ text: 'Cách mạng Tháng Tám' }]],
    ],
  },
];

// The replies that carry a question's stem are written by their response schemas: a rich stem must come through whole.
describeEachDialect('a rich stem in the exam, the result, the attempt detail and the statistics', (dialect) => {
  let env: TestEnv;
  const clock = {
    t: Date.parse('2026-07-15T01:00:00Z'),
    now() {
      return new Date(this.t);
    },
  };
  let teacher: Session;
  let organizer: Session;
  let assessmentId: number;

  beforeAll(async () => {
    env = await createTestEnv(dialect, { clock });
    const actor = await rootActor(env.ctx);
    const root = await env.ctx.db.selectFrom('units').selectAll().where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const school = await buildUnit(env.ctx, { name: 'Trường THCS Lê Lợi', schoolLevel: 'thcs' });
    const t = await buildUser(env.ctx, { unit: school });
    teacher = await login(env.app, t.username, t.password);
    const o = await buildUser(env.ctx, { roles: [{ role: 'organizer', unit: root }] });
    organizer = await login(env.app, o.username, o.password);
    const bank = await createBank(env.ctx, actor, { name: 'Ngân hàng câu hỏi có định dạng', unitId: root.id });
    const questions = sampleQuestions(['Chuyên đề A'], 4).map((q, i) =>
      i === 0 ? { ...q, stem: 'Chọn phương án không đúng', stemRich: RICH } : q,
    );
    await applyQuestionImport(env.ctx, actor, bank.id, questions, 'rich');
    ({ id: assessmentId } = await createAssessment(
      env.ctx,
      actor,
      assessmentInput({
        bankId: bank.id,
        unitId: root.id,
        targetUnitIds: [school.id],
        questionCount: 4,
        selection: { mode: 'rules', rules: [{ topicId: null, difficulty: null, count: 4 }] },
        opensAt: new Date(clock.t - HOUR).toISOString(),
        closesAt: new Date(clock.t + HOUR).toISOString(),
        review: { score: 'immediately', answers: 'immediately', key: 'immediately' },
      }),
    ));
    await publish(env.ctx, actor, assessmentId);
  });
  afterAll(async () => env.close());

  const richOf = (questions: { stem: string; stemRich?: RichBlock[] | null }[]) =>
    questions.filter((q) => q.stemRich).map((q) => q.stemRich);

  it('sends the stored runs and table in every reply that shows the question', async () => {
    const id = (await teacher.request('POST', `/api/my/assessments/${assessmentId}/start`)).json().attemptId as number;
    const exam = (await teacher.request('GET', `/api/attempts/${id}`)).json();
    expect(richOf(exam.questions)).toEqual([RICH]);
    expect(exam.questions.filter((q: { stemRich?: unknown }) => !q.stemRich)).toHaveLength(3);

    const submitted = await teacher.request('POST', `/api/attempts/${id}/submit`, {
      clientId: 'tab',
      deviceId: 'device-one',
      answers: [{ position: 0, choice: 0, flagged: false, seq: 1, base: 0 }],
      kind: 'participant',
    });
    expect(submitted.statusCode).toBe(200);
    const result = (await teacher.request('GET', `/api/attempts/${id}/result`)).json();
    expect(richOf(result.questions)).toEqual([RICH]);
    expect(richOf((await organizer.request('GET', `/api/attempts/${id}/detail`)).json().questions)).toEqual([RICH]);

    clock.t += 2 * HOUR;
    const statistics = (await organizer.request('GET', `/api/assessments/${assessmentId}/statistics`)).json();
    expect(richOf(statistics.items)).toEqual([RICH]);
  });
});
