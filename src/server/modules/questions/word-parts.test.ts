import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildDocx, p, table } from '../../../domain/question-bank/docx/docx-test-builder.ts';
import { buildUser } from '../../test/builders.ts';
import { createTestEnv, describeEachDialect, login, ndjsonResult, uploadAs, type Session, type TestEnv } from '../../test/harness.ts';
import { findRootUnit } from '../units/repository.ts';

/** A Word bank as a Sở writes it: a title, two parts each numbered from "Câu 1", one answer table per part at the end. */
async function bankInParts(): Promise<Uint8Array> {
  const question = (n: number, stem: string, options: string[]) => [
    p(`Câu ${n}. ${stem}`),
    ...options.map((o, i) => p(`${'ABCD'[i]}. ${o}`)),
  ];
  return buildDocx([
    p({ text: 'ĐỀ CƯƠNG ÔN TẬP BỒI DƯỠNG CHÍNH TRỊ HÈ NĂM 2026', bold: true }),
    p({ text: 'PHẦN I. LỊCH SỬ ĐẢNG CỘNG SẢN VIỆT NAM', bold: true }),
    ...question(1, 'Đảng Cộng sản Việt Nam ra đời năm nào?', ['1925', '1930', '1945', '1951']),
    ...question(2, 'Đại hội đại biểu toàn quốc lần thứ XIII của Đảng diễn ra năm nào?', ['2016', '2019', '2021', '2026']),
    p({ text: 'PHẦN II. PHÁP LUẬT VỀ GIÁO DỤC', bold: true }),
    ...question(1, 'Luật Giáo dục hiện hành được Quốc hội thông qua năm nào?', ['2005', '2019', '2010', '2024']),
    ...question(2, 'Ngày Nhà giáo Việt Nam là ngày nào?', ['20/10', '19/5', '2/9', '20/11']),
    p({ text: 'ĐÁP ÁN PHẦN I', bold: true }),
    table([
      ['Câu', '1', '2'],
      ['Đáp án', 'B', 'C'],
    ]),
    p({ text: 'ĐÁP ÁN PHẦN II', bold: true }),
    table([
      ['Câu', '1', '2'],
      ['Đáp án', 'B', 'D'],
    ]),
  ]);
}

describeEachDialect('Word banks in parts', (dialect) => {
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

  const newBank = async (name: string) => (await organizer.request('POST', '/api/banks', { name, unitId: rootId })).json().id as number;
  const importAll = async (bankId: number, file: Uint8Array, fileName: string) => {
    const preview = ndjsonResult(await uploadAs(env.app, organizer, `/api/banks/${bankId}/question-imports`, file, fileName)).result;
    expect(preview.problems).toEqual([]);
    const numbers = preview.questions.map((q: { number: number }) => q.number);
    const commit = await organizer.request('POST', `/api/question-imports/${preview.importId}/commit`, { numbers });
    expect(commit.statusCode).toBe(200);
    const items = (await organizer.request('GET', `/api/banks/${bankId}/questions?pageSize=50`)).json().items as {
      stem: string;
      topic: string;
      options: { text: string; correct: boolean }[];
    }[];
    return items
      .map((q) => ({ stem: q.stem, topic: q.topic, answer: q.options.find((o) => o.correct)?.text }))
      .sort((a, b) => a.stem.localeCompare(b.stem, 'vi'));
  };

  it("imports each part's keys onto that part's questions, under the part's title, and exports back to the same topics", async () => {
    const bankId = await newBank('Đề cương hè 2026');
    const imported = await importAll(bankId, await bankInParts(), 'de-cuong-2-phan.docx');
    expect(imported).toEqual([
      {
        stem: 'Đại hội đại biểu toàn quốc lần thứ XIII của Đảng diễn ra năm nào?',
        topic: 'LỊCH SỬ ĐẢNG CỘNG SẢN VIỆT NAM',
        answer: '2021',
      },
      { stem: 'Đảng Cộng sản Việt Nam ra đời năm nào?', topic: 'LỊCH SỬ ĐẢNG CỘNG SẢN VIỆT NAM', answer: '1930' },
      { stem: 'Luật Giáo dục hiện hành được Quốc hội thông qua năm nào?', topic: 'PHÁP LUẬT VỀ GIÁO DỤC', answer: '2019' },
      { stem: 'Ngày Nhà giáo Việt Nam là ngày nào?', topic: 'PHÁP LUẬT VỀ GIÁO DỤC', answer: '20/11' },
    ]);
    const topics = (await organizer.request('GET', `/api/banks/${bankId}/topics`)).json();
    expect(JSON.stringify(topics)).not.toContain('PHẦN');

    const exported = await organizer.request('GET', `/api/banks/${bankId}/export?format=docx`);
    expect(await importAll(await newBank('Bản sao'), exported.rawPayload, 'xuat.docx')).toEqual(imported);
  });

  it('refuses to guess from one answer table for two parts numbered from 1: each question says why', async () => {
    const bankId = await newBank('Một bảng chung');
    const question = (n: number) => [p(`Câu ${n}. Nội dung câu ${n}?`), p('A. Có'), p('B. Không')];
    const file = await buildDocx([p('PHẦN I'), ...question(1), p('PHẦN II'), ...question(1), p('ĐÁP ÁN'), p('1.A 1.B')]);
    const preview = ndjsonResult(await uploadAs(env.app, organizer, `/api/banks/${bankId}/question-imports`, file, 'chung.docx')).result;
    expect(preview.questions.map((q: { number: number }) => q.number)).toEqual([1, 2]);
    expect(
      preview.problems
        .filter((x: { message: string }) => x.message.startsWith('Không rõ đáp án của câu 1'))
        .map((x: { question: number; line: number }) => [x.question, x.line]),
    ).toEqual([
      [1, 2],
      [2, 6],
    ]);
    const commit = await organizer.request('POST', `/api/question-imports/${preview.importId}/commit`, { numbers: [1, 2] });
    expect(commit.statusCode).toBe(400);
    expect(await env.ctx.db.selectFrom('questions').select('id').where('bank_id', '=', bankId).execute()).toEqual([]);
  });
});
