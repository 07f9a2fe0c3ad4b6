import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseGift } from '../../../domain/question-bank/gift/parse-gift.ts';
import { parseQuestionDocx } from '../../../domain/question-bank/docx/index.ts';
import { buildUser } from '../../test/builders.ts';
import { createTestEnv, describeEachDialect, login, ndjsonResult, uploadAs, type Session, type TestEnv } from '../../test/harness.ts';
import { findRootUnit } from '../units/repository.ts';

const GIFT = `::Câu 1:: Luật Nhà giáo được Quốc hội thông qua năm nào? { ~2024 =2025 ~2026 }

::Câu 2:: Nghị quyết 29-NQ/TW bàn về lĩnh vực nào? { =Giáo dục và đào tạo ~Y tế }
`;

const RICH_STEM = [
  {
    type: 'paragraph',
    runs: [{ text: 'Theo bảng dưới đây, năm nào Luật Nhà giáo ' }, { text: 'không', bold: true }, { text: ' có hiệu lực?' }],
  },
  {
    type: 'table',
    rows: [
      [[{ text: 'Năm', bold: true }], [{ text: 'Sự kiện', bold: true }]],
      [[{ text: '2025' }], [{ text: 'Quốc hội ' }, { text: 'thông qua', italic: true }]],
    ],
  },
];

