import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, describeEachDialect, login, type TestEnv } from '../test/harness.ts';
import { hasPeople, seedDemo } from './seed-demo.ts';
import { seedDemoAssessment } from './seed-assessment.ts';

describeEachDialect('demo province', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
  });
  afterAll(async () => env.close());

  it('fills an empty roster and prints working accounts for each role', async () => {
    expect(await hasPeople(env.ctx)).toBe(false);
    const { province, accounts } = await seedDemo(env.ctx, { people: 800 });
    expect(await hasPeople(env.ctx)).toBe(true);
    const people = await env.ctx.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(people.n)).toBe(800);
    expect(accounts.map((a) => a.role)).toEqual(['organizer', 'unit_manager', 'proctor', 'participant']);

    const organizer = await login(env.app, accounts[0].username, accounts[0].password);
    const units = (await organizer.request('GET', '/api/units')).json().units as { name: string; peopleCount: number }[];
    expect(units).toHaveLength(province.units.length);
    expect(units[0].name).toBe(province.units[0].name);

    // A year of political centres' classes (41 planned a quarter), a summer campaign with three sites, a conference.
    const report = (await organizer.request('GET', `/api/class-reports?year=${new Date().getUTCFullYear()}`)).json();
    expect(report.total.plannedClasses).toBe(164);
    expect((await organizer.request('GET', '/api/campaigns')).json().items).toMatchObject([{ siteCount: 3 }]);
    expect((await organizer.request('GET', '/api/events')).json().items).toHaveLength(1);
    // The campaign looks used: sessions already held are marked (one still waits for its proctor), materials are there.
    const campaignId = (await organizer.request('GET', '/api/campaigns')).json().items[0].id;
    const attendance = (await organizer.request('GET', `/api/campaigns/${campaignId}/attendance`)).json();
    expect(attendance.total.present + attendance.total.late).toBeGreaterThan(0);
    expect(attendance.total.absent).toBeGreaterThan(0);
    expect(attendance.total.unmarked).toBeGreaterThan(0);
    expect((await organizer.request('GET', `/api/campaigns/${campaignId}/materials`)).json().items).toHaveLength(3);

    const principal = await login(env.app, accounts[1].username, accounts[1].password);
    const own = (await principal.request('GET', '/api/people?pageSize=200')).json();
    expect(own.total).toBeGreaterThan(0);
    expect(own.items.every((p: { unitName: string }) => p.unitName === accounts[1].unitName)).toBe(true);

    const participant = await login(env.app, accounts[3].username, accounts[3].password);
    const me = (await participant.request('GET', '/api/auth/me')).json();
    expect(me.mustChangePassword).toBe(false);
    expect((await participant.request('GET', `/api/people/${me.personId}`)).json().fullName).toBe(accounts[3].fullName);

    // The demo survey is open for everyone: the participant can start it right away.
    const survey = await seedDemoAssessment(env.ctx);
    const mine = (await participant.request('GET', '/api/my/assessments')).json().items;
    expect(mine.find((m: { id: number }) => m.id === survey.assessmentId)).toMatchObject({ state: 'open', questionCount: 20 });
    // Last summer's survey is over: graded for most people, missed by the others.
    expect(['submitted', 'missed']).toContain(mine.find((m: { id: number }) => m.id === survey.lastYear.assessmentId).state);
    const graded = await env.ctx.db
      .selectFrom('attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('assessment_id', '=', survey.lastYear.assessmentId)
      .executeTakeFirstOrThrow();
    expect(Number(graded.n)).toBe(survey.lastYear.attempts);
    expect(survey.lastYear.attempts).toBeGreaterThan(700);
    const start = await participant.request('POST', `/api/my/assessments/${survey.assessmentId}/start`);
    const exam = (await participant.request('GET', `/api/attempts/${start.json().attemptId}`)).json();
    expect(exam.questions).toHaveLength(20);
  });

  it('seeds a tiny province (--people 50) with its four accounts, recorded attendance and materials', async () => {
    const small = await createTestEnv(dialect);
    try {
      const { accounts, marks, materials } = await seedDemo(small.ctx, { people: 50 });
      expect(accounts.map((a) => a.role)).toEqual(['organizer', 'unit_manager', 'proctor', 'participant']);
      expect(new Set(accounts.map((a) => a.username)).size).toBe(4);
      for (const a of accounts) expect((await login(small.app, a.username, a.password)).csrf).toBeTruthy();
      expect(materials).toBe(3);
      expect(marks).toBeGreaterThanOrEqual(0);
    } finally {
      await small.close();
    }
  });
});
