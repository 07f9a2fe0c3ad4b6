import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { buildPublishedAssessment } from '../../test/assessment-builders.ts';
import { createTestEnv, describeEachDialect, login, type Session, type TestEnv } from '../../test/harness.ts';
import { flushProgress } from './progress.ts';

// The monitor's "Tiến độ" follows the answer saves — no ping needed — once a node flushes its notes (every 2 s).
describeEachDialect("the monitor's progress", (dialect) => {
  let env: TestEnv;
  let teacher: Session;
  let organizer: Session;
  let assessmentId: number;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    const school = await buildUnit(env.ctx, { name: 'Trường THCS Lê Lợi', schoolLevel: 'thcs' });
    const t = await buildUser(env.ctx, { unit: school, fullName: 'Nguyễn Văn An' });
    const o = await buildUser(env.ctx, { roles: [{ role: 'organizer', unit: school }] });
    teacher = await login(env.app, t.username, t.password);
    organizer = await login(env.app, o.username, o.password);
    assessmentId = (await buildPublishedAssessment(env.ctx, { targets: [school] })).id;
  });
  afterAll(async () => env.close());

  const progressOf = async () => {
    const view = (await organizer.request('GET', `/api/assessments/${assessmentId}/monitor`)).json();
    return {
      answered: view.people.find((p: { fullName: string }) => p.fullName === 'Nguyễn Văn An').answered,
      average: view.averageProgress,
    };
  };

  it('moves with the saves, counting each question once and not the cleared ones', async () => {
    const attemptId = (await teacher.request('POST', `/api/my/assessments/${assessmentId}/start`)).json().attemptId;
    const save = (answers: { position: number; choice: number | null; seq: number }[]) =>
      teacher.request('POST', `/api/attempts/${attemptId}/answers`, {
        clientId: 'device-one',
        deviceId: 'device-one',
        answers: answers.map((a) => ({ flagged: false, base: 0, ...a })),
      });
    expect(
      (
        await save([
          { position: 0, choice: 1, seq: 1 },
          { position: 1, choice: 2, seq: 2 },
          { position: 2, choice: 0, seq: 3 },
        ])
      ).statusCode,
    ).toBe(200);
    expect(await flushProgress(env.ctx)).toBe(1);
    expect(await progressOf()).toEqual({ answered: 3, average: 0.3 });
    await save([
      { position: 1, choice: 3, seq: 4 },
      { position: 2, choice: null, seq: 5 },
      { position: 3, choice: 1, seq: 6 },
    ]);
    await flushProgress(env.ctx);
    expect((await progressOf()).answered).toBe(3);
    expect(await flushProgress(env.ctx)).toBe(0); // nothing changed since: nothing to write
  });
});
