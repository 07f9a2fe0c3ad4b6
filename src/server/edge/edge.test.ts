import { afterAll, beforeAll, expect, it } from 'vitest';
import { attemptKey, buildPublishedAssessment } from '../test/assessment-builders.ts';
import type { CutProxy } from '../test/cut-proxy.ts';
import { siteOfSchoolA, startTestEdge, type TestEdge } from '../test/edge-fixture.ts';
import { describeEachDialect, login, until } from '../test/harness.ts';
import { createTrainingFixture } from '../test/training-fixture.ts';
import type { RunningServer } from '../main.ts';
import { applySync } from '../modules/edges/sync-service.ts';
import { overdueOf } from '../modules/exam/repository.ts';
import { buildUnit, buildUser } from '../test/builders.ts';
import { recordsOf } from './outbox.ts';
import { fetchBundle } from './prepare.ts';
import type { EdgeBundle, EdgeSlip } from '../../domain/edge/bundle.ts';

describeEachDialect('site edge server', (dialect) => {
  let f: Awaited<ReturnType<typeof createTrainingFixture>>;
  let site: TestEdge;
  let proxy: CutProxy;
  let edge: RunningServer;
  let bundle: EdgeBundle;
  let slips: EdgeSlip[];
  let assessmentId: number;
  let siteId: number;

  beforeAll(async () => {
    f = await createTrainingFixture(dialect, new Date().toISOString());
    assessmentId = (await buildPublishedAssessment(f.env.ctx, { targets: [f.root] })).id;
    siteId = await siteOfSchoolA(f);
    // The third teacher started on the province before the laptop was prepared: that attempt stays there.
    const third = await f.teacherSession(2);
    expect((await third.request('POST', `/api/my/assessments/${assessmentId}/start`)).statusCode).toBe(200);
    site = await startTestEdge(f, siteId);
    ({ edge, proxy } = site);
    ({ bundle, slips } = site.prepared);
  }, 60_000);

  afterAll(async () => {
    await site?.close();
    await f?.env.close();
  });

  it('takes to the laptop only the people who have not started, the variants without the key, and a code per person', async () => {
    expect(bundle.people.map((p) => p.id).sort()).toEqual([f.teachersA[0].person.id, f.teachersA[1].person.id].sort());
    expect(slips).toHaveLength(2);
    for (const slip of slips) expect(slip.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const onEdge = edge.ctx.db;
    const keys = await onEdge.selectFrom('assessment_questions').select('correct_index').execute();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.correct_index === -1)).toBe(true);
    const versions = await onEdge.selectFrom('question_versions').select('correct_index').execute();
    expect(versions.every((v) => v.correct_index === -1)).toBe(true);
    const users = await onEdge.selectFrom('users').select(['username', 'password_hash']).execute();
    expect(users.every((u) => u.password_hash?.startsWith('$argon2id$'))).toBe(true);
    // The province's own passwords do not work on the edge.
    const wrong = await edge.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: f.teachersA[0].username, password: f.teachersA[0].password },
    });
    expect(wrong.statusCode).toBe(401);
  });

  it("refuses a sync without this edge's token", async () => {
    const body = { edgeNow: new Date().toISOString(), throughSeq: 0, pending: 0, attempts: [] };
    for (const authorization of [undefined, 'Bearer not-the-token']) {
      const res = await f.env.app.inject({
        method: 'POST',
        url: '/api/edge/sync',
        payload: body,
        headers: authorization ? { authorization } : {},
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('edge_unauthorised');
    }
  });

  it('refuses on the province a start the edge holds, and says where to go', async () => {
    const teacher = await f.teacherSession(0);
    const res = await teacher.request('POST', `/api/my/assessments/${assessmentId}/start`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('Điểm cầu Tân Lập');
  });

  it('runs the survey with the uplink cut, then every answer and the grade reach the province once', async () => {
    const who = f.teachersA[1];
    const code = slips.find((s) => s.personId === who.person.id)!.code;
    const session = await login(edge.app, who.username, code);
    proxy.cut();
    const startReply = await session.request('POST', `/api/my/assessments/${assessmentId}/start`);
    expect(startReply.statusCode, startReply.body).toBe(200);
    const { attemptId } = startReply.json();
    const exam = (await session.request('GET', `/api/attempts/${attemptId}`)).json();
    const choices = exam.questions.map((_: unknown, i: number) => i % 3);
    const answers = choices.map((choice: number, position: number) => ({ position, choice, flagged: false, seq: position + 1, base: 0 }));
    const saved = await session.request('POST', `/api/attempts/${attemptId}/answers`, { clientId: 'c1', deviceId: 'device-one', answers });
    expect(saved.statusCode).toBe(200);
    const submitted = await session.request('POST', `/api/attempts/${attemptId}/submit`, {
      clientId: 'c1',
      deviceId: 'device-one',
      answers: [],
      kind: 'participant',
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', score: null, awaitingSync: true });
    await new Promise((resolve) => setTimeout(resolve, 600));
    const province = f.env.ctx.db;
    const before = await province.selectFrom('attempts').select('id').where('person_id', '=', who.person.id).execute();
    expect(before).toHaveLength(0);

    proxy.restore();
    const graded = await until('the grade on the province', () =>
      province
        .selectFrom('attempts')
        .selectAll()
        .where('person_id', '=', who.person.id)
        .where('status', '=', 'submitted')
        .executeTakeFirst(),
    );
    const key = await attemptKey(province, assessmentId, graded.id);
    const expected = choices.filter((c: number, i: number) => key.display[i] === c).length;
    expect(graded.correct_count).toBe(expected);
    expect(graded.answered_count).toBe(choices.length);
    const stored = await province
      .selectFrom('attempt_answers')
      .select(['position', 'choice'])
      .where('attempt_id', '=', graded.id)
      .orderBy('position')
      .execute();
    expect(stored.map((a) => a.choice)).toEqual(choices);

    // The participant on the edge sees the province's score once it came back.
    const result = await until('the score on the edge', async () => {
      const r = (await session.request('GET', `/api/attempts/${attemptId}/result`)).json();
      return r.score !== null ? r : null;
    });
    expect(result.correct).toBe(expected);
    expect(result.awaitingSync).toBeUndefined();

    // The same records sent again (a reply lost on the way back) change nothing.
    const edgeRow = (await province.selectFrom('edges').selectAll().where('id', '=', bundle.edge.id).executeTakeFirstOrThrow())!;
    const records = await recordsOf(edge.ctx.db, [attemptId]);
    for (let i = 0; i < 2; i++) {
      const reply = await applySync(f.env.ctx, edgeRow, {
        edgeNow: new Date().toISOString(),
        throughSeq: 0,
        pending: 0,
        attempts: records,
      });
      expect(reply.graded).toEqual([expect.objectContaining({ edgeAttemptId: attemptId, correct: expected })]);
    }
    const attempts = await province.selectFrom('attempts').select('id').where('person_id', '=', who.person.id).execute();
    expect(attempts).toHaveLength(1);
    const submits = await province
      .selectFrom('attempt_events')
      .select('id')
      .where('attempt_id', '=', graded.id)
      .where('kind', '=', 'submit')
      .execute();
    expect(submits).toHaveLength(1);
    const flags = await province
      .selectFrom('attempt_events')
      .select('id')
      .where('attempt_id', '=', graded.id)
      .where('kind', '=', 'edge_flag')
      .execute();
    expect(flags).toHaveLength(0);

    // The participant cannot answer the edge's attempt on the province.
    const onProvince = await f.env.ctx.db.selectFrom('attempts').select('id').where('id', '=', graded.id).executeTakeFirstOrThrow();
    const there = await login(f.env.app, who.username, who.password);
    const refused = await there.request('POST', `/api/attempts/${onProvince.id}/answers`, {
      clientId: 'c2',
      deviceId: 'device-two',
      answers,
    });
    expect(refused.statusCode).toBe(409);
  });

  it("flags a record whose times break the survey's rules instead of taking them silently", async () => {
    const edgeRow = (await f.env.ctx.db.selectFrom('edges').selectAll().where('id', '=', bundle.edge.id).executeTakeFirstOrThrow())!;
    const who = f.teachersA[0];
    const started = new Date(Date.now() - 60_000).toISOString();
    const reply = await applySync(f.env.ctx, edgeRow, {
      edgeNow: new Date().toISOString(),
      throughSeq: 0,
      pending: 0,
      attempts: [
        {
          edgeAttemptId: 999,
          assessmentId,
          personId: who.person.id,
          attemptNo: 1,
          variantCode: bundle.variants[0].code as string,
          status: 'in_progress',
          startedAt: started,
          // Ten hours instead of the survey's two.
          deadlineAt: new Date(Date.now() + 10 * 3_600_000).toISOString(),
          submittedAt: null,
          submitKind: null,
          answers: [],
        },
      ],
    });
    expect(reply.refused).toEqual([]);
    const attempt = await f.env.ctx.db.selectFrom('attempts').selectAll().where('person_id', '=', who.person.id).executeTakeFirstOrThrow();
    expect(Date.parse(attempt.deadline_at)).toBeLessThanOrEqual(Date.parse(started) + 120 * 60_000);
    const flag = await f.env.ctx.db
      .selectFrom('attempt_events')
      .select('detail')
      .where('attempt_id', '=', attempt.id)
      .where('kind', '=', 'edge_flag')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(flag.detail!).flags).toContain('deadline_changed');
  });

  it('says in the statistics how many people of the survey are still on an edge', async () => {
    // Teacher 1's attempt arrived graded; teacher 0's (the flagged one) is still open on the edge.
    const stats = (await f.organizer.request('GET', `/api/assessments/${assessmentId}/statistics`)).json();
    expect(stats.onEdges).toBe(1);
    // A reader of several schools sees them as one node: only their own schools' people count.
    const schoolC = await buildUnit(f.env.ctx, { name: 'Trường TH Hồng Phong', parent: f.communeB, schoolLevel: 'th' });
    const onEdgesFor = async (units: (typeof schoolC)[]) => {
      const reader = await buildUser(f.env.ctx, { unit: units[0], roles: units.map((unit) => ({ role: 'unit_manager' as const, unit })) });
      const session = await login(f.env.app, reader.username, reader.password);
      const view = await session.request('GET', `/api/assessments/${assessmentId}/statistics`);
      expect(view.statusCode, view.body).toBe(200);
      return view.json().onEdges;
    };
    expect(await onEdgesFor([f.schoolA, f.schoolB])).toBe(1);
    expect(await onEdgesFor([f.schoolB, schoolC])).toBe(0);
  });

  it('shows the organiser each edge: online, what it holds, what arrived', async () => {
    const list = (
      await f.organizer.request(
        'GET',
        `/api/campaigns/${(await f.env.ctx.db.selectFrom('sites').select('campaign_id').where('id', '=', siteId).executeTakeFirstOrThrow()).campaign_id}/edges`,
      )
    ).json();
    expect(list.items).toEqual([
      expect.objectContaining({
        id: bundle.edge.id,
        siteName: 'Điểm cầu Tân Lập',
        online: true,
        leased: 2,
        received: 2,
        graded: 1,
        flagged: 1,
        pending: 0,
      }),
    ]);
    // Opened, the laptop's row names who is where, and why one attempt was flagged.
    const leases = (await f.organizer.request('GET', `/api/edges/${bundle.edge.id}/leases`)).json();
    expect(leases.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          personId: f.teachersA[0].person.id,
          state: 'in_progress',
          flags: ['hạn nộp do máy điểm cầu ghi khác quy định của bài'],
        }),
        expect.objectContaining({ personId: f.teachersA[1].person.id, state: 'submitted', flags: [] }),
      ]),
    );
    expect(leases.items).toHaveLength(2);
    // Someone outside the site and its campaign's organisers does not see it.
    expect((await f.communeOrganizer.request('GET', `/api/edges/${bundle.edge.id}/leases`)).statusCode).toBe(404);
  });

  it('takes a laptop out of service: its syncs refused, people who never started there back on the province', async () => {
    // A latecomer added to the site gets a second laptop; nobody else moves (the others' attempts arrived).
    const latecomer = await buildUser(f.env.ctx, { unit: f.schoolA, fullName: 'Hà Văn Muộn' });
    await f.organizer.request('POST', `/api/sites/${siteId}/participants`, { personIds: [latecomer.person.id] });
    // The survey belongs to the campaign, which asks for full attendance: the latecomer missed the site's session.
    const campaignId = (await f.env.ctx.db.selectFrom('sites').select('campaign_id').where('id', '=', siteId).executeTakeFirstOrThrow())
      .campaign_id;
    await f.env.ctx.db.updateTable('assessments').set({ campaign_id: campaignId }).where('id', '=', assessmentId).execute();
    await f.organizer.request('PATCH', `/api/campaigns/${campaignId}`, { attendanceRequiredPercent: 100 });
    const session = await f.organizer.request('POST', `/api/sites/${siteId}/sessions`, {
      date: new Date().toISOString().slice(0, 10),
      startsAt: '07:30',
      endsAt: '11:00',
    });
    expect(session.statusCode, session.body).toBe(200);
    const prepare = () => fetchBundle({ upstream: proxy.url, siteId, username: f.proctorUser.username, password: f.proctorUser.password });
    await expect(prepare()).rejects.toThrow('Điểm cầu không có học viên nào cần làm bài');
    const marked = await f.proctor.request('PUT', `/api/training-sessions/${session.json().id}/attendance/${latecomer.person.id}`, {
      status: 'present',
    });
    expect(marked.statusCode, marked.body).toBe(200);

    const second = await prepare();
    expect(second.bundle.people.map((p) => p.id)).toEqual([latecomer.person.id]);
    // The others stay where their attempts are, and the proctor is told why.
    expect(second.leftOnProvince.map((l) => [l.fullName, l.reason]).sort()).toEqual(
      f.teachersA.map((t) => [t.person.fullName, 'đã bắt đầu làm trên máy chủ tỉnh']).sort(),
    );
    const late = await login(f.env.app, latecomer.username, latecomer.password);
    expect((await late.request('POST', `/api/my/assessments/${assessmentId}/start`)).statusCode).toBe(409);

    // Nobody whose attempt arrived goes back to the province; the latecomer, who never started on the laptop, may.
    const giveBack = (personIds: number[]) => f.organizer.request('POST', `/api/edges/${bundle.edge.id}/return`, { personIds });
    const refusedReturn = await giveBack([f.teachersA[0].person.id, latecomer.person.id]);
    expect(refusedReturn.statusCode).toBe(409);
    expect(refusedReturn.json().code).toBe('edge_has_attempts');
    const leases = (await f.proctor.request('GET', `/api/edges/${second.bundle.edge.id}/leases`)).json();
    expect(leases.items).toEqual([expect.objectContaining({ personId: latecomer.person.id, fullName: 'Hà Văn Muộn', state: 'waiting' })]);

    // Only the campaign's organisers revoke; the site's proctor may not.
    expect((await f.proctor.request('POST', `/api/edges/${second.bundle.edge.id}/revoke`)).statusCode).toBe(403);
    const revoked = await f.organizer.request('POST', `/api/edges/${second.bundle.edge.id}/revoke`);
    expect(revoked.json()).toEqual({ returned: 1 });
    expect((await late.request('POST', `/api/my/assessments/${assessmentId}/start`)).statusCode).toBe(200);

    // The first laptop: teacher 0's unfinished attempt arrived; once revoked, the province's sweep closes it at its deadline.
    const unfinished = await f.env.ctx.db
      .selectFrom('attempts')
      .select('id')
      .where('person_id', '=', f.teachersA[0].person.id)
      .executeTakeFirstOrThrow();
    const farFuture = new Date(Date.now() + 24 * 3_600_000).toISOString();
    const overdueIds = async () => (await overdueOf(f.env.ctx.db, assessmentId, farFuture, 100)).map((a) => a.id);
    expect(await overdueIds()).not.toContain(unfinished.id);
    expect((await f.organizer.request('POST', `/api/edges/${bundle.edge.id}/revoke`)).json()).toEqual({ returned: 0 });
    expect(await overdueIds()).toContain(unfinished.id);
    const refused = await f.env.app.inject({
      method: 'POST',
      url: '/api/edge/sync',
      payload: { edgeNow: new Date().toISOString(), throughSeq: 0, pending: 0, attempts: [] },
      headers: { authorization: `Bearer ${bundle.edge.token}` },
    });
    expect(refused.statusCode).toBe(401);
    const list = (await f.organizer.request('GET', `/api/campaigns/${campaignId}/edges`)).json();
    expect(list.items.map((e: { revokedAt: string | null; online: boolean }) => [e.revokedAt !== null, e.online])).toEqual([
      [true, false],
      [true, false],
    ]);
    const audit = await f.env.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'edge.revoke').execute();
    expect(audit).toHaveLength(2);
  });
});
