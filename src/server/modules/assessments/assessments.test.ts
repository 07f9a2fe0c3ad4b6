import { afterAll, beforeAll, expect, it } from 'vitest';
import JSZip from 'jszip';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { assessmentInput, buildBank } from '../../test/assessment-builders.ts';
import { createTestEnv, describeEachDialect, login, type Session, type TestEnv } from '../../test/harness.ts';
import { findRootUnit } from '../units/repository.ts';
import type { UnitRow } from '../../db/schema.ts';

const hasPdftotext = !spawnSync('pdftotext', ['-v']).error;

describeEachDialect('assessments: define, check, publish', (dialect) => {
  let env: TestEnv;
  let organizer: Session;
  let principal: Session;
  let root: UnitRow;
  let school: UnitRow;
  let bank: Awaited<ReturnType<typeof buildBank>>;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    root = (await findRootUnit(env.ctx.db))!;
    school = await buildUnit(env.ctx, { name: 'Trường Tiểu học Hòa Bình' });
    const o = await buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
    const p = await buildUser(env.ctx, { unit: school, roles: [{ role: 'unit_manager', unit: school }] });
    organizer = await login(env.app, o.username, o.password);
    principal = await login(env.app, p.username, p.password);
    bank = await buildBank(env.ctx, { topics: ['Nghị quyết 29-NQ/TW', 'Chuyên đề năm 2026'], perTopic: 10 });
  });
  afterAll(async () => env.close());

  const draft = (overrides = {}) => assessmentInput({ bankId: bank.id, unitId: root.id, targetUnitIds: [school.id], ...overrides });

  it('refuses to assemble from a bank that has too few questions, naming the rule, topic and level', async () => {
    const topic = bank.topics[0];
    const res = await organizer.request(
      'POST',
      '/api/assessments',
      draft({
        questionCount: 12,
        selection: {
          mode: 'rules',
          rules: [
            { topicId: topic.id, difficulty: 'recognition', count: 8 },
            { topicId: null, difficulty: null, count: 4 },
          ],
        },
      }),
    );
    expect(res.statusCode).toBe(200);
    const id = res.json().id;
    const check = (await organizer.request('POST', `/api/assessments/${id}/check`)).json();
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      'Quy tắc 1 (chuyên đề "Nghị quyết 29-NQ/TW", mức nhận biết) cần 8 câu, ngân hàng chỉ còn 5 câu phù hợp.',
    ]);
    const publish = await organizer.request('POST', `/api/assessments/${id}/publish`);
    expect(publish.statusCode).toBe(400);
    expect(publish.json().message).toContain('Không thể tạo đề: Quy tắc 1');
    expect((await env.ctx.db.selectFrom('assessments').select('status').where('id', '=', id).executeTakeFirst())?.status).toBe('draft');
  });

  it('says which numbers disagree when the rules do not add up to the question count', async () => {
    const res = await organizer.request('POST', '/api/assessments', draft({ questionCount: 50 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('Tổng số câu của các quy tắc chọn là 10, khác số câu của bài (50).');
  });

  it('publishes: freezes the questions and two shuffled codes, locks the versions, and refuses frozen changes', async () => {
    const input = draft({
      questionCount: 10,
      selection: {
        mode: 'rules',
        rules: [
          { topicId: bank.topics[0].id, difficulty: null, count: 5 },
          { topicId: bank.topics[1].id, difficulty: null, count: 5 },
        ],
      },
    });
    const id = (await organizer.request('POST', '/api/assessments', input)).json().id;
    expect((await organizer.request('POST', `/api/assessments/${id}/check`)).json()).toEqual({ ok: true, problems: [], available: 20 });
    const published = await organizer.request('POST', `/api/assessments/${id}/publish`);
    expect(published.json()).toEqual({ ok: true, variants: ['101', '102'] });

    const frozen = await env.ctx.db.selectFrom('assessment_questions').selectAll().where('assessment_id', '=', id).execute();
    expect(frozen).toHaveLength(10);
    const locked = await env.ctx.db
      .selectFrom('question_versions')
      .select('locked')
      .where(
        'id',
        'in',
        frozen.map((f) => f.version_id),
      )
      .execute();
    expect(locked.every((v) => v.locked === 1)).toBe(true);
    const variants = await env.ctx.db
      .selectFrom('assessment_variants')
      .select(['code', 'items_json'])
      .where('assessment_id', '=', id)
      .orderBy('code')
      .execute();
    const orders = variants.map((v) => JSON.parse(v.items_json).map((i: { ordinal: number }) => i.ordinal));
    expect(orders[0]).not.toEqual(orders[1]);
    expect([...orders[0]].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

    // Editing a question used by this assessment makes a new version; the assessment keeps the one it froze.
    const q = frozen[0];
    const detail = (await organizer.request('GET', `/api/questions/${q.question_id}`)).json();
    const edit = await organizer.request('PATCH', `/api/questions/${q.question_id}`, {
      stem: `${detail.stem} (đã sửa)`,
      options: detail.options.map((o: { text: string; correct: boolean; pinned: boolean }) => o),
    });
    expect(edit.json()).toMatchObject({ newVersion: true, version: 2 });
    const after = await env.ctx.db
      .selectFrom('assessment_questions')
      .select('version_id')
      .where('assessment_id', '=', id)
      .where('ordinal', '=', 0)
      .executeTakeFirst();
    expect(after?.version_id).toBe(q.version_id);
    const history = (await organizer.request('GET', `/api/questions/${q.question_id}`)).json().versions;
    expect(history.map((v: { version: number; usedBy: { id: number }[] }) => [v.version, v.usedBy.map((u) => u.id)])).toEqual([
      [2, []],
      [1, [id]],
    ]);

    const change = await organizer.request('PUT', `/api/assessments/${id}`, { ...input, durationMin: 90, variantCount: 3 });
    expect(change.statusCode).toBe(409);
    expect(change.json().message).toBe('Bài khảo sát đã phát hành nên không thể đổi thời gian làm bài, số mã đề.');
    const rename = await organizer.request('PUT', `/api/assessments/${id}`, { ...input, title: 'Khảo sát hè 2026 (đợt 1)' });
    expect(rename.statusCode).toBe(200);
    expect((await organizer.request('GET', `/api/assessments/${id}`)).json()).toMatchObject({
      title: 'Khảo sát hè 2026 (đợt 1)',
      status: 'published',
      variants: [{ code: '101' }, { code: '102' }],
      counts: { eligible: 1, started: 0, submitted: 0 },
    });
    expect((await organizer.request('DELETE', `/api/assessments/${id}`)).statusCode).toBe(409);
  });

  it('keeps assessments from principals: they cannot create one, nor see a draft', async () => {
    const res = await principal.request('POST', '/api/assessments', draft({ unitId: school.id }));
    expect(res.statusCode).toBe(403);
    const id = (await organizer.request('POST', '/api/assessments', draft())).json().id;
    expect((await principal.request('GET', `/api/assessments/${id}`)).statusCode).toBe(404);
  });

  it('prints each code on paper as Word and PDF, with the answer key that matches the frozen key', async () => {
    const id = (await organizer.request('POST', '/api/assessments', draft({ title: 'Khảo sát giấy' }))).json().id;
    expect((await organizer.request('POST', `/api/assessments/${id}/publish`)).statusCode).toBe(200);
    const docx = await organizer.request('GET', `/api/assessments/${id}/variants/102/paper?format=docx`);
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('Mã đề: 102');
    expect(text).toContain('Câu 10.');
    expect(text).toContain('ĐÁP ÁN — MÃ ĐỀ 102');
    const variant = await env.ctx.db
      .selectFrom('assessment_variants')
      .select('items_json')
      .where('assessment_id', '=', id)
      .where('code', '=', '102')
      .executeTakeFirstOrThrow();
    const keys = await env.ctx.db
      .selectFrom('assessment_questions')
      .select('correct_index')
      .where('assessment_id', '=', id)
      .orderBy('ordinal')
      .execute();
    const first = JSON.parse(variant.items_json)[0];
    const letter = 'ABCD'[first.optionOrder.indexOf(keys[first.ordinal].correct_index)];
    expect(text).toContain(`Đáp án1${letter}`);

    const pdf = await organizer.request('GET', `/api/assessments/${id}/variants/102/paper?format=pdf`);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    if (hasPdftotext) {
      const file = path.join(env.dataDir, 'de.pdf');
      fs.writeFileSync(file, pdf.rawPayload);
      const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
      expect(pdfText).toContain('Mã đề: 102');
      expect(pdfText).toContain('ĐÁP ÁN — MÃ ĐỀ 102');
    }
    // The principal watches this survey (it targets the school) but never reads its key.
    expect((await principal.request('GET', `/api/assessments/${id}/variants/102/paper?format=pdf`)).statusCode).toBe(403);
  });
});
