import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildDocx, image, p, TINY_PNG } from '../../../domain/question-bank/docx/docx-test-builder.ts';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { createTestEnv, describeEachDialect, login, ndjsonResult, uploadAs, type Session, type TestEnv } from '../../test/harness.ts';
import { findRootUnit } from '../units/repository.ts';

/** A real 2×1 GIF (different bytes from TINY_PNG, so a different stored image). */
const GIF = Uint8Array.from(Buffer.from('R0lGODlhAgABAIAAAP///wAAACwAAAAAAgABAAACAkQBADs=', 'base64'));

describeEachDialect('question images', (dialect) => {
  let env: TestEnv;
  let organizer: Session;
  let otherOrganizer: Session;
  let bankId: number;
  let otherBankId: number;
  let questionId: number;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    const root = (await findRootUnit(env.ctx.db))!;
    const commune = await buildUnit(env.ctx, { name: 'Xã Tân Lập', kind: 'commune', schoolLevel: null });
    const o = await buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
    const other = await buildUser(env.ctx, { unit: commune, roles: [{ role: 'organizer', unit: commune }] });
    organizer = await login(env.app, o.username, o.password);
    otherOrganizer = await login(env.app, other.username, other.password);
    bankId = (await organizer.request('POST', '/api/banks', { name: 'Ngân hàng tỉnh', unitId: root.id })).json().id;
    otherBankId = (await otherOrganizer.request('POST', '/api/banks', { name: 'Ngân hàng xã', unitId: commune.id })).json().id;
    const preview = ndjsonResult(
      await uploadAs(
        env.app,
        organizer,
        `/api/banks/${bankId}/question-imports`,
        'Lá cờ nào là cờ Tổ quốc? { =Cờ đỏ sao vàng ~Cờ khác }',
        'de.gift',
      ),
    ).result;
    await organizer.request('POST', `/api/question-imports/${preview.importId}/commit`, { numbers: [1] });
    questionId = (await organizer.request('GET', `/api/banks/${bankId}/questions`)).json().items[0].id;
  });
  afterAll(async () => env.close());

  const options = (images: number[][]) => [
    { text: 'Cờ đỏ sao vàng', correct: true, pinned: false, images: images[0] },
    { text: 'Cờ khác', correct: false, pinned: false, images: images[1] },
  ];

  it('adds an uploaded picture to the stem and to an option, serves it, then removes it', async () => {
    const png = await uploadAs(env.app, organizer, `/api/banks/${bankId}/images`, TINY_PNG, 'co-to-quoc.png');
    expect(png.statusCode, png.body).toBe(200);
    expect(png.json()).toMatchObject({ contentType: 'image/png' });
    // Named .jpg, but the bytes say GIF: the bytes win.
    const gif = (await uploadAs(env.app, organizer, `/api/banks/${bankId}/images`, GIF, 'anh.jpg')).json();
    expect(gif.contentType).toBe('image/gif');

    const saved = await organizer.request('PATCH', `/api/questions/${questionId}`, {
      stemImages: [png.json().id],
      options: options([[], [gif.id]]),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const detail = (await organizer.request('GET', `/api/questions/${questionId}`)).json();
    expect(detail.stemImages).toEqual([png.json().id]);
    expect(detail.options.map((o: { images: number[] }) => o.images)).toEqual([[], [gif.id]]);
    const served = await organizer.request('GET', `/api/questions/${questionId}/images/${gif.id}`);
    expect(served.headers['content-type']).toBe('image/gif');
    expect(new Uint8Array(served.rawPayload)).toEqual(GIF);

    await organizer.request('PATCH', `/api/questions/${questionId}`, { stemImages: [], options: options([[], []]) });
    const after = (await organizer.request('GET', `/api/questions/${questionId}`)).json();
    expect([after.stemImages, after.options.map((o: { images: number[] }) => o.images)]).toEqual([[], [[], []]]);
    expect((await organizer.request('GET', `/api/questions/${questionId}/images/${gif.id}`)).statusCode).toBe(404);
  });

  it('refuses a program renamed .png and a picture over 2 MB, in Vietnamese', async () => {
    const exe = await uploadAs(
      env.app,
      organizer,
      `/api/banks/${bankId}/images`,
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00PE\x00\x00'),
      'hinh.png',
    );
    expect(exe.statusCode).toBe(400);
    expect(exe.json().message).toBe('Tệp "hinh.png" không phải là ảnh PNG, JPEG, GIF hoặc WebP.');
    const big = Buffer.concat([Buffer.from(TINY_PNG), Buffer.alloc(2 * 1024 * 1024)]);
    const tooBig = await uploadAs(env.app, organizer, `/api/banks/${bankId}/images`, big, 'anh-lon.png');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().message).toBe('Ảnh "anh-lon.png" lớn hơn 2 MB. Hãy thu nhỏ ảnh rồi tải lên lại.');
    expect(
      await env.ctx.db.selectFrom('question_images').select('id').where('content_type', 'not in', ['image/png', 'image/gif']).execute(),
    ).toEqual([]);
  });

  it('does not let a picture uploaded into another bank be placed (image ids are global)', async () => {
    const theirs = (await uploadAs(env.app, otherOrganizer, `/api/banks/${otherBankId}/images`, GIF, 'cua-xa.gif')).json();
    expect((await uploadAs(env.app, otherOrganizer, `/api/banks/${bankId}/images`, GIF, 'x.gif')).statusCode).toBe(404);
    await env.ctx.db.deleteFrom('bank_images').where('bank_id', '=', bankId).execute();
    const refused = await organizer.request('PATCH', `/api/questions/${questionId}`, {
      stemImages: [theirs.id],
      options: options([[], []]),
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().message).toBe('Không tìm thấy ảnh.');
    // Whoever has the picture itself may upload it: it is the same stored image, now usable in this bank too.
    const ours = (await uploadAs(env.app, organizer, `/api/banks/${bankId}/images`, GIF, 'cung-anh.gif')).json();
    expect(ours.id).toBe(theirs.id);
    const placed = await organizer.request('PATCH', `/api/questions/${questionId}`, { stemImages: [ours.id], options: options([[], []]) });
    expect(placed.statusCode).toBe(200);
  });

  it('shows the pictures of an import preview to the organiser who uploaded the file, and only until it is imported', async () => {
    const file = await buildDocx([
      p('Câu 1. Hình dưới đây là biểu tượng của tổ chức nào?', image()),
      p({ text: 'A.', underline: {} }, ' Đoàn Thanh niên Cộng sản Hồ Chí Minh'),
      p('B. ', image()),
    ]);
    const preview = ndjsonResult(await uploadAs(env.app, organizer, `/api/banks/${bankId}/question-imports`, file, 'hinh.docx')).result;
    expect(preview.problems).toEqual([]);
    expect(preview.questions[0]).toMatchObject({ images: 2, stemImages: [0], options: [{ images: [] }, { images: [1] }] });
    const url = (index: number) => `/api/question-imports/${preview.importId}/questions/1/images/${index}`;
    const thumbnail = await organizer.request('GET', url(1));
    expect(thumbnail.statusCode).toBe(200);
    expect(thumbnail.headers['content-type']).toBe('image/png');
    expect(new Uint8Array(thumbnail.rawPayload)).toEqual(TINY_PNG);
    expect((await organizer.request('GET', url(2))).statusCode).toBe(404);
    expect((await otherOrganizer.request('GET', url(0))).statusCode).toBe(404);

    // A question whose option is a picture alone can be imported.
    const commit = await organizer.request('POST', `/api/question-imports/${preview.importId}/commit`, { numbers: [1] });
    expect(commit.statusCode, commit.body).toBe(200);
    expect((await organizer.request('GET', url(0))).statusCode).toBe(404);
  });
});
