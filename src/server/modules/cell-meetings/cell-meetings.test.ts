import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { describeEachDialect, login, multipartFile, type Session } from '../../test/harness.ts';
import { createTrainingFixture } from '../../test/training-fixture.ts';

type Fixture = Awaited<ReturnType<typeof createTrainingFixture>>;

describeEachDialect('party-cell thematic meetings', (dialect) => {
  let f: Fixture;
  let cellA: Awaited<ReturnType<typeof buildUnit>>;
  let cellB: Awaited<ReturnType<typeof buildUnit>>;
  let secretaryA: Session;
  let set: { id: number; criteria: { id: number; maxPoints: number }[] };

  beforeAll(async () => {
    f = await createTrainingFixture(dialect);
    cellA = await buildUnit(f.env.ctx, { name: 'Chi bộ Trường THCS Tân Lập', kind: 'party_cell', schoolLevel: null, parent: f.schoolA });
    await buildUnit(f.env.ctx, { name: 'Chi bộ Xã Tân Lập', kind: 'party_cell', schoolLevel: null, parent: f.communeA });
    cellB = await buildUnit(f.env.ctx, { name: 'Chi bộ Trường THCS Hồng Phong', kind: 'party_cell', schoolLevel: null, parent: f.schoolB });
    const u = await buildUser(f.env.ctx, { unit: f.schoolA, roles: [{ role: 'unit_manager', unit: cellA }] });
    secretaryA = await login(f.env.app, u.username, u.password);
    set = (await secretaryA.request('GET', '/api/criteria-sets')).json().items[0];
  });
  afterAll(async () => f.env.close());

  it('records a meeting with opinions, a score against the pre-filled criteria, the vote and the draft report', async () => {
    expect(set.criteria.map((c) => c.maxPoints)).toEqual([20, 25, 20, 20, 15]);
    const scores = set.criteria.map((c, i) => ({ criterionId: c.id, score: i === 0 ? 18.5 : c.maxPoints }));
    const created = await secretaryA.request('POST', '/api/cell-meetings', {
      cellUnitId: cellA.id,
      topic: 'Học tập và làm theo tư tưởng Hồ Chí Minh về đổi mới giáo dục',
      heldOn: '2026-07-10',
      chair: 'Ngô Văn Hiệu',
      secretary: 'Lê Thị An',
      membersTotal: 16,
      membersPresent: 15,
      absentMembers: 'Võ Thị Cúc (thai sản)',
      criteriaSetId: set.id,
      scores,
      voteFor: 15,
      voteAgainst: 0,
      voteAbstain: 0,
      conclusion: 'Chi bộ thống nhất…',
      opinions: Array.from({ length: 15 }, (_, i) => ({
        speaker: `Đảng viên ${i + 1}`,
        summary: 'Đồng ý với dự thảo, bổ sung giải pháp.',
      })),
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    const meeting = (await secretaryA.request('GET', `/api/cell-meetings/${id}`)).json();
    expect(meeting).toMatchObject({
      total: 98.5,
      max: 100,
      rating: 'Xuất sắc',
      vote: { for: 15, percentages: { for: 100, against: 0, abstain: 0 } },
    });
    expect(meeting.opinions).toHaveLength(15);

    const tooHigh = await secretaryA.request('PATCH', `/api/cell-meetings/${id}`, {
      scores: [{ criterionId: set.criteria[1].id, score: 26 }],
    });
    expect(tooHigh.json().message).toContain('phải từ 0 đến 25');
    const badVote = await secretaryA.request('PATCH', `/api/cell-meetings/${id}`, { voteAgainst: 3 });
    expect(badVote.json().message).toBe('Tổng số phiếu biểu quyết lớn hơn số đảng viên có mặt.');
    const notCell = await secretaryA.request('POST', '/api/cell-meetings', { cellUnitId: f.schoolA.id, topic: 'x', heldOn: '2026-07-10' });
    expect(notCell.statusCode).toBe(404);

    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    const body = multipartFile(await zip.generateAsync({ type: 'nodebuffer' }), 'Dự thảo báo cáo chuyên đề.docx');
    const up = await f.env.app.inject({
      method: 'POST',
      url: `/api/cell-meetings/${id}/draft`,
      payload: body.payload,
      headers: { cookie: secretaryA.cookie, 'x-csrf-token': secretaryA.csrf, 'content-type': body.contentType },
    });
    expect(up.json()).toEqual({ fileName: 'Dự thảo báo cáo chuyên đề.docx' });
    const image = multipartFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'anh.docx');
    expect(
      (
        await f.env.app.inject({
          method: 'POST',
          url: `/api/cell-meetings/${id}/draft`,
          payload: image.payload,
          headers: { cookie: secretaryA.cookie, 'x-csrf-token': secretaryA.csrf, 'content-type': image.contentType },
        })
      ).statusCode,
    ).toBe(415);
    const draft = await secretaryA.request('GET', `/api/cell-meetings/${id}/draft`);
    expect(draft.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('lists meetings per cell and higher unit with scores, and the cells that held none', async () => {
    await f.organizer.request('POST', '/api/cell-meetings', { cellUnitId: cellB.id, topic: 'Chuyên đề năm 2026', heldOn: '2026-08-03' });
    const july = (await f.organizer.request('GET', '/api/cell-meetings?year=2026&month=7')).json();
    expect(
      july.meetings.map((m: { cellName: string; total: number; rating: string; opinions: number }) => [
        m.cellName,
        m.total,
        m.rating,
        m.opinions,
      ]),
    ).toEqual([['Chi bộ Trường THCS Tân Lập', 98.5, 'Xuất sắc', 15]]);
    expect(july.cellsWithout.map((c: { name: string }) => c.name)).toEqual(['Chi bộ Trường THCS Hồng Phong', 'Chi bộ Xã Tân Lập']);
    const quarter = (await f.organizer.request('GET', `/api/cell-meetings?year=2026&quarter=3&unitId=${f.communeA.id}`)).json();
    expect(quarter.meetings).toHaveLength(1);
    expect(quarter.cellsWithout.map((c: { name: string }) => c.name)).toEqual(['Chi bộ Xã Tân Lập']);
    expect(quarter.cellCount).toBe(2);

    // The principal recording for their own cell sees nothing of another school's cell.
    const principalList = (await secretaryA.request('GET', '/api/cell-meetings?year=2026&quarter=3')).json();
    expect(principalList.meetings.map((m: { cellName: string }) => m.cellName)).toEqual(['Chi bộ Trường THCS Tân Lập']);
    const other = (await f.organizer.request('GET', '/api/cell-meetings?year=2026&month=8')).json().meetings[0].id;
    expect((await secretaryA.request('GET', `/api/cell-meetings/${other}`)).statusCode).toBe(404);
    expect(
      (await secretaryA.request('POST', '/api/cell-meetings', { cellUnitId: cellB.id, topic: 'x', heldOn: '2026-07-01' })).statusCode,
    ).toBe(404);
    const teacher = await f.teacherSession(0);
    expect((await teacher.request('GET', '/api/cell-meetings?year=2026')).statusCode).toBe(403);
  });

  it('lets an organiser define another criteria set with its own bands', async () => {
    const res = await f.organizer.request('POST', '/api/criteria-sets', {
      unitId: f.communeA.id,
      name: 'Bộ tiêu chí của xã (10 điểm)',
      criteria: [
        { name: 'Chuẩn bị', maxPoints: 4 },
        { name: 'Thảo luận', maxPoints: 6 },
      ],
      bands: [
        { label: 'Tốt', min: 8 },
        { label: 'Đạt', min: 5 },
        { label: 'Chưa đạt', min: 0 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const setId = res.json().id;
    const sets = (await secretaryA.request('GET', '/api/criteria-sets')).json().items.map((s: { name: string }) => s.name);
    expect(sets).toContain('Bộ tiêu chí của xã (10 điểm)');
    const sets2 = await f.communeOrganizer.request('GET', '/api/criteria-sets');
    expect(sets2.json().items.map((s: { name: string }) => s.name)).not.toContain('Bộ tiêu chí của xã (10 điểm)');
    const criteria = (await secretaryA.request('GET', '/api/criteria-sets'))
      .json()
      .items.find((s: { id: number }) => s.id === setId).criteria;
    const m = await secretaryA.request('POST', '/api/cell-meetings', {
      cellUnitId: cellA.id,
      topic: 'Chuyên đề quý III',
      heldOn: '2026-09-01',
      criteriaSetId: setId,
      scores: [
        { criterionId: criteria[0].id, score: 3 },
        { criterionId: criteria[1].id, score: 4.5 },
      ],
    });
    expect((await secretaryA.request('GET', `/api/cell-meetings/${m.json().id}`)).json()).toMatchObject({
      total: 7.5,
      max: 10,
      rating: 'Đạt',
    });
  });
});
