import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { buildPublishedAssessment } from '../../test/assessment-builders.ts';
import { createTestEnv, describeEachDialect, login, type Session, type TestEnv } from '../../test/harness.ts';
import { closeOverdueAttempts } from './sweeper.ts';
import { canonicalResponses, keyLetters } from '../../../domain/assessment/responses.ts';
import { DEFAULT_SCORING, grade } from '../../../domain/assessment/scoring.ts';
import type { ExamPayload } from '../../../domain/assessment/views.ts';

const HOUR = 3_600_000;

describeEachDialect('taking an assessment', (dialect) => {
  let env: TestEnv;
  const clock = { t: Date.parse('2026-07-15T01:00:00Z'), now() { return new Date(this.t); } };
  let teacher: Session;
  let colleague: Session;
  let outsider: Session;
  let assessmentId: number;

  beforeAll(async () => {
    env = await createTestEnv(dialect, { clock });
    const school = await buildUnit(env.ctx, { name: 'Trường THCS Lê Lợi', schoolLevel: 'thcs' });
    const other = await buildUnit(env.ctx, { name: 'Trường Mầm non Hoa Sen', schoolLevel: 'mam_non' });
    const t = await buildUser(env.ctx, { unit: school });
    const c = await buildUser(env.ctx, { unit: school });
    const o = await buildUser(env.ctx, { unit: other });
    teacher = await login(env.app, t.username, t.password);
    colleague = await login(env.app, c.username, c.password);
    outsider = await login(env.app, o.username, o.password);
    assessmentId = (await buildPublishedAssessment(env.ctx, {
      targets: [school], durationMin: 120, graceSeconds: 60,
      opensAt: new Date(clock.t - HOUR).toISOString(), closesAt: new Date(clock.t + 3 * HOUR).toISOString(),
      review: { score: 'immediately', answers: 'immediately', key: 'after_close' },
    })).id;
  });
  afterAll(async () => env.close());

  const start = async (s: Session) => {
    const res = await s.request('POST', `/api/my/assessments/${assessmentId}/start`);
    expect(res.statusCode).toBe(200);
    return res.json().attemptId as number;
  };
  const payload = async (s: Session, id: number) => (await s.request('GET', `/api/attempts/${id}`)).json() as ExamPayload;
  const save = (s: Session, id: number, answers: { position: number; choice: number | null; seq: number }[]) =>
    s.request('POST', `/api/attempts/${id}/answers`, { clientId: 'c1', answers: answers.map((a) => ({ flagged: false, ...a })) });

  /** The correct display option per position, read from the database as an independent grader would. */
  async function keyFor(attemptId: number) {
    const attempt = await env.ctx.db.selectFrom('attempts').select(['variant_id']).where('id', '=', attemptId).executeTakeFirstOrThrow();
    const variant = await env.ctx.db.selectFrom('assessment_variants').select('items_json').where('id', '=', attempt.variant_id).executeTakeFirstOrThrow();
    const key = await env.ctx.db.selectFrom('assessment_questions').select('correct_index').where('assessment_id', '=', assessmentId).orderBy('ordinal').execute();
    const items = JSON.parse(variant.items_json) as { ordinal: number; optionOrder: number[] }[];
    return { items, correct: key.map((k) => k.correct_index), display: items.map((i) => i.optionOrder.indexOf(key[i.ordinal].correct_index)) };
  }

  it('lists the survey as open only for people of the target school', async () => {
    const mine = (await teacher.request('GET', '/api/my/assessments')).json();
    expect(mine.items).toEqual([expect.objectContaining({ id: assessmentId, state: 'open', attemptsLeft: 1, questionCount: 10, attempt: null })]);
    expect((await outsider.request('GET', '/api/my/assessments')).json().items).toEqual([]);
    expect((await outsider.request('POST', `/api/my/assessments/${assessmentId}/start`)).statusCode).toBe(404);
  });

  it('starts with a deadline fixed in the database and never sends the key', async () => {
    const id = await start(teacher);
    const exam = await payload(teacher, id);
    expect(exam.attempt.deadlineAt).toBe(new Date(clock.t + 2 * HOUR).toISOString());
    expect(exam.questions).toHaveLength(10);
    expect(['101', '102']).toContain(exam.attempt.variantCode);
    const body = JSON.stringify(exam);
    expect(body).not.toMatch(/correct|key|pinned/i);
    // A second start (reload, another device) resumes the same attempt.
    expect(await start(teacher)).toBe(id);
    expect((await colleague.request('GET', `/api/attempts/${id}`)).statusCode).toBe(404);
  });

  it('keeps the highest sequence number: replays and stale saves change nothing', async () => {
    const id = await start(teacher);
    expect((await save(teacher, id, [{ position: 0, choice: 1, seq: 1 }])).statusCode).toBe(200);
    expect((await save(teacher, id, [{ position: 0, choice: 2, seq: 3 }])).statusCode).toBe(200);
    const stale = await save(teacher, id, [{ position: 0, choice: 1, seq: 2 }]);
    expect(stale.json().saved).toEqual([{ position: 0, seq: 2 }]);
    const exam = await payload(teacher, id);
    expect(exam.answers).toEqual([{ position: 0, choice: 2, flagged: false, seq: 3 }]);
    expect(exam.lastSeq).toBe(3);
    const bad = await save(teacher, id, [{ position: 0, choice: 6, seq: 9 }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('Câu 1 không có phương án thứ 7.');
  });

  it('grades on submit with the answers still queued, equal to an independent grading, and refuses later saves', async () => {
    const id = await start(teacher);
    const { items, correct, display } = await keyFor(id);
    // Positions 0..5 right (0 sent with the submit), 6 and 7 wrong, 8 and 9 unanswered.
    for (let p = 1; p <= 7; p++) {
      const choice = p <= 5 ? display[p] : (display[p] + 1) % 4;
      await save(teacher, id, [{ position: p, choice, seq: 10 + p }]);
    }
    clock.t += 30 * 60_000;
    const submit = await teacher.request('POST', `/api/attempts/${id}/submit`, { clientId: 'c1', kind: 'participant',
      answers: [{ position: 0, choice: display[0], flagged: false, seq: 20 }] });
    expect(submit.statusCode).toBe(200);
    const choices = new Map<number, number | null>([[0, display[0]]]);
    for (let p = 1; p <= 7; p++) choices.set(p, p <= 5 ? display[p] : (display[p] + 1) % 4);
    const expected = grade(canonicalResponses(items, choices), keyLetters(correct), DEFAULT_SCORING);
    expect(expected).toMatchObject({ correct: 6, answered: 8, score: 6, band: 'Trung bình' });
    expect(submit.json()).toMatchObject({ status: 'submitted', submitKind: 'participant', score: 6, correct: 6, band: 'Trung bình',
      answered: 8, total: 10, rejectedAnswers: 0 });
    // The review comes from the result page; the key is shown after the window closes, not before.
    expect(submit.json()).toMatchObject({ questions: null, reviewAvailable: true });
    const review = (await teacher.request('GET', `/api/attempts/${id}/result`)).json();
    expect(review.questions.every((q: { correct: number | null }) => q.correct === null)).toBe(true);
    expect(review.questions[0].choice).toBe(display[0]);

    const late = await save(teacher, id, [{ position: 9, choice: 0, seq: 30 }]);
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toMatch(/^Bài làm đã được nộp lúc \d\d\/\d\d\/2026 \d\d:\d\d; câu trả lời này không được lưu\.$/);
    const again = await teacher.request('POST', `/api/my/assessments/${assessmentId}/start`);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('Bạn đã làm bài khảo sát này.');
  });

  it('lets the server close an attempt once its deadline and grace pass, with the answers it had', async () => {
    const id = await start(colleague);
    const { display } = await keyFor(id);
    await save(colleague, id, [{ position: 0, choice: display[0], seq: 1 }]);
    clock.t += 2 * HOUR + 30_000; // past the deadline, within the grace
    expect((await save(colleague, id, [{ position: 1, choice: display[1], seq: 2 }])).statusCode).toBe(200);
    expect(await closeOverdueAttempts(env.ctx)).toBe(0);
    clock.t += 60_000;
    const refused = await save(colleague, id, [{ position: 2, choice: display[2], seq: 3 }]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/^Đã hết giờ làm bài/);
    expect(await closeOverdueAttempts(env.ctx)).toBe(1);
    const row = await env.ctx.db.selectFrom('attempts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'submitted', submit_kind: 'server', correct_count: 2, answered_count: 2, score: 2 });
    expect(await closeOverdueAttempts(env.ctx)).toBe(0);
  });

  it('shows the key once the window has closed', async () => {
    clock.t += 3 * HOUR;
    const mine = (await teacher.request('GET', '/api/my/assessments')).json().items[0];
    expect(mine).toMatchObject({ state: 'submitted', attemptsLeft: 0, attempt: { score: 6, band: 'Trung bình' } });
    const result = (await teacher.request('GET', `/api/attempts/${mine.attempt.id}/result`)).json();
    expect(result.questions.every((q: { correct: number | null }) => q.correct !== null)).toBe(true);
    expect(result.questions.filter((q: { correct: number; choice: number }) => q.correct === q.choice)).toHaveLength(6);
  });
});
