import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { attemptKey, buildPublishedAssessment } from '../../test/assessment-builders.ts';
import { createTestEnv, DIALECTS, login, type Session, type TestEnv } from '../../test/harness.ts';
import { canonicalResponses, keyLetters } from '../../../domain/assessment/responses.ts';
import { DEFAULT_SCORING, grade } from '../../../domain/assessment/scoring.ts';
import { saveAnswersStatement } from './repository.ts';

const HOUR = 3_600_000;

// The submit's two-round-trip close on PostgreSQL (grading.ts closeAndGradeInTwoTrips) against a save still in flight:
// the save holds the attempt share-locked, the submit waits for it, and grades with its answer once it commits.
describe.runIf(DIALECTS.includes('postgres'))('a submit racing a save in flight [postgres]', () => {
  let env: TestEnv;
  let teacher: Session;
  let personId: number;
  let assessmentId: number;
  let school: Awaited<ReturnType<typeof buildUnit>>;

  beforeAll(async () => {
    env = await createTestEnv('postgres');
    school = await buildUnit(env.ctx, { name: 'Trường TH Kim Đồng', schoolLevel: 'tieu_hoc' });
    const t = await buildUser(env.ctx, { unit: school });
    personId = t.person.id;
    teacher = await login(env.app, t.username, t.password);
    const now = Date.now();
    assessmentId = (
      await buildPublishedAssessment(env.ctx, {
        targets: [school],
        durationMin: 60,
        graceSeconds: 60,
        opensAt: new Date(now - HOUR).toISOString(),
        closesAt: new Date(now + 3 * HOUR).toISOString(),
        review: { score: 'immediately', answers: 'immediately', key: 'after_close' },
      })
    ).id;
  });
  afterAll(async () => env.close());

  const keyFor = (attemptId: number) => attemptKey(env.ctx.db, assessmentId, attemptId);

  it('waits for the save, then grades with its answer', async () => {
    const started = await teacher.request('POST', `/api/my/assessments/${assessmentId}/start`);
    const attemptId = started.json().attemptId as number;
    const { items, correct, display } = await keyFor(attemptId);
    const saved = await teacher.request('POST', `/api/attempts/${attemptId}/answers`, {
      clientId: 'p',
      deviceId: 'device-phone',
      answers: [0, 1, 2].map((position) => ({ position, choice: display[position], flagged: false, seq: position + 1, base: 0 })),
    });
    expect(saved.statusCode).toBe(200);

    let commitSave!: () => void;
    let saveWritten!: () => void;
    const written = new Promise<void>((resolve) => {
      saveWritten = resolve;
    });
    // Another device's save of question 4 (right), written but not committed yet.
    const inFlight = env.ctx.db.transaction().execute(async (trx) => {
      await saveAnswersStatement(
        'postgres',
        { attemptId, personId, writer: 'device-tablet' },
        [{ position: 3, choice: display[3], flagged: false, seq: 1, base: 0 }],
        new Date(0).toISOString(),
        new Date().toISOString(),
      ).execute(trx);
      saveWritten();
      await new Promise<void>((resolve) => {
        commitSave = resolve;
      });
    });
    await written;
    let submitted = false;
    const submit = teacher
      .request('POST', `/api/attempts/${attemptId}/submit`, { clientId: 'p', deviceId: 'device-phone', kind: 'participant', answers: [] })
      .then((res) => {
        submitted = true;
        return res;
      });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(submitted).toBe(false);
    commitSave();
    await inFlight;
    const res = await submit;
    expect(res.statusCode).toBe(200);
    const expected = grade(
      canonicalResponses(items, new Map([0, 1, 2, 3].map((p) => [p, display[p]]))),
      keyLetters(correct),
      DEFAULT_SCORING,
    );
    expect(res.json()).toMatchObject({ status: 'submitted', answered: 4, correct: 4, score: expected.score, band: expected.band });
    const stored = await env.ctx.db
      .selectFrom('attempts')
      .select(['status', 'answered_count', 'correct_count', 'score', 'responses'])
      .where('id', '=', attemptId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'submitted', answered_count: 4, correct_count: 4, score: expected.score });
    const events = await env.ctx.db.selectFrom('attempt_events').select('kind').where('attempt_id', '=', attemptId).execute();
    expect(events.filter((e) => e.kind === 'submit')).toHaveLength(1);

    // Nothing more is written once it is submitted, and a second submit closes nothing again.
    const late = await teacher.request('POST', `/api/attempts/${attemptId}/answers`, {
      clientId: 'p',
      deviceId: 'device-phone',
      answers: [{ position: 5, choice: 0, flagged: false, seq: 9, base: 0 }],
    });
    expect(late.statusCode).toBe(409);
    const again = await teacher.request('POST', `/api/attempts/${attemptId}/submit`, {
      clientId: 'p',
      deviceId: 'device-phone',
      kind: 'participant',
      answers: [],
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'submitted', answered: 4, score: expected.score });
    const after = await env.ctx.db.selectFrom('attempt_events').select('kind').where('attempt_id', '=', attemptId).execute();
    expect(after.filter((e) => e.kind === 'submit')).toHaveLength(1);
  });

  it('never waits for a second connection: forty submits on a pool of four, right after a key correction elsewhere', async () => {
    const people: Session[] = [];
    for (let i = 0; i < 40; i++) {
      const u = await buildUser(env.ctx, { unit: school });
      people.push(await login(env.app, u.username, u.password));
    }
    const attempts = await Promise.all(
      people.map(async (s) => (await s.request('POST', `/api/my/assessments/${assessmentId}/start`)).json().attemptId as number),
    );
    // Another node corrected the key: every submit here finds its cached key stale and reads it again while it holds
    // the attempt's lock and its connection.
    await env.ctx.db.updateTable('assessments').set({ regraded_at: new Date().toISOString() }).where('id', '=', assessmentId).execute();
    const results = await Promise.all(
      people.map((s, i) =>
        s.request('POST', `/api/attempts/${attempts[i]}/submit`, {
          clientId: 'p',
          deviceId: 'device-phone',
          kind: 'participant',
          answers: [],
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(results.map(() => 200));
    expect(results.every((r) => r.json().status === 'submitted' && r.json().answered === 0)).toBe(true);
    const open = await env.ctx.db
      .selectFrom('attempts')
      .select('id')
      .where('assessment_id', '=', assessmentId)
      .where('status', '=', 'in_progress')
      .execute();
    expect(open).toEqual([]);
  });
});
