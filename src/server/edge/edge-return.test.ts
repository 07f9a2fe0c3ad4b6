import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPublishedAssessment } from '../test/assessment-builders.ts';
import { siteOfSchoolA, startTestEdge, type TestEdge } from '../test/edge-fixture.ts';
import { login, until } from '../test/harness.ts';
import { createTrainingFixture } from '../test/training-fixture.ts';

/**
 * A teacher is given back to the province while the laptop is offline, and starts on the laptop anyway: the province
 * decides (README "Máy chủ điểm cầu"), the laptop says so on the result page, and stops letting them start.
 */
describe('a person given back to the province while the laptop is offline', () => {
  let f: Awaited<ReturnType<typeof createTrainingFixture>>;
  let site: TestEdge;
  let assessmentId: number;

  beforeAll(async () => {
    f = await createTrainingFixture('sqlite', new Date().toISOString());
    assessmentId = (await buildPublishedAssessment(f.env.ctx, { targets: [f.schoolA] })).id;
    site = await startTestEdge(f, await siteOfSchoolA(f));
  }, 60_000);

  afterAll(async () => {
    await site?.close();
    await f?.env.close();
  });

  it("refuses the laptop's offline attempt, tells the teacher why, and lets them start on the province", async () => {
    const [stays, leaves] = f.teachersA;
    const edgeId = site.prepared.bundle.edge.id;
    const sessionOf = (who: typeof stays) =>
      login(site.edge.app, who.username, site.prepared.slips.find((s) => s.personId === who.person.id)!.code);
    const leaving = await sessionOf(leaves);
    const staying = await sessionOf(stays);

    site.proxy.cut();
    const returned = await f.proctor.request('POST', `/api/edges/${edgeId}/return`, { personIds: [leaves.person.id] });
    expect(returned.json()).toEqual({ returned: 1 });
    const device = { clientId: 'client-edge-one', deviceId: 'device-edge-phone', answers: [], kind: 'participant' };
    const attemptIds: number[] = [];
    for (const session of [leaving, staying]) {
      const started = await session.request('POST', `/api/my/assessments/${assessmentId}/start`);
      expect(started.statusCode, started.body).toBe(200);
      attemptIds.push(started.json().attemptId);
      expect((await session.request('POST', `/api/attempts/${started.json().attemptId}/submit`, device)).statusCode).toBe(200);
    }
    site.proxy.restore();

    // The one who stayed is graded; the one who left is refused, and told so instead of "waiting for the sync".
    await until('the grade of the one who stayed', () =>
      f.env.ctx.db
        .selectFrom('attempts')
        .select('id')
        .where('person_id', '=', stays.person.id)
        .where('score', 'is not', null)
        .executeTakeFirst(),
    );
    const result = await until('the refusal on the laptop', async () => {
      const r = (await leaving.request('GET', `/api/attempts/${attemptIds[0]}/result`)).json();
      return r.refusedByProvince ? r : null;
    });
    expect(result.awaitingSync).toBeUndefined();
    expect(await f.env.ctx.db.selectFrom('attempts').select('id').where('person_id', '=', leaves.person.id).execute()).toEqual([]);

    // The laptop no longer lets them start (its list came back with the sync), and asks about the refusal only once.
    const invitees = await site.edge.ctx.db.selectFrom('assessment_invitees').select('person_id').execute();
    expect(invitees.map((i) => i.person_id).sort()).toEqual(
      f.teachersA
        .filter((t) => t !== leaves)
        .map((t) => t.person.id)
        .sort(),
    );
    await new Promise((resolve) => setTimeout(resolve, 800));
    const refusals = await site.edge.ctx.db
      .selectFrom('attempt_events')
      .select('id')
      .where('attempt_id', '=', attemptIds[0])
      .where('kind', '=', 'edge_refused')
      .execute();
    expect(refusals).toHaveLength(1);

    const onProvince = await login(f.env.app, leaves.username, leaves.password);
    expect((await onProvince.request('POST', `/api/my/assessments/${assessmentId}/start`)).statusCode).toBe(200);
  });

  it('shows the technician, on the laptop only, the uplink, the queue and what the province refused', async () => {
    const local = await site.edge.app.inject({ method: 'GET', url: '/may-diem-cau', remoteAddress: '127.0.0.1' });
    expect(local.statusCode).toBe(200);
    const text = local.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Máy chủ điểm cầu: Điểm cầu Tân Lập');
    expect(text).toContain('Đường truyền về tỉnh Đã kết nối');
    expect(text).toContain('Còn chờ gửi 0');
    expect(text).toContain('Đã nộp 2');
    expect(text).toContain('Đã có điểm từ tỉnh 1');
    expect(text).toContain('Tỉnh không nhận 1');
    expect(text).toContain('Mọi bài làm đã về tỉnh');
    // A phone on the site's Wi-Fi does not see it.
    const fromWifi = await site.edge.app.inject({ method: 'GET', url: '/may-diem-cau', remoteAddress: '192.168.1.20' });
    expect(fromWifi.statusCode).toBe(403);

    site.proxy.cut();
    await until('the laptop to notice the cut', async () => {
      const res = await site.edge.app.inject({ method: 'GET', url: '/may-diem-cau', remoteAddress: '127.0.0.1' });
      return res.body.includes('Lỗi gần nhất') ? res : null;
    });
    site.proxy.restore();
  });
});
