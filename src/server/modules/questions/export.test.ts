import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildDocx, image, p, table } from '../../../domain/question-bank/docx/docx-test-builder.ts';
import { buildUser } from '../../test/builders.ts';
import { createTestEnv, describeEachDialect, login, ndjsonResult, uploadAs, type Session, type TestEnv } from '../../test/harness.ts';
import { findRootUnit } from '../units/repository.ts';

describeEachDialect('question export', (dialect) => {
  let env: TestEnv;
  let organizer: Session;
  let rootId: number;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    const root = (await findRootUnit(env.ctx.db))!;
    rootId = root.id;
    const o = await buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
    organizer = await login(env.app, o.username, o.password);
  });
  afterAll(async () => env.close());

  const importInto = async (bankId: number, file: Uint8Array, fileName: string) => {
    const preview = ndjsonResult(await uploadAs(env.app, organizer, `/api/banks/${bankId}/question-imports`, file, fileName)).result;
    expect(preview.problems).toEqual([]);
    await organizer.request('POST', `/api/question-imports/${preview.importId}/commit`, {
      numbers: preview.questions.map((q: { number: number }) => q.number),
    });
    return (await organizer.request('GET', `/api/banks/${bankId}/questions?pageSize=200`)).json().items as unknown[];
  };

  it('exports a bank to .docx that imports back as the same questions, images included', async () => {
    const source = (await organizer.request('POST', '/api/banks', { name: 'Nguồn', unitId: rootId })).json().id;
    const copy = (await organizer.request('POST', '/api/banks', { name: 'Bản sao', unitId: rootId })).json().id;
    const original = await importInto(
      source,
      await buildDocx([
        p('Chuyên đề Nghị quyết 29-NQ/TW'),
        p('Câu 1. Nghị quyết 29-NQ/TW được ban hành năm nào?'),
        p('A. 2011'),
        p({ text: 'B.', underline: {} }, ' 2013'),
        p('#C. Tất cả các phương án trên đều sai'),
        p('Câu 2. Hình nào là lá cờ Tổ quốc?', image()),
        p({ text: 'A. Cờ đỏ sao vàng', color: 'FF0000' }),
        p('B. Cờ khác'),
        p('Câu 3. Theo bảng, năm nào ', { text: 'không', bold: true }, ' có Đại hội?'),
        table([
          ['Đại hội', [{ text: 'Năm', italics: true }]],
          ['XIII', '2021'],
        ]),
        p('A. 2021'),
        p({ text: 'B. 2023', underline: {} }),
      ]),
      'nguon.docx',
    );
    expect((original as { stemRich: unknown }[])[2].stemRich).toEqual([
      { type: 'paragraph', runs: [{ text: 'Theo bảng, năm nào ' }, { text: 'không', bold: true }, { text: ' có Đại hội?' }] },
      {
        type: 'table',
        rows: [
          [[{ text: 'Đại hội' }], [{ text: 'Năm', italic: true }]],
          [[{ text: 'XIII' }], [{ text: '2021' }]],
        ],
      },
    ]);
    const withImage = (original as { id: number; stemImages: number[] }[]).find((q) => q.stemImages.length === 1)!;
    const picture = await organizer.request('GET', `/api/questions/${withImage.id}/images/${withImage.stemImages[0]}`);
    expect(picture.headers['content-type']).toBe('image/png');
    expect(picture.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect((await organizer.request('GET', `/api/questions/${withImage.id}/images/999999`)).statusCode).toBe(404);
    const res = await organizer.request('GET', `/api/banks/${source}/export?format=docx`);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const again = await importInto(copy, res.rawPayload, 'xuat.docx');
    const shape = (items: unknown[]) =>
      (items as { stem: string; stemRich: unknown; topic: string; images: number; options: { images: unknown }[] }[]).map(
        ({ stem, stemRich, topic, images, options }) => ({
          stem,
          stemRich,
          topic,
          images,
          options: options.map(({ images: _ids, ...o }) => o),
        }),
      );
    expect(shape(again)).toEqual(shape(original));
  });

  it('exports GIFT, Excel and an IMS QTI 2.1 package', async () => {
    const bankId = (await organizer.request('GET', '/api/banks')).json().items.find((b: { name: string }) => b.name === 'Nguồn').id;
    const gift = await organizer.request('GET', `/api/banks/${bankId}/export?format=gift`);
    expect(gift.body).toContain('=2013');
    const xlsx = await organizer.request('GET', `/api/banks/${bankId}/export?format=xlsx`);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const qti = await organizer.request('GET', `/api/banks/${bankId}/export?format=qti`);
    const zip = await JSZip.loadAsync(qti.rawPayload);
    const manifest = await zip.file('imsmanifest.xml')!.async('string');
    expect((manifest.match(/imsqti_item_xmlv2p1/g) ?? []).length).toBe(3);
    const rich = await zip.file('items/q0003.xml')!.async('string');
    expect(rich).toContain('<p>Theo bảng, năm nào <strong>không</strong> có Đại hội?</p>');
    expect(rich).toContain('<tr><td>Đại hội</td><td><em>Năm</em></td></tr>');
  });
});

describeEachDialect('question template', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
  });
  afterAll(async () => env.close());

  it('downloads an Excel template whose examples import without problems', async () => {
    const root = (await findRootUnit(env.ctx.db))!;
    const o = await buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
    const session = await login(env.app, o.username, o.password);
    const template = await session.request('GET', '/api/question-template.xlsx');
    const bankId = (await session.request('POST', '/api/banks', { name: 'Thử mẫu', unitId: root.id })).json().id;
    const preview = ndjsonResult(
      await uploadAs(env.app, session, `/api/banks/${bankId}/question-imports`, template.rawPayload, 'mau.xlsx'),
    ).result;
    expect(preview.problems).toEqual([]);
    expect(preview.questions.map((q: { topic: string; difficulty: string }) => [q.topic, q.difficulty])).toEqual([
      ['Nghị quyết 29-NQ/TW', 'recognition'],
      ['Chuyên đề năm 2026 của tỉnh', 'comprehension'],
    ]);
  });
});
