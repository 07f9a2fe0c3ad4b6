import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { createTestEnv, describeEachDialect, login, ndjsonResult, uploadAs, type Session, type TestEnv } from '../../test/harness.ts';
import { findRootUnit } from '../units/repository.ts';

const GIFT = `$CATEGORY: $course$/Nghị quyết 29-NQ//TW

::Câu 1:: Nghị quyết số 29-NQ/TW về đổi mới căn bản, toàn diện giáo dục và đào tạo được ban hành năm nào? {
  ~2011
  =2013
  ~2015
}

::Câu 2:: Đại hội đại biểu toàn quốc lần thứ XIII của Đảng diễn ra năm nào? { ~2016 =2021 ~2026 }

::Câu 3:: Giáo dục là quốc sách hàng đầu. {T}

::Câu 4:: NGHI QUYET SO 29-NQ/TW ve doi moi can ban, toan dien giao duc va dao tao duoc ban hanh nam nao { ~2011 =2013 }
`;

describeEachDialect('question import and search', (dialect) => {
  let env: TestEnv;
  let organizer: Session;
  let principal: Session;
  let bankId: number;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    const root = (await findRootUnit(env.ctx.db))!;
    const school = await buildUnit(env.ctx, { name: 'Trường THCS Tân Lập', schoolLevel: 'thcs' });
    const o = await buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
    const p = await buildUser(env.ctx, { unit: school, roles: [{ role: 'unit_manager', unit: school }] });
    organizer = await login(env.app, o.username, o.password);
    principal = await login(env.app, p.username, p.password);
    bankId = (await organizer.request('POST', '/api/banks', { name: 'Ngân hàng hè 2026', unitId: root.id })).json().id;
  });
  afterAll(async () => env.close());

  const upload = (session: Session, text: string, fileName = 'de.gift') => {
    return uploadAs(env.app, session, `/api/banks/${bankId}/question-imports`, text, fileName);
  };

  it('previews, imports the ticked questions only, then finds them without diacritics', async () => {
    const preview = ndjsonResult(await upload(organizer, GIFT)).result;
    expect(preview.questions.map((q: { number: number }) => q.number)).toEqual([1, 2, 4]);
    expect(preview.problems).toEqual([
      { question: 3, line: 11, message: expect.stringContaining('đúng/sai') },
      { question: 4, line: 13, message: 'Có thể trùng với câu 1 trong tệp' },
    ]);
    const before = await env.ctx.db.selectFrom('questions').select('id').execute();
    expect(before).toEqual([]);

    const commit = await organizer.request('POST', `/api/question-imports/${preview.importId}/commit`, { numbers: [1, 2] });
    expect(commit.json()).toEqual({ imported: 2, topicsCreated: 1, total: 2 });
    const twice = await organizer.request('POST', `/api/question-imports/${preview.importId}/commit`, { numbers: [1, 2] });
    expect(twice.statusCode).toBe(409);

    const found = (await organizer.request('GET', `/api/banks/${bankId}/questions?q=nghi quyet 29`)).json();
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ topic: 'Nghị quyết 29-NQ/TW', version: 1 });
    expect(found.items[0].options.find((o: { correct: boolean }) => o.correct).text).toBe('2013');
    expect((await organizer.request('GET', `/api/banks/${bankId}/questions?q=DAI HOI`)).json().total).toBe(1);

    const again = ndjsonResult(await upload(organizer, GIFT)).result;
    expect(
      again.problems
        .filter((p: { message: string }) => p.message.includes('đã có trong ngân hàng'))
        .map((p: { question: number }) => p.question),
    ).toEqual([1, 2]);
  });

  it('keeps principals out of the bank', async () => {
    expect((await upload(principal, GIFT)).statusCode).toBe(404);
    expect((await principal.request('GET', `/api/banks/${bankId}/questions`)).statusCode).toBe(404);
  });

  it('names an unsupported file type in Vietnamese', async () => {
    const res = await upload(organizer, 'MZ', 'de.exe');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Chỉ nhận tệp Word .docx');
  });
});

