import { afterAll, beforeAll, expect, it } from 'vitest';
import JSZip from 'jszip';
import { describeEachDialect, multipartFile, type Session } from '../../test/harness.ts';
import { createTrainingFixture } from '../../test/training-fixture.ts';

type Fixture = Awaited<ReturnType<typeof createTrainingFixture>>;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function docx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file(
    'word/document.xml',
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

function upload(f: Fixture, session: Session, url: string, bytes: Buffer, name: string) {
  const body = multipartFile(bytes, name, 'application/pdf');
  return f.env.app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': body.contentType },
  });
}

describeEachDialect('campaigns, topics and materials', (dialect) => {
  let f: Fixture;
  let campaignId: number;

  beforeAll(async () => {
    f = await createTrainingFixture(dialect);
  });
  afterAll(async () => f.env.close());

  it('creates a campaign with topics and targets; other organisers and principals do not see it yet', async () => {
    const created = await f.organizer.request('POST', '/api/campaigns', {
      name: '  Bồi dưỡng chính trị hè năm học 2025–2026 ',
      schoolYear: '2025–2026',
      unitId: f.root.id,
      startsOn: '2026-07-06',
      endsOn: '2026-07-08',
      attendanceRequiredPercent: 100,
    });
    expect(created.statusCode, created.body).toBe(200);
    campaignId = created.json().id;
    const bad = await f.organizer.request('POST', '/api/campaigns', {
      name: 'Sai ngày',
      schoolYear: '2026',
      unitId: f.root.id,
      startsOn: '2026-07-08',
      endsOn: '2026-07-06',
    });
    expect(bad.json().message).toBe('Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.');

    const lecturer = await f.organizer.request('POST', '/api/lecturers', {
      unitId: f.root.id,
      fullName: 'Nguyễn Văn Giảng',
      title: 'ThS.',
      kind: 'part_time',
    });
    expect(lecturer.statusCode, lecturer.body).toBe(200);
    const topic = await f.organizer.request('POST', `/api/campaigns/${campaignId}/topics`, {
      name: 'Nghị quyết Đại hội XIV của Đảng',
      lecturerId: lecturer.json().id,
    });
    expect(topic.statusCode, topic.body).toBe(200);
    const dup = await f.organizer.request('POST', `/api/campaigns/${campaignId}/topics`, { name: 'nghi quyet dai hoi xiv cua dang' });
    expect(dup.statusCode).toBe(409);
    const targets = await f.organizer.request('PUT', `/api/campaigns/${campaignId}/targets`, {
      targets: [{ unitId: f.communeA.id, positions: ['teacher', 'manager'] }, { unitId: f.communeB.id }],
    });
    expect(targets.statusCode, targets.body).toBe(200);

    const detail = (await f.organizer.request('GET', `/api/campaigns/${campaignId}`)).json();
    expect(detail).toMatchObject({
      name: 'Bồi dưỡng chính trị hè năm học 2025–2026',
      canManage: true,
      attendanceRequiredPercent: 100,
      topics: [{ name: 'Nghị quyết Đại hội XIV của Đảng', lecturerName: 'Nguyễn Văn Giảng' }],
      targets: [
        { unitName: 'Xã Tân Lập', positions: ['teacher', 'manager'] },
        { unitName: 'Xã Hồng Phong', positions: [] },
      ],
    });

    expect((await f.communeOrganizer.request('GET', '/api/campaigns')).json().items).toEqual([]);
    expect((await f.communeOrganizer.request('GET', `/api/campaigns/${campaignId}`)).statusCode).toBe(404);
    expect((await f.principalA.request('GET', `/api/campaigns/${campaignId}`)).statusCode).toBe(404);
    expect((await f.communeOrganizer.request('PATCH', `/api/campaigns/${campaignId}`, { name: 'Đổi' })).statusCode).toBe(404);
    const teacher = await f.teacherSession(0);
    expect((await teacher.request('GET', '/api/campaigns')).statusCode).toBe(403);
  });

  it('stores uploads under generated names, refuses a renamed program, and serves PDFs inline with their open counts', async () => {
    const topicId = (await f.organizer.request('GET', `/api/campaigns/${campaignId}`)).json().topics[0].id;
    const pdf = await upload(f, f.organizer, `/api/campaigns/${campaignId}/materials?topicId=${topicId}`, PDF, 'Văn kiện Đại hội XIV.pdf');
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.json()).toMatchObject({ title: 'Văn kiện Đại hội XIV', contentType: 'application/pdf' });
    const word = await upload(f, f.organizer, `/api/campaigns/${campaignId}/materials`, await docx(), 'de-cuong.pdf');
    expect(word.json().contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');

    const exe = await upload(
      f,
      f.organizer,
      `/api/campaigns/${campaignId}/materials`,
      Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(200)]),
      'tai-lieu.pdf',
    );
    expect(exe.statusCode).toBe(415);
    expect(exe.json().message).toContain('tệp "tai-lieu.pdf" không phải loại này');
    const big = await upload(
      f,
      f.organizer,
      `/api/campaigns/${campaignId}/materials`,
      Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]),
      'lon.pdf',
    );
    expect(big.statusCode).toBe(413);

    expect((await upload(f, f.principalA, `/api/campaigns/${campaignId}/materials`, PDF, 'x.pdf')).statusCode).toBe(404);
    expect((await upload(f, await f.teacherSession(2), `/api/campaigns/${campaignId}/materials`, PDF, 'x.pdf')).statusCode).toBe(404);
    const stored = await f.env.ctx.db
      .selectFrom('materials')
      .select(['storage_key', 'file_name'])
      .where('kind', '=', 'file')
      .orderBy('id')
      .execute();
    expect(stored.map((m) => m.file_name)).toEqual(['Văn kiện Đại hội XIV.pdf', 'de-cuong.docx']);
    for (const m of stored) expect(m.storage_key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/);

    const link = await f.organizer.request('POST', `/api/campaigns/${campaignId}/links`, {
      title: 'Video bài giảng',
      url: 'https://video.example.vn/bai-1',
    });
    expect(link.statusCode).toBe(200);
    expect(
      (await f.organizer.request('POST', `/api/campaigns/${campaignId}/links`, { title: 'x', url: 'javascript:alert(1)' })).statusCode,
    ).toBe(400);

    const served = await f.organizer.request('GET', `/api/materials/${pdf.json().id}/file`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['content-disposition']).toMatch(/^inline; .*filename\*=UTF-8''V%C4%83n%20ki%E1%BB%87n/);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.rawPayload.equals(PDF)).toBe(true);
    const wordServed = await f.organizer.request('GET', `/api/materials/${word.json().id}/file`);
    expect(wordServed.headers['content-disposition']).toMatch(/^attachment;/);
    await f.organizer.request('GET', `/api/materials/${pdf.json().id}/file`);

    // A teacher not taking part cannot read the campaign's files.
    const teacher = await f.teacherSession(1);
    expect((await teacher.request('GET', `/api/materials/${pdf.json().id}/file`)).statusCode).toBe(404);

    const list = (await f.organizer.request('GET', `/api/campaigns/${campaignId}/materials`)).json().items;
    expect(
      list.map((m: { title: string; readers: number; opens: number; topicName: string | null }) => [
        m.title,
        m.readers,
        m.opens,
        m.topicName,
      ]),
    ).toEqual([
      ['de-cuong', 1, 1, null],
      ['Video bài giảng', 0, 0, null],
      ['Văn kiện Đại hội XIV', 1, 2, 'Nghị quyết Đại hội XIV của Đảng'],
    ]);
    const audit = (await f.organizer.request('GET', '/api/audit')).json().items.map((a: { summary: string }) => a.summary);
    expect(audit).toContain(
      'Tải lên tài liệu "Văn kiện Đại hội XIV" (Văn kiện Đại hội XIV.pdf) cho đợt "Bồi dưỡng chính trị hè năm học 2025–2026"',
    );
  });
});
