import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, login, uploadAs } from '../../test/harness.ts';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { createTrainingFixture } from '../../test/training-fixture.ts';

type Fixture = Awaited<ReturnType<typeof createTrainingFixture>>;
interface MySession {
  id: number;
  date: string;
  startsAt: string;
  myStatus: string | null;
  checkinOpen: boolean;
}

describeEachDialect("my training: a person's own campaigns, schedule, marks and materials", (dialect) => {
  let f: Fixture;
  let campaignId: number;
  let siteA: number;
  const sessions: number[] = [];
  let fileId: number;
  let linkId: number;

  beforeAll(async () => {
    // 6 July 2026, 07:10 in Vietnam: the first session of the day starts at 07:30.
    f = await createTrainingFixture(dialect, '2026-07-06T00:10:00Z');
    campaignId = (
      await f.organizer.request('POST', '/api/campaigns', {
        name: 'Bồi dưỡng chính trị hè 2026',
        schoolYear: '2025–2026',
        unitId: f.root.id,
        startsOn: '2026-07-06',
        endsOn: '2026-07-07',
      })
    ).json().id;
    siteA = (
      await f.organizer.request('POST', `/api/campaigns/${campaignId}/sites`, {
        name: 'Điểm cầu THCS Tân Lập',
        unitId: f.schoolA.id,
        address: 'Phòng họp tầng 2',
        onlineUrl: 'https://hop.example.vn/tan-lap',
      })
    ).json().id;
    const siteB = (
      await f.organizer.request('POST', `/api/campaigns/${campaignId}/sites`, { name: 'Điểm cầu Hồng Phong', unitId: f.schoolB.id })
    ).json().id;
    await f.organizer.request('POST', `/api/sites/${siteA}/participants`, { unitId: f.schoolA.id });
    await f.organizer.request('POST', `/api/sites/${siteB}/participants`, { unitId: f.schoolB.id });
    await f.organizer.request('PUT', `/api/sites/${siteA}/proctors`, { personIds: [f.proctorUser.person.id] });
    // Created out of order: the reply is sorted by date and time.
    for (const [date, start, end] of [
      ['2026-07-07', '07:30', '11:00'],
      ['2026-07-06', '13:30', '17:00'],
      ['2026-07-06', '07:30', '11:00'],
    ]) {
      const res = await f.organizer.request('POST', `/api/sites/${siteA}/sessions`, { date, startsAt: start, endsAt: end });
      expect(res.statusCode, res.body).toBe(200);
      sessions.push(res.json().id);
    }
    await f.organizer.request('POST', `/api/sites/${siteB}/sessions`, { date: '2026-07-06', startsAt: '07:30', endsAt: '11:00' });
    const upload = await uploadAs(f.env.app, f.organizer, `/api/campaigns/${campaignId}/materials`, '%PDF-1.4\n%%EOF\n', 'de-cuong.pdf');
    expect(upload.statusCode, upload.body).toBe(200);
    fileId = upload.json().id;
    linkId = (
      await f.organizer.request('POST', `/api/campaigns/${campaignId}/links`, {
        title: 'Video bài giảng',
        url: 'https://example.edu.vn/video',
      })
    ).json().id;
  });
  afterAll(async () => f.env.close());

  it("gives a teacher their site, the sessions in order with their own marks only, the materials and the server's time", async () => {
    const [an, binh] = f.teachersA.map((t) => t.person.id);
    await f.proctor.request('PUT', `/api/training-sessions/${sessions[2]}/attendance/${an}`, { status: 'late' });
    await f.proctor.request('PUT', `/api/training-sessions/${sessions[2]}/attendance/${binh}`, { status: 'absent', reason: 'Ốm' });

    const res = await (await f.teacherSession(0)).request('GET', '/api/my/training');
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json();
    expect(mine.serverNow).toBe('2026-07-06T00:10:00.000Z');
    expect(mine.campaigns).toHaveLength(1);
    const [campaign] = mine.campaigns;
    expect(campaign).toMatchObject({
      name: 'Bồi dưỡng chính trị hè 2026',
      startsOn: '2026-07-06',
      endsOn: '2026-07-07',
      site: { name: 'Điểm cầu THCS Tân Lập', address: 'Phòng họp tầng 2', onlineUrl: 'https://hop.example.vn/tan-lap' },
    });
    expect(campaign.sessions.map((s: MySession) => [s.date, s.startsAt, s.myStatus])).toEqual([
      ['2026-07-06', '07:30', 'late'],
      ['2026-07-06', '13:30', null],
      ['2026-07-07', '07:30', null],
    ]);
    expect(campaign.materials.map((m: { id: number; kind: string; inline: boolean }) => [m.id, m.kind, m.inline])).toEqual(
      expect.arrayContaining([
        [fileId, 'file', true],
        [linkId, 'link', false],
      ]),
    );
    // Open counts are for the people who manage the materials, not for the reader.
    expect(campaign.materials.every((m: object) => !('opens' in m))).toBe(true);

    // Bình sees his own absence, not An's lateness; the teacher of the other site sees only that site.
    const binhMine = (await (await f.teacherSession(1)).request('GET', '/api/my/training')).json();
    expect(binhMine.campaigns[0].sessions[0].myStatus).toBe('absent');
    const dung = await login(f.env.app, f.teachersB[0].username, f.teachersB[0].password);
    const other = (await dung.request('GET', '/api/my/training')).json();
    expect(other.campaigns.map((c: { site: { name: string } }) => c.site.name)).toEqual(['Điểm cầu Hồng Phong']);
    expect(other.campaigns[0].sessions.every((s: MySession) => !sessions.includes(s.id))).toBe(true);
  });

  it("tells when self check-in is open: once the site shows its code, during the session's window", async () => {
    const teacher = await f.teacherSession(2);
    const checkinOf = async () =>
      ((await teacher.request('GET', '/api/my/training')).json().campaigns[0].sessions as MySession[]).map((s) => s.checkinOpen);
    expect(await checkinOf()).toEqual([false, false, false]);
    await f.proctor.request('POST', `/api/training-sessions/${sessions[2]}/checkin-code`);
    await f.proctor.request('POST', `/api/training-sessions/${sessions[1]}/checkin-code`);
    // 07:10: the 07:30 session's check-in opened at 07:00; the afternoon's has its code but not its window.
    expect(await checkinOf()).toEqual([true, false, false]);
    f.clock.set('2026-07-06T04:30:00Z'); // 11:30: the morning is over
    expect(await checkinOf()).toEqual([false, false, false]);
    f.clock.set('2026-07-06T06:10:00Z'); // 13:10
    expect(await checkinOf()).toEqual([false, true, false]);
    f.clock.set('2026-07-06T00:10:00Z');
  });

  it("counts a teacher's openings of the materials as the staff page shows them", async () => {
    const teacher = await f.teacherSession(0);
    const file = await teacher.request('GET', `/api/materials/${fileId}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^inline/);
    expect((await teacher.request('POST', `/api/materials/${linkId}/open`)).json()).toEqual({ url: 'https://example.edu.vn/video' });
    const counts = (await f.organizer.request('GET', `/api/campaigns/${campaignId}/materials`))
      .json()
      .items.map((m: { id: number; readers: number; opens: number }) => [m.id, m.readers, m.opens]);
    expect(counts).toEqual(
      expect.arrayContaining([
        [fileId, 1, 1],
        [linkId, 1, 1],
      ]),
    );
    // A teacher of a school the campaign has no site for neither lists nor opens them.
    const school = await buildUnit(f.env.ctx, { name: 'Trường Mầm non Xa', parent: f.communeB, schoolLevel: 'mam_non' });
    const stranger = await buildUser(f.env.ctx, { unit: school, fullName: 'Lý Thị Xa' });
    const session = await login(f.env.app, stranger.username, stranger.password);
    expect((await session.request('GET', '/api/my/training')).json().campaigns).toEqual([]);
    expect((await session.request('GET', `/api/materials/${fileId}/file`)).statusCode).toBe(404);
    expect((await session.request('POST', `/api/materials/${linkId}/open`)).statusCode).toBe(404);
  });

  it('reaches staff who also take part (the principal, the proctor of the same school), nobody else, and nobody signed out', async () => {
    // The principal and the proctor work at school A, so they were put on its site with its teachers.
    const principal = (await f.principalA.request('GET', '/api/my/training')).json();
    expect(principal.campaigns.map((c: { site: { name: string } }) => c.site.name)).toEqual(['Điểm cầu THCS Tân Lập']);
    const proctor = (await f.proctor.request('GET', '/api/my/training')).json();
    expect(proctor.campaigns.map((c: { site: { name: string } }) => c.site.name)).toEqual(['Điểm cầu THCS Tân Lập']);
    expect(proctor.proctoring.map((p: { siteName: string }) => p.siteName)).toEqual(['Điểm cầu THCS Tân Lập']);
    // The province's organiser takes part in nothing: the campaign is not "theirs" to attend.
    expect((await f.organizer.request('GET', '/api/my/training')).json().campaigns).toEqual([]);
    expect((await f.env.app.inject({ method: 'GET', url: '/api/my/training' })).statusCode).toBe(401);
  });
});
