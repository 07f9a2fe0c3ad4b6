import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { buildPublishedAssessment } from '../../test/assessment-builders.ts';
import { createTestEnv, describeEachDialect, login, type Session, type TestEnv } from '../../test/harness.ts';
import { closeOverdueAttempts } from '../exam/sweeper.ts';
import { findRootUnit } from '../units/repository.ts';

const MIN = 60_000;

describeEachDialect('extra time set before the survey', (dialect) => {
  let env: TestEnv;
  const clock = {
    t: Date.parse('2026-07-15T01:00:00Z'),
    now() {
      return new Date(this.t);
    },
  };
  const opens = clock.t - 10 * MIN;
  const closes = clock.t + 5 * 60 * MIN;
  let organizer: Session;
  let principalA: Session;
  let principalB: Session;
  let proctorA: Session;
  type Teacher = { session: Session; personId: number; fullName: string };
  const teachers: Teacher[] = [];
  let teacherB: Teacher;
  let assessmentId: number;

  beforeAll(async () => {
    env = await createTestEnv(dialect, { clock });
    const root = (await findRootUnit(env.ctx.db))!;
    const a = await buildUnit(env.ctx, { name: 'Trường THCS Nà Hẩu' });
    const b = await buildUnit(env.ctx, { name: 'Trường THCS Phong Dụ' });
    const as = async (u: Awaited<ReturnType<typeof buildUser>>) => login(env.app, u.username, u.password);
    const teacher = async (unit: typeof a): Promise<Teacher> => {
      const u = await buildUser(env.ctx, { unit });
      return { session: await as(u), personId: u.person.id, fullName: u.person.fullName };
    };
    organizer = await as(await buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] }));
    principalA = await as(await buildUser(env.ctx, { unit: a, roles: [{ role: 'unit_manager', unit: a }] }));
    principalB = await as(await buildUser(env.ctx, { unit: b, roles: [{ role: 'unit_manager', unit: b }] }));
    proctorA = await as(await buildUser(env.ctx, { unit: a, roles: [{ role: 'proctor', unit: a }] }));
    for (let i = 0; i < 4; i++) teachers.push(await teacher(a));
    teacherB = await teacher(b);
    assessmentId = (
      await buildPublishedAssessment(env.ctx, {
        targets: [a, b],
        durationMin: 60,
        opensAt: new Date(opens).toISOString(),
        closesAt: new Date(closes).toISOString(),
      })
    ).id;
  });
  afterAll(async () => env.close());

  const start = async (t: Teacher) => {
    const res = await t.session.request('POST', `/api/my/assessments/${assessmentId}/start`);
    expect(res.statusCode).toBe(200);
    const attemptId = res.json().attemptId as number;
    const exam = (await t.session.request('GET', `/api/attempts/${attemptId}`)).json();
    return { attemptId, deadlineAt: exam.attempt.deadlineAt as string };
  };
  const mine = async (t: Teacher) =>
    (await t.session.request('GET', '/api/my/assessments')).json().items.find((i: { id: number }) => i.id === assessmentId);
  const monitorRow = async (t: Teacher) =>
    (await organizer.request('GET', `/api/assessments/${assessmentId}/monitor?limit=500`))
      .json()
      .people.find((p: { personId: number }) => p.personId === t.personId);

  it("the person form's extra minutes lengthen the deadline fixed at start; a principal outside the school is refused", async () => {
    const [t] = teachers;
    expect((await principalB.request('PATCH', `/api/people/${t.personId}`, { extraMinutes: 15 })).statusCode).toBe(404);
    const edited = await principalA.request('PATCH', `/api/people/${t.personId}`, { extraMinutes: 15 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().extraMinutes).toBe(15);
    expect((await organizer.request('GET', `/api/people/${t.personId}`)).json().extraMinutes).toBe(15);
    const tooMuch = await principalA.request('PATCH', `/api/people/${t.personId}`, { extraMinutes: 300 });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().message).toContain('thời gian cộng thêm khi làm khảo sát');
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'person.update')
      .where('entity_id', '=', String(t.personId))
      .execute();
    expect(audit.map((r) => r.summary)).toEqual([`Cập nhật thông tin ${t.fullName}; thời gian cộng thêm khi làm khảo sát: 0 → 15 phút`]);

    expect(await mine(t)).toMatchObject({ durationMin: 60, extraMinutes: 15 });
    expect(await monitorRow(t)).toMatchObject({ state: 'not_started', extraMinutes: 15, extraMinutesSource: 'person' });
    const { deadlineAt } = await start(t);
    expect(deadlineAt).toBe(new Date(clock.t + 75 * MIN).toISOString());
  });

  it("an organiser or proctor sets a person's minutes for this survey in advance, audited; it overrides the default", async () => {
    const [, t, u] = teachers;
    await organizer.request('PATCH', `/api/people/${u.personId}`, { extraMinutes: 20 });
    const set = await proctorA.request('PUT', `/api/assessments/${assessmentId}/extra-time/${t.personId}`, {
      minutes: 30,
      reason: 'Giáo viên khuyết tật vận động',
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ personId: t.personId, minutes: 30, source: 'survey', personDefault: 0 });
    // 0 for this survey withdraws the person's default here only.
    expect((await organizer.request('PUT', `/api/assessments/${assessmentId}/extra-time/${u.personId}`, { minutes: 0 })).json()).toEqual({
      personId: u.personId,
      minutes: 0,
      source: 'survey',
      personDefault: 20,
    });

    expect(await monitorRow(t)).toMatchObject({ extraMinutes: 30, extraMinutesSource: 'survey' });
    expect(await mine(t)).toMatchObject({ extraMinutes: 30 });
    expect(await mine(u)).toMatchObject({ extraMinutes: 0 });
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['summary', 'unit_id', 'entity_id'])
      .where('action', '=', 'assessment.extra_time')
      .orderBy('id')
      .execute();
    expect(audit[0].summary).toBe(
      `Đặt thời gian cộng thêm 30 phút cho ${t.fullName} khi làm "Khảo sát bồi dưỡng chính trị hè 2026" `
        + '(lý do: Giáo viên khuyết tật vận động)',
    );
    expect(audit[0].entity_id).toBe(String(assessmentId));

    clock.t += 5 * MIN;
    const { attemptId, deadlineAt } = await start(t);
    expect(deadlineAt).toBe(new Date(clock.t + 90 * MIN).toISOString());
    const event = await env.ctx.db
      .selectFrom('attempt_events')
      .select('detail')
      .where('attempt_id', '=', attemptId)
      .where('kind', '=', 'start')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.detail!)).toMatchObject({ extraMinutes: 30 });
    expect((await start(u)).deadlineAt).toBe(new Date(clock.t + 60 * MIN).toISOString());

    // Once started it is "Gia hạn" that adds minutes.
    const late = await proctorA.request('PUT', `/api/assessments/${assessmentId}/extra-time/${t.personId}`, { minutes: 45 });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'attempt_in_progress' });
    expect(late.json().message).toContain('Gia hạn');
  });

  it("refuses whoever may not change that person's time: outside the subtree 404, a principal 403", async () => {
    const t = teachers[3];
    const put = (s: Session, personId: number) =>
      s.request('PUT', `/api/assessments/${assessmentId}/extra-time/${personId}`, { minutes: 15 });
    expect((await put(principalB, t.personId)).statusCode).toBe(404);
    expect((await put(proctorA, teacherB.personId)).statusCode).toBe(404);
    expect((await put(principalA, t.personId)).statusCode).toBe(403);
    expect((await put(t.session, t.personId)).statusCode).toBe(404);
    const bad = await proctorA.request('PUT', `/api/assessments/${assessmentId}/extra-time/${t.personId}`, { minutes: 241 });
    expect(bad.statusCode).toBe(400);
    expect((await monitorRow(t)).extraMinutes).toBe(0);
    expect(await env.ctx.db.selectFrom('assessment_extra_time').select('person_id').where('person_id', '=', t.personId).execute()).toEqual(
      [],
    );
  });

  it("clearing the survey's value goes back to the person's default", async () => {
    const t = teachers[3];
    await organizer.request('PATCH', `/api/people/${t.personId}`, { extraMinutes: 10 });
    await organizer.request('PUT', `/api/assessments/${assessmentId}/extra-time/${t.personId}`, { minutes: 45 });
    const cleared = await organizer.request('DELETE', `/api/assessments/${assessmentId}/extra-time/${t.personId}`);
    expect(cleared.json()).toEqual({ personId: t.personId, minutes: 10, source: 'person', personDefault: 10 });
    expect(await monitorRow(t)).toMatchObject({ extraMinutes: 10, extraMinutesSource: 'person' });
  });

  it('a late start keeps its extra minutes past the close; saves are taken and the sweeper waits for that deadline', async () => {
    const t = teachers[3]; // default 10 minutes
    clock.t = closes - 20 * MIN;
    const { attemptId, deadlineAt } = await start(t);
    expect(deadlineAt).toBe(new Date(closes + 10 * MIN).toISOString());
    expect((await mine(teacherB)).state).toBe('open');

    clock.t = closes + 5 * MIN;
    expect((await teacherB.session.request('POST', `/api/my/assessments/${assessmentId}/start`)).json().code).toBe('assessment_closed');
    const save = await t.session.request('POST', `/api/attempts/${attemptId}/answers`, {
      clientId: 'x',
      deviceId: 'device-x',
      answers: [{ position: 0, choice: 1, flagged: false, seq: 1, base: 0 }],
    });
    expect(save.statusCode).toBe(200);
    await closeOverdueAttempts(env.ctx);
    expect((await t.session.request('GET', `/api/attempts/${attemptId}`)).json().attempt.status).toBe('in_progress');
    const watching = await organizer.request('GET', `/api/assessments/${assessmentId}/monitor`);
    expect(watching.json().counts.inProgress).toBeGreaterThanOrEqual(1);
    // Figures stay partial while someone still works past the close.
    const statisticsLive = async () => (await organizer.request('GET', `/api/assessments/${assessmentId}/statistics`)).json().live;
    expect(await statisticsLive()).toBe(true);

    clock.t = closes + 10 * MIN + 61_000; // deadline + the builder's 60 s grace
    await closeOverdueAttempts(env.ctx);
    const closed = await env.ctx.db
      .selectFrom('attempts')
      .select(['status', 'submit_kind', 'answered_count'])
      .where('id', '=', attemptId)
      .executeTakeFirstOrThrow();
    expect(closed).toMatchObject({ status: 'submitted', submit_kind: 'server', answered_count: 1 });
    // The other attempts of the survey are over by now (60 + 90 minutes after their starts).
    await closeOverdueAttempts(env.ctx);
    expect(await statisticsLive()).toBe(false);
  });

  it('cannot be set once the survey has closed', async () => {
    const res = await organizer.request('PUT', `/api/assessments/${assessmentId}/extra-time/${teacherB.personId}`, { minutes: 15 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('assessment_closed');
  });
});