describeEachDialect('question editing and versions', (dialect) => {
  let env: TestEnv;
  let organizer: Session;
  let questionId: number;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    const root = (await findRootUnit(env.ctx.db))!;
    const o = await buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
    organizer = await login(env.app, o.username, o.password);
    const bankId = (await organizer.request('POST', '/api/banks', { name: 'Ngân hàng thử', unitId: root.id })).json().id;
    const preview = ndjsonResult(
      await uploadAs(
        env.app,
        organizer,
        `/api/banks/${bankId}/question-imports`,
        'Thủ đô của Việt Nam là? { =Hà Nội ~Huế ~Đà Nẵng }',
        'de.gift',
      ),
    ).result;
    await organizer.request('POST', `/api/question-imports/${preview.importId}/commit`, { numbers: [1] });
    questionId = (await organizer.request('GET', `/api/banks/${bankId}/questions`)).json().items[0].id;
  });
  afterAll(async () => env.close());

  const options = (correct: number) =>
    ['Hà Nội', 'Huế', 'Đà Nẵng', 'Tất cả các phương án trên'].map((text, i) => ({ text, correct: i === correct, pinned: i === 3 }));

  it('edits an unused question in place, and makes a new version once a published assessment uses it', async () => {
    const first = await organizer.request('PATCH', `/api/questions/${questionId}`, {
      stem: 'Thủ đô của nước ta là thành phố nào?',
      options: options(0),
    });
    expect(first.json()).toEqual({ id: questionId, version: 1, newVersion: false });

    await env.ctx.db.updateTable('question_versions').set({ locked: 1 }).where('question_id', '=', questionId).execute();
    const second = await organizer.request('PATCH', `/api/questions/${questionId}`, {
      stem: 'Thủ đô của nước ta là thành phố nào?',
      options: options(0).map((o, i) => ({ ...o, text: i === 1 ? 'Thành phố Huế' : o.text })),
    });
    expect(second.json()).toEqual({ id: questionId, version: 2, newVersion: true });

    const detail = (await organizer.request('GET', `/api/questions/${questionId}`)).json();
    expect(detail.options.map((o: { text: string; pinned: boolean }) => [o.text, o.pinned])[1]).toEqual(['Thành phố Huế', false]);
    expect(detail.versions.map((v: { version: number; locked: boolean }) => [v.version, v.locked])).toEqual([
      [2, false],
      [1, true],
    ]);
    const old = await env.ctx.db
      .selectFrom('question_versions')
      .select('content_json')
      .where('question_id', '=', questionId)
      .where('version', '=', 1)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(old.content_json).options[1].text).toBe('Huế');
  });

  it('refuses an edit with two keys or one option, naming the problem', async () => {
    const two = await organizer.request('PATCH', `/api/questions/${questionId}`, {
      stem: 'Câu hỏi',
      options: options(0).map((o) => ({ ...o, correct: true })),
    });
    expect(two.statusCode).toBe(400);
    expect(two.json().message).toBe('Chỉ được chọn một đáp án đúng.');
    const one = await organizer.request('PATCH', `/api/questions/${questionId}`, {
      stem: '',
      options: [{ text: 'A', correct: true, pinned: false }],
    });
    expect(one.json().message).toBe('Câu hỏi không có nội dung. Câu hỏi cần ít nhất 2 phương án.');
  });

  it('soft-deletes: the question leaves the list but its versions stay', async () => {
    expect((await organizer.request('DELETE', `/api/questions/${questionId}`)).statusCode).toBe(200);
    expect((await organizer.request('GET', `/api/questions/${questionId}`)).statusCode).toBe(404);
    const kept = await env.ctx.db.selectFrom('question_versions').select('id').where('question_id', '=', questionId).execute();
    expect(kept).toHaveLength(2);
  });
});

describeEachDialect('incomplete questions', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
  });
  afterAll(async () => env.close());

  it('never stores a ticked question that has no correct option', async () => {
    const root = (await findRootUnit(env.ctx.db))!;
    const o = await buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
    const session = await login(env.app, o.username, o.password);
    const bankId = (await session.request('POST', '/api/banks', { name: 'Kiểm tra', unitId: root.id })).json().id;
    const { buildDocx, p } = await import('../../../domain/question-bank/docx/docx-test-builder.ts');
    const file = await buildDocx([
      p('Câu 1. Câu này thiếu đáp án?'),
      p('A. Có'),
      p('B. Không'),
      p('Câu 2. Câu đủ?'),
      p({ text: 'A.', underline: {} }, ' Đủ'),
      p('B. Thiếu'),
    ]);
    const preview = ndjsonResult(await uploadAs(env.app, session, `/api/banks/${bankId}/question-imports`, file, 'de.docx')).result;
    expect(preview.problems[0]).toMatchObject({ question: 1, message: 'Không tìm thấy đáp án đúng' });
    // The Word preview lists the question (so the organiser sees it) but it cannot be imported even when ticked.
    expect(preview.questions.map((q: { number: number }) => q.number)).toEqual([1, 2]);
    const res = await session.request('POST', `/api/question-imports/${preview.importId}/commit`, { numbers: [1, 2] });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Không thể nhập câu 1');
    expect((await session.request('POST', `/api/question-imports/${preview.importId}/commit`, { numbers: [2] })).json().imported).toBe(1);
    const stored = await env.ctx.db.selectFrom('question_versions').select('correct_index').execute();
    expect(stored.every((v) => v.correct_index >= 0)).toBe(true);
  });
});
