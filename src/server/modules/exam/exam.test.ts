import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { attemptKey, buildPublishedAssessment } from '../../test/assessment-builders.ts';
import { createTestEnv, describeEachDialect, login, type Session, type TestEnv } from '../../test/harness.ts';
import { closeOverdueAttempts } from './sweeper.ts';
import { canonicalResponses, keyLetters } from '../../../domain/assessment/responses.ts';
import { DEFAULT_SCORING, grade } from '../../../domain/assessment/scoring.ts';
import type { ExamPayload } from '../../../domain/assessment/views.ts';

const HOUR = 3_600_000;

describeEachDialect('taking an assessment', (dialect) => {
  let env: TestEnv;
  const clock = {
    t: Date.parse('2026-07-15T01:00:00Z'),
    now() {
      return new Date(this.t);
    },
  };
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
    assessmentId = (
      await buildPublishedAssessment(env.ctx, {
        targets: [school],
        durationMin: 120,
        graceSeconds: 60,
        opensAt: new Date(clock.t - HOUR).toISOString(),
        closesAt: new Date(clock.t + 3 * HOUR).toISOString(),
        review: { score: 'immediately', answers: 'immediately', key: 'after_close' },
      })
    ).id;
  });
  afterAll(async () => env.close());

  const start = async (s: Session) => {
    const res = await s.request('POST', `/api/my/assessments/${assessmentId}/start`);
    expect(res.statusCode).toBe(200);
    return res.json().attemptId as number;
  };
  const payload = async (s: Session, id: number) => (await s.request('GET', `/api/attempts/${id}`)).json() as ExamPayload;
  const save = (
    s: Session,
    id: number,
    answers: { position: number; choice: number | null; seq: number; base?: number }[],
    deviceId = 'device-one',
  ) =>
    s.request('POST', `/api/attempts/${id}/answers`, {
      clientId: deviceId,
      deviceId,
      answers: answers.map((a) => ({ flagged: false, base: 0, ...a })),
    });
  const held = (choice: number | null, version: number, writer: string, seq: number) => ({ choice, flagged: false, version, writer, seq });

  const keyFor = (attemptId: number) => attemptKey(env.ctx.db, assessmentId, attemptId);

  it('lists the survey as open only for people of the target school', async () => {
    const mine = (await teacher.request('GET', '/api/my/assessments')).json();
    expect(mine.items).toEqual([
      expect.objectContaining({ id: assessmentId, state: 'open', attemptsLeft: 1, questionCount: 10, attempt: null }),
    ]);
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

  it('keeps one truth per answer across devices: a change made over an older version is refused and the winner told', async () => {
    const id = await start(teacher);
    // The laptop answers Câu 1 = D; the phone, offline since before, then sends Câu 1 = A and Câu 2 = A.
    expect((await save(teacher, id, [{ position: 0, choice: 3, seq: 1 }], 'laptop-0001')).json().held).toEqual([
      { position: 0, ...held(3, 1, 'laptop-0001', 1) },
    ]);
    const phone = await save(
      teacher,
      id,
      [
        { position: 0, choice: 0, seq: 1 },
        { position: 1, choice: 0, seq: 2 },
      ],
      'phone-0001',
    );
    expect(phone.statusCode).toBe(200);
    expect(phone.json().held).toEqual([
      { position: 0, ...held(3, 1, 'laptop-0001', 1) },
      { position: 1, ...held(0, 1, 'phone-0001', 2) },
    ]);
    // The laptop, not yet aware of the phone's Câu 2, answers C: refused, and told the server holds A.
    expect((await save(teacher, id, [{ position: 1, choice: 2, seq: 2 }], 'laptop-0001')).json().held).toEqual([
      { position: 1, ...held(0, 1, 'phone-0001', 2) },
    ]);
    // Having seen version 1, the laptop's C is stored as version 2.
    expect((await save(teacher, id, [{ position: 1, choice: 2, seq: 3, base: 1 }], 'laptop-0001')).json().held).toEqual([
      { position: 1, ...held(2, 2, 'laptop-0001', 3) },
    ]);
    // A replay and an older change of the same device change nothing.
    await save(teacher, id, [{ position: 1, choice: 2, seq: 3, base: 1 }], 'laptop-0001');
    expect((await save(teacher, id, [{ position: 1, choice: 1, seq: 2, base: 1 }], 'laptop-0001')).json().held).toEqual([
      { position: 1, ...held(2, 2, 'laptop-0001', 3) },
    ]);
    const exam = await payload(teacher, id);
    expect(exam.answers).toEqual([
      { position: 0, ...held(3, 1, 'laptop-0001', 1) },
      { position: 1, ...held(2, 2, 'laptop-0001', 3) },
    ]);
    // A ping from a device that knows every version carries no answers; one that is behind gets them all.
    const ping = (known: number) =>
      teacher.request('POST', `/api/attempts/${id}/ping`, { clientId: 'phone-0001', hiddenCount: 0, hiddenMs: 0, known });
    expect((await ping(3)).json()).toMatchObject({ status: 'in_progress', otherDeviceActive: false });
    expect((await ping(3)).json().answers).toBeUndefined();
    expect((await ping(2)).json().answers).toEqual(exam.answers);
    const bad = await save(teacher, id, [{ position: 0, choice: 6, seq: 9 }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('Câu 1 không có phương án thứ 7.');
  });

  it('refuses a deadline submit before the deadline and keeps its answers', async () => {
    const id = (await teacher.request('GET', '/api/my/assessments')).json().items[0].attempt.id as number;
    const early = await teacher.request('POST', `/api/attempts/${id}/submit`, {
      clientId: 'c1',
      deviceId: 'phone-0001',
      kind: 'deadline',
      answers: [{ position: 2, choice: 1, flagged: true, seq: 5, base: 0 }],
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'deadline_not_reached',
      details: { deadlineAt: new Date(clock.t + 2 * HOUR).toISOString() },
    });
    expect(early.json().message).toMatch(
      /^Chưa hết giờ làm bài: hạn nộp là \d\d\/\d\d\/2026 \d\d:\d\d theo đồng hồ máy chủ\. Bài làm chưa được nộp; các câu trả lời đã được lưu\.$/,
    );
    const exam = await payload(teacher, id);
    expect(exam.attempt.status).toBe('in_progress');
    expect(exam.answers.find((a) => a.position === 2)).toMatchObject({ choice: 1, flagged: true, writer: 'phone-0001' });
    // Void this attempt's answers for the next test: the grading test starts from an empty attempt.
    await env.ctx.db.deleteFrom('attempt_answers').where('attempt_id', '=', id).execute();
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
    const submit = await teacher.request('POST', `/api/attempts/${id}/submit`, {
      clientId: 'c1',
      deviceId: 'device-one',
      kind: 'participant',
      answers: [{ position: 0, choice: display[0], flagged: false, seq: 20, base: 0 }],
    });
    expect(submit.statusCode).toBe(200);
    const choices = new Map<number, number | null>([[0, display[0]]]);
    for (let p = 1; p <= 7; p++) choices.set(p, p <= 5 ? display[p] : (display[p] + 1) % 4);
    const expected = grade(canonicalResponses(items, choices), keyLetters(correct), DEFAULT_SCORING);
    expect(expected).toMatchObject({ correct: 6, answered: 8, score: 6, band: 'Trung bình' });
    expect(submit.json()).toMatchObject({
      status: 'submitted',
      submitKind: 'participant',
      score: 6,
      correct: 6,
      band: 'Trung bình',
      answered: 8,
      total: 10,
      rejectedAnswers: 0,
      supersededAnswers: 0,
    });
    // The review comes from the result page; the key is shown after the window closes, not before.
    expect(submit.json()).toMatchObject({ questions: null, reviewAvailable: true });
    const review = (await teacher.request('GET', `/api/attempts/${id}/result`)).json();
    expect(review.questions.every((q: { correct: number | null }) => q.correct === null)).toBe(true);
    expect(review.questions[0].choice).toBe(display[0]);

    const late = await save(teacher, id, [{ position: 9, choice: 0, seq: 30 }]);
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toMatch(
      /^Bài làm đã được nộp lúc \d\d\/\d\d\/2026 \d\d:\d\d\. Máy chủ đã ghi nhận 8 câu trả lời của bạn\.$/,
    );
    expect(late.json().details).toEqual({ status: 'submitted', answered: 8 });
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
