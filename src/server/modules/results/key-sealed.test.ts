import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo, type DemoAccount } from '../../demo/seed-demo.ts';
import { seedDemoAssessment } from '../../demo/seed-assessment.ts';
import { buildUser } from '../../test/builders.ts';
import { createTestEnv, describeEachDialect, login, type Session, type TestEnv } from '../../test/harness.ts';

interface DetailQuestion {
  stem: string;
  choice: number | null;
  correct: number | null;
}
interface Detail {
  status: string;
  score: number | null;
  questions: DetailQuestion[];
  review: { answers: boolean; key: boolean; note: string | null };
}

/** Staff are participants too: the demo principal, proctor and organiser all take the demo survey. */
describeEachDialect('the key of an open survey', (dialect) => {
  let env: TestEnv;
  let surveyId: number;
  const as: Record<'organizer' | 'unit_manager' | 'proctor' | 'participant' | 'colleague', Session & { userId?: number }> = {} as never;
  const attempt: Record<string, number> = {};
  let stems: string[] = [];

  const start = async (who: keyof typeof as) => {
    const reply = await as[who].request('POST', `/api/my/assessments/${surveyId}/start`);
    expect(reply.statusCode).toBe(200);
    attempt[who] = reply.json().attemptId;
    return attempt[who];
  };
  const submit = async (who: keyof typeof as, answered = 5) => {
    const answers = Array.from({ length: answered }, (_, p) => ({ position: p, choice: p % 4, flagged: false, seq: p + 1, base: 0 }));
    const reply = await as[who].request('POST', `/api/attempts/${attempt[who]}/submit`, {
      clientId: 'c',
      deviceId: `d-${who}`,
      kind: 'participant',
      answers,
    });
    expect(reply.statusCode).toBe(200);
  };
  const detail = async (reader: keyof typeof as, of: string) => {
    const reply = await as[reader].request('GET', `/api/attempts/${attempt[of]}/detail`);
    expect(reply.statusCode).toBe(200);
    return { body: reply.body, json: reply.json() as Detail };
  };
  const keysIn = (d: Detail) => d.questions.filter((q) => q.correct !== null).length;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    const { accounts } = await seedDemo(env.ctx, { people: 300 });
    surveyId = (await seedDemoAssessment(env.ctx)).assessmentId;
    for (const a of accounts as DemoAccount[]) as[a.role as keyof typeof as] = await login(env.app, a.username, a.password);
    // A teacher of the proctor's school, whose attempt the proctor may watch.
    const proctorUnit = await env.ctx.db
      .selectFrom('units')
      .selectAll()
      .where('name', '=', accounts.find((a) => a.role === 'proctor')!.unitName)
      .executeTakeFirstOrThrow();
    const colleague = await buildUser(env.ctx, { unit: proctorUnit, fullName: 'Đinh Thị Giang' });
    as.colleague = await login(env.app, colleague.username, colleague.password);
    for (const who of ['unit_manager', 'participant', 'colleague'] as const) await start(who);
    stems = (await as.participant.request('GET', `/api/attempts/${attempt.participant}`))
      .json()
      .questions.map((q: { stem: string }) => q.stem);
    await submit('participant');
    await submit('colleague');
  }, 120_000);
  afterAll(async () => env.close());

  it('a principal taking the survey reads no key, question or choice of anyone while it is open, and each read is audited', async () => {
    const own = await detail('unit_manager', 'unit_manager');
    expect(own.json.status).toBe('in_progress');
    expect(own.json.questions).toEqual([]);
    const teacher = await detail('unit_manager', 'participant');
    expect(teacher.json).toMatchObject({ status: 'submitted', questions: [], review: { answers: false, key: false } });
    expect(teacher.json.score).toEqual(expect.any(Number));
    expect(teacher.json.review.note).toMatch(/kết thúc/);
    for (const stem of stems) expect(teacher.body).not.toContain(stem);

    // Stepping through every attempt id of the open survey finds nothing either.
    const ids = await env.ctx.db.selectFrom('attempts').select('id').where('assessment_id', '=', surveyId).execute();
    for (const { id } of ids) {
      const reply = await as.unit_manager.request('GET', `/api/attempts/${id}/detail`);
      if (reply.statusCode === 200) expect((reply.json() as Detail).questions.every((q) => q.correct === null)).toBe(true);
      else expect(reply.statusCode).toBe(404);
    }
    const stats = (await as.unit_manager.request('GET', `/api/assessments/${surveyId}/statistics`)).json();
    expect(stats.items).toBeNull();
    expect([403, 404]).toContain(
      (await as.unit_manager.request('GET', `/api/assessments/${surveyId}/variants/101/paper?format=pdf`)).statusCode,
    );
    expect([403, 404]).toContain(
      (await as.unit_manager.request('POST', `/api/assessments/${surveyId}/questions/0/key`, { correctIndex: 1 })).statusCode,
    );

    const me = (await as.unit_manager.request('GET', '/api/auth/me')).json();
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['entity_id', 'summary'])
      .where('action', '=', 'attempt.read')
      .where('actor_user_id', '=', me.userId ?? me.id)
      .execute();
    expect(audit.map((r) => r.entity_id)).toContain(String(attempt.participant));
    expect(audit.map((r) => r.entity_id)).not.toContain(String(attempt.unit_manager));
    expect(audit.find((r) => r.entity_id === String(attempt.participant))!.summary).toMatch(/^Xem bài làm của /);
  });

  it('a proctor taking the survey reads no key of the people at his site', async () => {
    const colleague = await detail('proctor', 'colleague');
    expect(colleague.json.questions).toEqual([]);
    for (const stem of stems) expect(colleague.body).not.toContain(stem);
    expect((await as.proctor.request('GET', `/api/attempts/${attempt.participant}/detail`)).statusCode).toBe(404);
  });

  it('the organiser who may use the bank sees the key of a submitted attempt, never of one in progress', async () => {
    const submitted = await detail('organizer', 'participant');
    expect(keysIn(submitted.json)).toBe(submitted.json.questions.length);
    expect(submitted.json.questions.length).toBeGreaterThan(0);
    const inProgress = await detail('organizer', 'unit_manager');
    expect(inProgress.json.questions.length).toBeGreaterThan(0);
    expect(keysIn(inProgress.json)).toBe(0);
    expect(inProgress.json.review.note).toMatch(/đang làm/);
    expect((await as.organizer.request('GET', `/api/assessments/${surveyId}/statistics`)).json().items.length).toBeGreaterThan(0);
  });

  it("one's own attempt follows the review policy, whatever roles one holds", async () => {
    // The demo survey shows one's answers at once and the key after it closes.
    await submit('unit_manager');
    const principalOwn = (await detail('unit_manager', 'unit_manager')).json;
    expect(principalOwn.questions.filter((q) => q.choice !== null)).toHaveLength(5);
    expect(keysIn(principalOwn)).toBe(0);
    const result = (await as.unit_manager.request('GET', `/api/attempts/${attempt.unit_manager}/result`)).json();
    expect(result.questions.every((q: { correct: number | null }) => q.correct === null)).toBe(true);

    await start('organizer');
    await submit('organizer');
    const organiserOwn = (await detail('organizer', 'organizer')).json;
    expect(organiserOwn.questions.length).toBeGreaterThan(0);
    expect(keysIn(organiserOwn)).toBe(0);
  });

  it('after the window closes the key stays sealed while an extended attempt is in progress, then opens', async () => {
    const late = await buildUser(env.ctx, {
      unit: await env.ctx.db
        .selectFrom('units')
        .selectAll()
        .where(
          'id',
          '=',
          (
            await env.ctx.db
              .selectFrom('people')
              .select('unit_id')
              .innerJoin('attempts', 'attempts.person_id', 'people.id')
              .where('attempts.id', '=', attempt.participant)
              .executeTakeFirstOrThrow()
          ).unit_id,
        )
        .executeTakeFirstOrThrow(),
      fullName: 'Phùng Văn Muộn',
    });
    as.colleague = await login(env.app, late.username, late.password);
    await start('colleague');
    await env.ctx.db
      .updateTable('assessments')
      .set({ closes_at: new Date(Date.now() - 60_000).toISOString() })
      .where('id', '=', surveyId)
      .execute();

    expect((await detail('unit_manager', 'participant')).json.questions).toEqual([]);
    const sealed = (await as.unit_manager.request('GET', `/api/attempts/${attempt.unit_manager}/result`)).json();
    expect(sealed.questions.every((q: { correct: number | null }) => q.correct === null)).toBe(true);

    await submit('colleague');
    const open = (await detail('unit_manager', 'participant')).json;
    expect(open.questions.length).toBeGreaterThan(0);
    expect(keysIn(open)).toBe(open.questions.length);
    const own = (await as.unit_manager.request('GET', `/api/attempts/${attempt.unit_manager}/result`)).json();
    expect(own.questions.every((q: { correct: number | null }) => q.correct !== null)).toBe(true);
  });
});
