import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { createTestEnv, describeEachDialect, login, type Session, type TestEnv } from '../../test/harness.ts';
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

function multipart(text: string, fileName: string) {
  const boundary = '----bd-q';
  return {
    payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n`
      + 'Content-Type: text/plain\r\n\r\n'), Buffer.from(text), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

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
    const body = multipart(text, fileName);
    return env.app.inject({ method: 'POST', url: `/api/banks/${bankId}/question-imports`, payload: body.payload,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': body.contentType } });
  };

  it('previews, imports the ticked questions only, then finds them without diacritics', async () => {
    const preview = (await upload(organizer, GIFT)).json();
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

    const again = (await upload(organizer, GIFT)).json();
    expect(again.problems.filter((p: { message: string }) => p.message.includes('đã có trong ngân hàng'))
      .map((p: { question: number }) => p.question)).toEqual([1, 2]);
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
