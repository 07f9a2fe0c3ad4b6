import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUser } from '../../test/builders.ts';
import { describeEachDialect, login, multipartFile } from '../../test/harness.ts';
import { createTrainingFixture } from '../../test/training-fixture.ts';

type Fixture = Awaited<ReturnType<typeof createTrainingFixture>>;

describeEachDialect('conferences and courses', (dialect) => {
  let f: Fixture;
  let eventId: number;

  beforeAll(async () => {
    f = await createTrainingFixture(dialect);
  });
  afterAll(async () => f.env.close());

  it('invites from the roster by subtree and position, marks each half-day, lists absentees per unit', async () => {
    // A manager of school B, so that "managers only" leaves out school B's teachers.
    await buildUser(f.env.ctx, { unit: f.schoolB, fullName: 'Kiều Văn Quản' }).then(async (u) =>
      f.env.ctx.db.updateTable('people').set({ position: 'manager' }).where('id', '=', u.person.id).execute(),
    );
    const created = await f.organizer.request('POST', '/api/events', {
      unitId: f.root.id,
      kind: 'course',
      name: 'Tập huấn cán bộ quản lý 2026',
      startsOn: '2026-07-20',
      endsOn: '2026-07-21',
      halves: 'both',
      programme: 'Ngày 1: khai mạc…',
    });
    expect(created.statusCode, created.body).toBe(200);
    eventId = created.json().id;
    expect((await f.organizer.request('POST', `/api/events/${eventId}/invitees`, { unitId: f.communeA.id })).json()).toEqual({
      added: 5,
      total: 5,
    });
    expect(
      (await f.organizer.request('POST', `/api/events/${eventId}/invitees`, { unitId: f.communeB.id, positions: ['manager'] })).json(),
    ).toEqual({ added: 1, total: 6 });
    const detail = (await f.organizer.request('GET', `/api/events/${eventId}`)).json();
    expect(detail.halfDays).toEqual([
      { day: '2026-07-20', half: 'morning' },
      { day: '2026-07-20', half: 'afternoon' },
      { day: '2026-07-21', half: 'morning' },
      { day: '2026-07-21', half: 'afternoon' },
    ]);

    const sheet = (await f.organizer.request('GET', `/api/events/${eventId}/attendance`)).json();
    const id = (name: string) => sheet.items.find((p: { fullName: string }) => p.fullName === name).personId;
    for (const p of sheet.items) {
      await f.organizer.request('PUT', `/api/events/${eventId}/attendance/${p.personId}`, {
        day: '2026-07-20',
        half: 'morning',
        status: 'present',
      });
    }
    const absent = await f.organizer.request('PUT', `/api/events/${eventId}/attendance/${id('Võ Thị Cúc')}`, {
      day: '2026-07-20',
      half: 'morning',
      status: 'absent',
      reason: 'Đi công tác',
    });
    expect(absent.statusCode).toBe(200);
    const wrongDay = await f.organizer.request('PUT', `/api/events/${eventId}/attendance/${id('Võ Thị Cúc')}`, {
      day: '2026-07-22',
      half: 'morning',
      status: 'present',
    });
    expect(wrongDay.json().message).toBe('Buổi này không thuộc thời gian của hội nghị, lớp tập huấn.');
    await f.organizer.request('PUT', `/api/events/${eventId}/attendance/${id('Lê Thị An')}`, {
      day: '2026-07-20',
      half: 'afternoon',
      status: 'present',
    });

    const absentees = (await f.organizer.request('GET', `/api/events/${eventId}/absentees`)).json().items;
    // Morning of day 1: Cúc absent; afternoon of day 1 (marked for An only): everyone else not marked; day 2 not started.
    expect(
      absentees
        .filter((r: { half: string }) => r.half === 'morning')
        .map((r: { fullName: string; reason: string }) => [r.fullName, r.reason]),
    ).toEqual([['Võ Thị Cúc', 'Đi công tác']]);
    expect(absentees.filter((r: { half: string }) => r.half === 'afternoon')).toHaveLength(5);
    expect(absentees.some((r: { day: string }) => r.day === '2026-07-21')).toBe(false);

    // The principal of school A sees only school A's invitees; marking is the organisers'.
    const principalView = (await f.principalA.request('GET', `/api/events/${eventId}/attendance`)).json();
    expect([...new Set(principalView.items.map((p: { unitName: string }) => p.unitName))]).toEqual(['Trường THCS Tân Lập']);
    expect(
      (
        await f.principalA.request('PUT', `/api/events/${eventId}/attendance/${id('Lê Thị An')}`, {
          day: '2026-07-20',
          half: 'morning',
          status: 'absent',
        })
      ).statusCode,
    ).toBe(403);
    const teacher = await f.teacherSession(0);
    expect((await teacher.request('GET', `/api/events/${eventId}/attendance`)).statusCode).toBe(404);

    const xlsx = await f.organizer.request('GET', `/api/events/${eventId}/absentees.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet('Vắng mặt')!;
    expect(ws.getCell('A2').value).toBe('Tập huấn cán bộ quản lý 2026');
    expect(ws.rowCount - 5).toBe(absentees.length);
  });

  it('keeps the programme and materials, readable by invitees only', async () => {
    const body = multipartFile(Buffer.from('%PDF-1.4\n%%EOF\n'), 'Chương trình tập huấn.pdf');
    const up = await f.env.app.inject({
      method: 'POST',
      url: `/api/events/${eventId}/materials`,
      payload: body.payload,
      headers: { cookie: f.organizer.cookie, 'x-csrf-token': f.organizer.csrf, 'content-type': body.contentType },
    });
    expect(up.statusCode, up.body).toBe(200);
    const invitee = await f.teacherSession(0);
    expect((await invitee.request('GET', `/api/materials/${up.json().id}/file`)).statusCode).toBe(200);
    const stranger = await buildUser(f.env.ctx, { unit: f.schoolB, fullName: 'Lạ Văn Mặt' });
    const s = await login(f.env.app, stranger.username, stranger.password);
    expect((await s.request('GET', `/api/materials/${up.json().id}/file`)).statusCode).toBe(404);
    const list = (await invitee.request('GET', `/api/events/${eventId}/materials`)).json().items;
    expect(list.map((m: { title: string }) => m.title)).toEqual(['Chương trình tập huấn']);
  });
});