describeEachDialect('editing a question: rich stem, tags, source', (dialect) => {
  let env: TestEnv;
  let organizer: Session;
  let bankId: number;
  let ids: number[];

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    const root = (await findRootUnit(env.ctx.db))!;
    const o = await buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
    organizer = await login(env.app, o.username, o.password);
    bankId = (await organizer.request('POST', '/api/banks', { name: 'Ngân hàng hè 2026', unitId: root.id })).json().id;
    const preview = ndjsonResult(await uploadAs(env.app, organizer, `/api/banks/${bankId}/question-imports`, GIFT, 'de-cuong.gift')).result;
    await organizer.request('POST', `/api/question-imports/${preview.importId}/commit`, { numbers: [1, 2] });
    ids = (await organizer.request('GET', `/api/banks/${bankId}/questions`)).json().items.map((q: { id: number }) => q.id);
  });
  afterAll(async () => env.close());

  const options = [
    { text: '2024', correct: false, pinned: false },
    { text: '2025', correct: true, pinned: false },
  ];

  it('stores a bold word and a table, derives the plain stem from them and normalises to NFC', async () => {
    const decomposed = structuredClone(RICH_STEM);
    decomposed[0].runs![1].text = 'không'.normalize('NFD');
    const res = await organizer.request('PATCH', `/api/questions/${ids[0]}`, { stemRich: decomposed, options, tags: [] });
    expect(res.statusCode, res.body).toBe(200);
    const detail = (await organizer.request('GET', `/api/questions/${ids[0]}`)).json();
    expect(detail.stem).toBe('Theo bảng dưới đây, năm nào Luật Nhà giáo không có hiệu lực?\nNăm | Sự kiện\n2025 | Quốc hội thông qua');
    expect(detail.stemRich).toEqual(RICH_STEM);
    expect(detail.stemRich[0].runs[1].text).toBe('không'.normalize('NFC'));

    const found = (await organizer.request('GET', `/api/banks/${bankId}/questions?q=khong co hieu luc`)).json();
    expect(found.items.map((q: { id: number }) => q.id)).toEqual([ids[0]]);
    expect(found.items[0].stemRich).toEqual(RICH_STEM);

    const exported = await organizer.request('GET', `/api/banks/${bankId}/export?format=docx`);
    const reread = await parseQuestionDocx(new Uint8Array(exported.rawPayload));
    expect(reread.problems).toEqual([]);
    expect(reread.questions[0].stemRich).toEqual(RICH_STEM);
    const gift = await organizer.request('GET', `/api/banks/${bankId}/export?format=gift`);
    expect(gift.body).toContain('[html]<p>Theo bảng dưới đây, năm nào Luật Nhà giáo <strong>không</strong> có hiệu lực?</p><table>');
    expect(parseGift(gift.body).questions[0].stemRich).toEqual(RICH_STEM);
  });

  it('goes back to a plain stem when the formatting is removed, and refuses an oversized table', async () => {
    const plain = await organizer.request('PATCH', `/api/questions/${ids[0]}`, { stemRich: null, stem: 'Dòng một\nDòng hai', options });
    expect(plain.statusCode).toBe(200);
    const detail = (await organizer.request('GET', `/api/questions/${ids[0]}`)).json();
    expect([detail.stem, detail.stemRich]).toEqual(['Dòng một\nDòng hai', null]);

    const rows = Array.from({ length: 51 }, () => [[{ text: 'ô' }]]);
    const big = await organizer.request('PATCH', `/api/questions/${ids[0]}`, { stemRich: [{ type: 'table', rows }], options });
    expect(big.statusCode).toBe(400);
    expect(big.json().message).toBe('Bảng trong câu hỏi có tối đa 50 dòng.');
    const huge = await organizer.request('PATCH', `/api/questions/${ids[0]}`, {
      stemRich: [{ type: 'table', rows: Array.from({ length: 101 }, () => [[{ text: 'ô' }]]) }],
      options,
    });
    expect(huge.json().message).toBe('Dữ liệu không hợp lệ ở trường "nội dung câu hỏi".');
    const long = await organizer.request('PATCH', `/api/questions/${ids[0]}`, {
      stemRich: Array.from({ length: 3 }, () => ({ type: 'paragraph', runs: [{ text: 'x'.repeat(4000) }] })),
      options,
    });
    expect(long.json().message).toBe('Nội dung câu hỏi dài quá 10.000 ký tự.');
  });

  it('takes a question out of its topic and level when both are cleared (null, not 0)', async () => {
    const topicId = (await organizer.request('POST', `/api/banks/${bankId}/topics`, { name: 'Luật Giáo dục 2019' })).json().id;
    await organizer.request('PATCH', `/api/questions/${ids[1]}`, { options, topicId, difficulty: 'application' });
    expect((await organizer.request('GET', `/api/questions/${ids[1]}`)).json()).toMatchObject({ topicId, difficulty: 'application' });
    const res = await organizer.request('PATCH', `/api/questions/${ids[1]}`, { options, topicId: null, difficulty: null });
    expect(res.statusCode, res.body).toBe(200);
    expect((await organizer.request('GET', `/api/questions/${ids[1]}`)).json()).toMatchObject({
      topicId: null,
      topic: null,
      difficulty: null,
    });
  });

  it('edits tags and source, shows them in the list and filters by a tag typed without diacritics', async () => {
    await organizer.request('PATCH', `/api/questions/${ids[0]}`, {
      options,
      tags: ['Luật Nhà giáo', ' ôn tập  2026 ', 'luat nha giao'],
      source: 'Đề cương của Sở, 2026',
    });
    await organizer.request('PATCH', `/api/questions/${ids[1]}`, {
      options: [
        { text: 'Giáo dục và đào tạo', correct: true, pinned: false },
        { text: 'Y tế', correct: false, pinned: false },
      ],
      tags: ['Ôn tập 2026'],
    });
    const list = (await organizer.request('GET', `/api/banks/${bankId}/questions`)).json().items;
    expect(list.map((q: { tags: string[]; source: string }) => [q.tags, q.source])).toEqual([
      [['Luật Nhà giáo', 'ôn tập 2026'], 'Đề cương của Sở, 2026'],
      [['Ôn tập 2026'], 'de-cuong.gift'],
    ]);
    const byTag = (tag: string) =>
      organizer
        .request('GET', `/api/banks/${bankId}/questions?tag=${encodeURIComponent(tag)}`)
        .then((r) => r.json().items.map((q: { id: number }) => q.id));
    expect(await byTag('luat nha giao')).toEqual([ids[0]]);
    expect(await byTag('ON TAP 2026')).toEqual(ids);
    expect(await byTag('y tế')).toEqual([]);
    const tags = (await organizer.request('GET', `/api/banks/${bankId}/tags`)).json().items;
    expect(tags).toEqual([
      { tag: 'Luật Nhà giáo', count: 1 },
      { tag: expect.stringMatching(/^[ôÔ]n tập 2026$/), count: 2 },
    ]);

    const tooLong = await organizer.request('PATCH', `/api/questions/${ids[1]}`, { options, tags: ['x'.repeat(60)] });
    expect(tooLong.json().message).toBe(`Nhãn "${'x'.repeat(20)}…" dài quá 50 ký tự.`);
  });

  it('makes no new version of a locked question when only its tags change, and one when its stem does', async () => {
    await env.ctx.db.updateTable('question_versions').set({ locked: 1 }).where('question_id', '=', ids[1]).execute();
    const answer = [
      { text: 'Giáo dục và đào tạo', correct: true, pinned: false },
      { text: 'Y tế', correct: false, pinned: false },
    ];
    const tagsOnly = await organizer.request('PATCH', `/api/questions/${ids[1]}`, { options: answer, tags: ['Nghị quyết'] });
    expect(tagsOnly.json()).toEqual({ id: ids[1], version: 1, newVersion: false });
    const stemToo = await organizer.request('PATCH', `/api/questions/${ids[1]}`, {
      options: answer,
      stemRich: [
        { type: 'paragraph', runs: [{ text: 'Nghị quyết 29-NQ/TW bàn về lĩnh vực ' }, { text: 'nào', underline: true }, { text: '?' }] },
      ],
    });
    expect(stemToo.json()).toEqual({ id: ids[1], version: 2, newVersion: true });
    const versions = await env.ctx.db
      .selectFrom('question_versions')
      .select(['version', 'content_json'])
      .where('question_id', '=', ids[1])
      .orderBy('version')
      .execute();
    expect(versions.map((v) => JSON.parse(v.content_json).stemRich ?? null)).toEqual([
      null,
      [{ type: 'paragraph', runs: [{ text: 'Nghị quyết 29-NQ/TW bàn về lĩnh vực ' }, { text: 'nào', underline: true }, { text: '?' }] }],
    ]);
  });
});
