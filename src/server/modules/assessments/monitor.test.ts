import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { buildPublishedAssessment } from '../../test/assessment-builders.ts';
import { createTestEnv, describeEachDialect, login, type Session, type TestEnv } from '../../test/harness.ts';
import { findRootUnit } from '../units/repository.ts';

const MIN = 60_000;

describeEachDialect('watching an assessment live', (dialect) => {
  let env: TestEnv;
  const clock = {
    t: Date.parse('2026-07-15T01:00:00Z'),
    now() {
      return new Date(this.t);
    },
  };
  let organizer: Session;
  let principalA: Session;
  let proctorA: Session;
  const teachersA: Session[] = [];
  let teacherB: Session;
  let assessmentId: number;
  let schoolAId: number;

  beforeAll(async () => {
    env = await createTestEnv(dialect, { clock });
    const root = (await findRootUnit(env.ctx.db))!;
    const a = await buildUnit(env.ctx, { name: 'Trường Tiểu học A' });
    const b = await buildUnit(env.ctx, { name: 'Trường Tiểu học B' });
    schoolAId = a.id;
    const login$ = async (u: Awaited<ReturnType<typeof buildUser>>) => login(env.app, u.username, u.password);
    organizer = await login$(await buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] }));
    principalA = await login$(await buildUser(env.ctx, { unit: a, roles: [{ role: 'unit_manager', unit: a }] }));
    proctorA = await login$(await buildUser(env.ctx, { unit: a, roles: [{ role: 'proctor', unit: a }] }));
    for (let i = 0; i < 3; i++) teachersA.push(await login$(await buildUser(env.ctx, { unit: a })));
    teacherB = await login$(await buildUser(env.ctx, { unit: b }));
    assessmentId = (
      await buildPublishedAssessment(env.ctx, {
        targets: [a, b],
        durationMin: 60,
        opensAt: new Date(clock.t - 10 * MIN).toISOString(),
        closesAt: new Date(clock.t + 5 * 60 * MIN).toISOString(),
      })
    ).id;
  });
  afterAll(async () => env.close());

  const startAndAnswer = async (s: Session, answers: number) => {
    const id = (await s.request('POST', `/api/my/assessments/${assessmentId}/start`)).json().attemptId as number;
    for (let p = 0; p < answers; p++) {
      await s.request('POST', `/api/attempts/${id}/answers`, {
        clientId: 'x',
        deviceId: 'device-x',
        answers: [{ position: p, choice: 0, flagged: false, seq: p + 1, base: 0 }],
      });
    }
    await s.request('POST', `/api/attempts/${id}/ping`, { clientId: 'x', hiddenCount: 0, hiddenMs: 0, known: 0 });
    return id;
  };

  it('counts eligible, not started, in progress and submitted, with progress, for the organiser', async () => {
    const a1 = await startAndAnswer(teachersA[0], 4);
    await startAndAnswer(teachersA[1], 8);
    const b1 = await startAndAnswer(teacherB, 10);
    await teacherB.request('POST', `/api/attempts/${b1}/submit`, { clientId: 'x', deviceId: 'device-x', kind: 'participant', answers: [] });
    const view = (await organizer.request('GET', `/api/assessments/${assessmentId}/monitor`)).json();
    // School A: principal, proctor and three teachers; school B: one teacher.
    expect(view.counts).toEqual({ eligible: 6, notStarted: 3, inProgress: 2, submitted: 1, voided: 0, disconnected: 0 });
    expect(view.averageProgress).toBeCloseTo(0.6);
    expect(view.byUnit).toEqual([
      expect.objectContaining({ unitName: 'Trường Tiểu học A', eligible: 5, inProgress: 2, submitted: 0 }),
      expect.objectContaining({ unitName: 'Trường Tiểu học B', eligible: 1, inProgress: 0, submitted: 1 }),
    ]);
    expect(view.people.find((p: { attemptId: number }) => p.attemptId === a1)).toMatchObject({ state: 'in_progress', answered: 4 });
  });

  it('shows a principal and a proctor only the people of their own school', async () => {
    for (const s of [principalA, proctorA]) {
      const view = (await s.request('GET', `/api/assessments/${assessmentId}/monitor`)).json();
      expect(view.counts).toMatchObject({ eligible: 5, submitted: 0 });
      expect(view.people.every((p: { unitName: string }) => p.unitName === 'Trường Tiểu học A')).toBe(true);
    }
    const list = (await principalA.request('GET', '/api/assessments')).json().items;
    expect(list).toEqual([
      expect.objectContaining({ id: assessmentId, canManage: false, counts: { eligible: 5, started: 2, submitted: 0 } }),
    ]);
  });

  it('flags people not seen for minutes, and the signals of a hidden page, another device and a new address', async () => {
    const id = (await teachersA[0].request('POST', `/api/my/assessments/${assessmentId}/start`)).json().attemptId;
    await teachersA[0].request('POST', `/api/attempts/${id}/ping`, { clientId: 'x', hiddenCount: 2, hiddenMs: 15_000, known: 0 });
    await teachersA[0].request('POST', `/api/attempts/${id}/ping`, { clientId: 'other-tab', hiddenCount: 0, hiddenMs: 0, known: 0 });
    clock.t += 5 * MIN;
    const view = (await proctorA.request('GET', `/api/assessments/${assessmentId}/monitor?state=disconnected`)).json();
    expect(view.counts.disconnected).toBe(2);
    const person = view.people.find((p: { attemptId: number }) => p.attemptId === id);
    expect(person).toMatchObject({ disconnected: true, signals: { hiddenCount: 2, hiddenMs: 15_000, ipChanges: 0, secondClient: 1 } });
    const signals = (await organizer.request('GET', `/api/assessments/${assessmentId}/monitor?state=signals`)).json();
    expect(signals.people.map((p: { attemptId: number }) => p.attemptId)).toEqual([id]);
  });

  it("lets a proctor extend a person's time but not void it; the organiser voids with a reason, audited", async () => {
    const id = (await teachersA[1].request('POST', `/api/my/assessments/${assessmentId}/start`)).json().attemptId;
    const before = (await teachersA[1].request('GET', `/api/attempts/${id}`)).json().attempt.deadlineAt;
    const extend = await proctorA.request('POST', `/api/attempts/${id}/extend`, { minutes: 10, reason: 'Điện thoại hết pin' });
    expect(extend.json().deadlineAt).toBe(new Date(Date.parse(before) + 10 * MIN).toISOString());
    expect((await principalA.request('POST', `/api/attempts/${id}/extend`, { minutes: 10 })).statusCode).toBe(403);
    expect((await proctorA.request('POST', `/api/attempts/${id}/void`, { reason: 'x' })).statusCode).toBe(403);
    const bAttempt = (await teacherB.request('GET', '/api/my/assessments')).json().items[0].attempt.id;
    expect((await proctorA.request('POST', `/api/attempts/${bAttempt}/extend`, { minutes: 5 })).statusCode).toBe(404);

    const voided = await organizer.request('POST', `/api/attempts/${id}/void`, { reason: 'Nhờ người khác làm hộ' });
    expect(voided.statusCode).toBe(200);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'summary', 'unit_id'])
      .where('entity_type', '=', 'attempt')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['attempt.extend', 'attempt.void']);
    expect(audit[1].summary).toContain('Nhờ người khác làm hộ');
    expect(audit.every((a) => a.unit_id === schoolAId)).toBe(true);
    const save = await teachersA[1].request('POST', `/api/attempts/${id}/answers`, {
      clientId: 'x',
      deviceId: 'device-x',
      answers: [{ position: 0, choice: 1, flagged: false, seq: 99, base: 0 }],
    });
    expect(save.json().message).toBe('Bài làm đã bị hủy; câu trả lời này không được lưu.');
    // A voided attempt does not count: the person may start again while the window is open.
    const again = await teachersA[1].request('POST', `/api/my/assessments/${assessmentId}/start`);
    expect(again.json().attemptId).not.toBe(id);
  });

  it('reopens a submitted attempt for some minutes and keeps its answers', async () => {
    const bAttempt = (await teacherB.request('GET', '/api/my/assessments')).json().items[0].attempt.id;
    const reopen = await organizer.request('POST', `/api/attempts/${bAttempt}/reopen`, { minutes: 15, reason: 'Mất điện' });
    expect(reopen.json().deadlineAt).toBe(new Date(clock.t + 15 * MIN).toISOString());
    const exam = (await teacherB.request('GET', `/api/attempts/${bAttempt}`)).json();
    expect(exam.attempt.status).toBe('in_progress');
    expect(exam.answers).toHaveLength(10);
  });
});
