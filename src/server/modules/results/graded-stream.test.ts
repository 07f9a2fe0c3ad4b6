import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { buildPublishedAssessment } from '../../test/assessment-builders.ts';
import { createTestEnv, describeEachDialect, login, type TestEnv } from '../../test/harness.ts';
import { gradedStream } from './repository.ts';

describeEachDialect('the stream of counted attempts', (dialect) => {
  let env: TestEnv;
  let assessmentId: number;
  const expected: number[] = [];

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    const school = await buildUnit(env.ctx, { name: 'Trường THCS Kim Đồng', schoolLevel: 'thcs' });
    const users = [];
    for (let i = 0; i < 5; i++) users.push(await buildUser(env.ctx, { unit: school }));
    assessmentId = (await buildPublishedAssessment(env.ctx, { targets: [school], attemptsAllowed: 3 })).id;
    const take = async (s: Awaited<ReturnType<typeof login>>, submit: boolean) => {
      const id = (await s.request('POST', `/api/my/assessments/${assessmentId}/start`)).json().attemptId as number;
      if (submit)
        await s.request('POST', `/api/attempts/${id}/submit`, { clientId: 'x', deviceId: 'device-x', kind: 'participant', answers: [] });
      return id;
    };
    // Five people: twice submitted (the second counts), once, none, submitted then still working, three times.
    for (const [i, plan] of [[true, true], [true], [], [true, false], [true, true, true]].entries()) {
      const s = await login(env.app, users[i].username, users[i].password);
      const ids = [];
      for (const submit of plan) ids.push({ id: await take(s, submit), submit });
      const counted = ids.filter((x) => x.submit).at(-1);
      if (counted) expected.push(counted.id);
    }
  });
  afterAll(async () => env.close());

  it("yields each person's latest submitted attempt once, whatever the batch size cuts", async () => {
    for (const size of [1, 2, 3, 100]) {
      const seen: number[] = [];
      for await (const rows of gradedStream(env.ctx.db, assessmentId, undefined, size)) seen.push(...rows.map((r) => r.id));
      expect(seen.sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
    }
    const scoped: number[] = [];
    const path = (await env.ctx.db.selectFrom('units').select('path').where('name', '=', 'Trường THCS Kim Đồng').executeTakeFirstOrThrow())
      .path;
    for await (const rows of gradedStream(env.ctx.db, assessmentId, [path], 2)) scoped.push(...rows.map((r) => r.id));
    expect(scoped.sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
  });
});
