import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { buildPublishedAssessment } from '../../test/assessment-builders.ts';
import { createTestEnv, describeEachDialect, login, type Session, type TestEnv } from '../../test/harness.ts';
import { findRootUnit } from '../units/repository.ts';

describeEachDialect('results and histories', (dialect) => {
  let env: TestEnv;
  let organizer: Session;
  let principalA: Session;
  const teachers: { session: Session; personId: number; school: 'A' | 'B'; attemptId?: number }[] = [];
  let assessmentId: number;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    const root = (await findRootUnit(env.ctx.db))!;
    const a = await buildUnit(env.ctx, { name: 'Trường THCS A', schoolLevel: 'thcs' });
    const b = await buildUnit(env.ctx, { name: 'Trường Mầm non B', schoolLevel: 'mam_non' });
    const as = async (u: Awaited<ReturnType<typeof buildUser>>) => login(env.app, u.username, u.password);
    organizer = await as(await buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] }));
    principalA = await as(await buildUser(env.ctx, { unit: a, roles: [{ role: 'unit_manager', unit: a }] }));
    for (const [school, unit, name] of [
      ['A', a, 'Nguyễn Thị Ánh'],
      ['A', a, 'Trần Văn Bình'],
      ['B', b, 'Lê Thị Cúc'],
    ] as const) {
      const u = await buildUser(env.ctx, { unit, fullName: name });
      teachers.push({ session: await as(u), personId: u.person.id, school });
    }
    assessmentId = (
      await buildPublishedAssessment(env.ctx, {
        targets: [a, b],
        title: 'Khảo sát hè 2026',
        review: { score: 'after_close', answers: 'never', key: 'never' },
      })
    ).id;
    // Each answers the first k questions with option A, then submits.
    for (const [i, t] of teachers.entries()) {
      t.attemptId = (await t.session.request('POST', `/api/my/assessments/${assessmentId}/start`)).json().attemptId;
      const answers = Array.from({ length: 4 + i * 3 }, (_, p) => ({ position: p, choice: 0, flagged: false, seq: p + 1, base: 0 }));
      await t.session.request('POST', `/api/attempts/${t.attemptId}/submit`, {
        clientId: 'x',
        deviceId: 'device-x',
        kind: 'participant',
        answers,
      });
    }
  });
  afterAll(async () => env.close());

  it('lists every graded attempt for the organiser, filtered by school level and searched without diacritics', async () => {
    const all = (await organizer.request('GET', `/api/assessments/${assessmentId}/results?sort=name`)).json();
    expect(all.total).toBe(3);
    expect(all.items.map((r: { fullName: string }) => r.fullName)).toEqual(['Nguyễn Thị Ánh', 'Trần Văn Bình', 'Lê Thị Cúc']);
    const stored = await env.ctx.db.selectFrom('attempts').select(['id', 'score', 'band']).execute();
    for (const row of all.items) expect(stored.find((s) => s.id === row.attemptId)).toMatchObject({ score: row.score, band: row.band });
    const preschool = (await organizer.request('GET', `/api/assessments/${assessmentId}/results?schoolLevel=mam_non`)).json();
    expect(preschool.items.map((r: { fullName: string }) => r.fullName)).toEqual(['Lê Thị Cúc']);
    const found = (await organizer.request('GET', `/api/assessments/${assessmentId}/results?q=binh`)).json();
    expect(found.items.map((r: { fullName: string }) => r.fullName)).toEqual(['Trần Văn Bình']);
  });

  it("never shows school B's people to school A's principal, in the table, an attempt or a history", async () => {
    const own = (await principalA.request('GET', `/api/assessments/${assessmentId}/results`)).json();
    expect(own.items.map((r: { fullName: string }) => r.fullName).sort()).toEqual(['Nguyễn Thị Ánh', 'Trần Văn Bình']);
    const outsider = teachers.find((t) => t.school === 'B')!;
    expect((await principalA.request('GET', `/api/attempts/${outsider.attemptId}/detail`)).statusCode).toBe(404);
    expect((await principalA.request('GET', `/api/people/${outsider.personId}/assessment-history`)).statusCode).toBe(404);
    const mine = teachers[0];
    expect((await principalA.request('GET', `/api/people/${mine.personId}/assessment-history`)).json().items).toEqual([
      expect.objectContaining({ title: 'Khảo sát hè 2026', score: expect.any(Number) }),
    ]);
  });

  it('opens one attempt for the organiser with answers against the key and its audit trail', async () => {
    const t = teachers[1];
    await organizer.request('POST', `/api/attempts/${t.attemptId}/reopen`, { minutes: 5, reason: 'Mất điện' });
    await t.session.request('POST', `/api/attempts/${t.attemptId}/submit`, {
      clientId: 'x',
      deviceId: 'device-x',
      kind: 'participant',
      answers: [],
    });
    // The organiser may use the survey's bank; a principal sees the answers only once the survey is over (key-sealed.test.ts).
    const detail = (await organizer.request('GET', `/api/attempts/${t.attemptId}/detail`)).json();
    expect(detail.questions).toHaveLength(10);
    expect(detail.questions.filter((q: { choice: number | null }) => q.choice !== null)).toHaveLength(7);
    expect(detail.questions.filter((q: { choice: number; correct: number }) => q.choice === q.correct)).toHaveLength(detail.correct);
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['start', 'submit', 'reopen', 'submit']);
    expect(detail.events[2]).toMatchObject({ detail: { reason: 'Mất điện' } });
    expect((await t.session.request('GET', `/api/attempts/${t.attemptId}/detail`)).statusCode).toBe(404);
  });

  it('gives each participant their own history, hiding the score until the policy allows', async () => {
    const history = (await teachers[0].session.request('GET', '/api/my/history')).json().items;
    expect(history).toEqual([expect.objectContaining({ title: 'Khảo sát hè 2026', status: 'submitted', score: null, band: null })]);
  });
});
