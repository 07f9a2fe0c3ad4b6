import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectedAfterRoundTrip, ROUND_TRIP_BANK } from '../../../domain/question-bank/export/round-trip-bank.ts';
import type { ParsedQuestion } from '../../../domain/question-bank/types.ts';
import type { Actor } from '../../../domain/roles.ts';
import { buildUser } from '../../test/builders.ts';
import { createTestEnv, describeEachDialect, login, ndjsonResult, uploadAs, type Session, type TestEnv } from '../../test/harness.ts';
import { findRootUnit } from '../units/repository.ts';
import { listTopics } from '../banks/service.ts';
import { loadForExport } from './export-service.ts';
import { applyQuestionImport } from './import-service.ts';

interface Install {
  env: TestEnv;
  session: Session;
  actor: Actor;
  rootId: number;
}

async function install(dialect: 'sqlite' | 'postgres'): Promise<Install> {
  const env = await createTestEnv(dialect);
  const root = (await findRootUnit(env.ctx.db))!;
  const user = await buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
  const session = await login(env.app, user.username, user.password);
  const actor: Actor = {
    userId: user.userId,
    personId: user.person.id,
    username: user.username,
    grants: [{ role: 'organizer', unitId: root.id, unitPath: root.path }],
  };
  return { env, session, actor, rootId: root.id };
}

const shape = (q: ParsedQuestion) => ({
  stem: q.stem,
  stemRich: q.stemRich ?? null,
  topic: q.topic,
  difficulty: q.difficulty,
  images: q.images.map((image) => ({ contentType: image.contentType, bytes: Buffer.from(image.data).toString('base64') })),
  options: q.options.map((o) => ({
    letter: o.letter,
    text: o.text,
    correct: o.correct,
    pinned: o.pinned,
    images: o.images.map((image) => Buffer.from(image.data).toString('base64')),
  })),
});
const byStem = (a: { stem: string }, b: { stem: string }) => a.stem.localeCompare(b.stem);

const FILE_NAMES = { docx: 'xuat.docx', xlsx: 'xuat.xlsx', gift: 'xuat.gift', aiken: 'xuat.txt' } as const;
const NOTICES: Record<keyof typeof FILE_NAMES, string | null> = {
  docx: null,
  xlsx: 'Tệp Excel không mang được: hình ảnh (1 câu); bảng trong câu hỏi — ghi thành dòng chữ (1 câu); chữ đậm, nghiêng, gạch chân (1 câu).',
  gift: 'Tệp GIFT không mang được: hình ảnh (1 câu); phương án cố định vị trí (1 câu); mức độ (3 câu).',
  aiken:
    'Tệp Aiken không mang được: hình ảnh (1 câu); bảng trong câu hỏi — ghi thành dòng chữ (1 câu); chữ đậm, nghiêng, gạch chân '
    + '(1 câu); xuống dòng trong câu hỏi — nối thành một dòng (2 câu); phương án cố định vị trí (1 câu); mức độ (3 câu); chuyên đề (4 câu).',
};

describeEachDialect('bank export → import into a fresh install', (dialect) => {
  let source: Install;
  let fresh: Install;
  let sourceBank: number;

  beforeAll(async () => {
    [source, fresh] = [await install(dialect), await install(dialect)];
    sourceBank = (await source.session.request('POST', '/api/banks', { name: 'Đề cương hè 2026', unitId: source.rootId })).json().id;
    await applyQuestionImport(source.env.ctx, source.actor, sourceBank, ROUND_TRIP_BANK, 'de-cuong.docx');
  });
  afterAll(async () => {
    await source?.env.close();
    await fresh?.env.close();
  });

  it('stores the bank as built (the starting point of every round trip)', async () => {
    const { questions } = await loadForExport(source.env.ctx, source.actor, sourceBank);
    expect(questions.map(shape).sort(byStem)).toEqual(ROUND_TRIP_BANK.map(shape).sort(byStem));
  });

  for (const format of ['docx', 'xlsx', 'gift', 'aiken'] as const) {
    it(`${format}: gives back the same questions, keys, pinned options, topics and pictures the format can carry, and says what it lost`, async () => {
      const res = await source.session.request('GET', `/api/banks/${sourceBank}/export?format=${format}`);
      expect(res.statusCode).toBe(200);
      const notice = res.headers['x-export-notice'];
      expect(notice === undefined ? null : decodeURIComponent(String(notice))).toBe(NOTICES[format]);

      const copy = (await fresh.session.request('POST', '/api/banks', { name: `Bản nhập ${format}`, unitId: fresh.rootId })).json().id;
      const preview = ndjsonResult(
        await uploadAs(fresh.env.app, fresh.session, `/api/banks/${copy}/question-imports`, res.rawPayload, FILE_NAMES[format]),
      ).result;
      expect(preview.problems).toEqual([]);
      const commit = await fresh.session.request('POST', `/api/question-imports/${preview.importId}/commit`, {
        numbers: preview.questions.map((q: { number: number }) => q.number),
      });
      expect(commit.json()).toMatchObject({ imported: ROUND_TRIP_BANK.length });

      const { questions } = await loadForExport(fresh.env.ctx, fresh.actor, copy);
      const expected = ROUND_TRIP_BANK.map((q) => expectedAfterRoundTrip(format, q));
      expect(questions.map(shape).sort(byStem)).toEqual(expected.map(shape).sort(byStem));
      const topics = (await listTopics(fresh.env.ctx, fresh.actor, copy)).items.map((t) => t.name).sort();
      expect(topics).toEqual([...new Set(expected.map((q) => q.topic).filter((t): t is string => t !== null))].sort());
    });
  }
});
