import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { createTestEnv, describeEachDialect, login, ndjsonResult, uploadAs, type Session, type TestEnv } from '../../test/harness.ts';
import { findRootUnit } from '../units/repository.ts';

describeEachDialect('question banks', (dialect) => {
  let env: TestEnv;
  let provinceOrganizer: Session;
  let communeOrganizer: Session;
  let otherOrganizer: Session;
  let principal: Session;
  let commune: Awaited<ReturnType<typeof buildUnit>>;
  let rootId: number;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    const root = (await findRootUnit(env.ctx.db))!;
    rootId = root.id;
    commune = await buildUnit(env.ctx, { name: 'Xã Tân Lập', kind: 'commune', schoolLevel: null });
    const other = await buildUnit(env.ctx, { name: 'Xã Hồng Phong', kind: 'commune', schoolLevel: null });
    const school = await buildUnit(env.ctx, { name: 'Trường THCS Tân Lập', parent: commune, schoolLevel: 'thcs' });
    const users = await Promise.all([
      buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] }),
      buildUser(env.ctx, { unit: commune, roles: [{ role: 'organizer', unit: commune }] }),
      buildUser(env.ctx, { unit: other, roles: [{ role: 'organizer', unit: other }] }),
      buildUser(env.ctx, { unit: school, roles: [{ role: 'unit_manager', unit: school }] }),
    ]);
    [provinceOrganizer, communeOrganizer, otherOrganizer, principal] = await Promise.all(
      users.map((u) => login(env.app, u.username, u.password)),
    );
  });
  afterAll(async () => env.close());

  it("keeps a bank to its unit's organisers until it is shared explicitly; principals never see banks", async () => {
    const created = await provinceOrganizer.request('POST', '/api/banks', {
      name: 'Ngân hàng bồi dưỡng chính trị hè 2026',
      unitId: rootId,
    });
    expect(created.statusCode, created.body).toBe(200);
    const bankId = created.json().id as number;
    expect(created.json().code).toMatch(/^NH-/);

    expect((await communeOrganizer.request('GET', '/api/banks')).json().items).toEqual([]);
    expect((await communeOrganizer.request('GET', `/api/banks/${bankId}/topics`)).statusCode).toBe(404);
    expect((await principal.request('GET', '/api/banks')).statusCode).toBe(403);
    expect((await principal.request('GET', `/api/banks/${bankId}/topics`)).statusCode).toBe(404);

    expect((await provinceOrganizer.request('PUT', `/api/banks/${bankId}/shares/${commune.id}`)).statusCode).toBe(200);
    const seen = (await communeOrganizer.request('GET', '/api/banks')).json().items;
    expect(seen).toMatchObject([{ id: bankId, owns: false, sharedWith: [{ unitName: 'Xã Tân Lập' }] }]);
    expect((await otherOrganizer.request('GET', '/api/banks')).json().items).toEqual([]);
    const rename = await communeOrganizer.request('PATCH', `/api/banks/${bankId}`, { name: 'Đổi tên' });
    expect(rename.statusCode).toBe(403);
    const reshare = await communeOrganizer.request('PUT', `/api/banks/${bankId}/shares/${commune.id}`);
    expect(reshare.statusCode).toBe(403);

    expect((await provinceOrganizer.request('DELETE', `/api/banks/${bankId}/shares/${commune.id}`)).statusCode).toBe(200);
    expect((await communeOrganizer.request('GET', '/api/banks')).json().items).toEqual([]);
    const audit = (await provinceOrganizer.request('GET', '/api/audit')).json().items.map((a: { summary: string }) => a.summary);
    expect(audit).toContain('Chia sẻ ngân hàng Ngân hàng bồi dưỡng chính trị hè 2026 với ban tổ chức của Xã Tân Lập');
  });

  it('keeps topic names unique per bank, ignoring case and diacritics', async () => {
    const { id: bankId } = (
      await communeOrganizer.request('POST', '/api/banks', { name: 'Ngân hàng xã', unitId: commune.id, code: 'nh-tl' })
    ).json();
    const first = await communeOrganizer.request('POST', `/api/banks/${bankId}/topics`, {
      name: 'Nghị quyết 29-NQ/TW',
      materialUrl: 'https://example.edu.vn/nq29.pdf',
    });
    expect(first.statusCode).toBe(200);
    const again = await communeOrganizer.request('POST', `/api/banks/${bankId}/topics`, { name: 'nghi quyet 29-nq/tw' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('Ngân hàng đã có chuyên đề "nghi quyet 29-nq/tw".');
    const badUrl = await communeOrganizer.request('POST', `/api/banks/${bankId}/topics`, {
      name: 'Chuyên đề năm 2026 của tỉnh',
      materialUrl: 'javascript:alert(1)',
    });
    expect(badUrl.json().message).toContain('http://');
    await communeOrganizer.request('POST', `/api/banks/${bankId}/topics`, { name: 'Chuyên đề năm 2026 của tỉnh' });
    const topics = (await communeOrganizer.request('GET', `/api/banks/${bankId}/topics`)).json().items;
    expect(topics.map((t: { name: string }) => t.name)).toEqual(['Nghị quyết 29-NQ/TW', 'Chuyên đề năm 2026 của tỉnh']);
    expect((await provinceOrganizer.request('GET', `/api/banks/${bankId}/topics`)).statusCode).toBe(200);
    expect((await otherOrganizer.request('GET', `/api/banks/${bankId}/topics`)).statusCode).toBe(404);
    const dup = await provinceOrganizer.request('POST', '/api/banks', { name: 'Khác', unitId: rootId, code: 'NH-TL' });
    expect(dup.json().message).toBe('Mã ngân hàng NH-TL đã được dùng.');
  });

  it('lets the owners rename, describe and deactivate a bank; a unit it is shared with cannot', async () => {
    const { id: bankId } = (await provinceOrganizer.request('POST', '/api/banks', { name: 'Ngân hàng cũ', unitId: rootId })).json();
    await provinceOrganizer.request('PUT', `/api/banks/${bankId}/shares/${commune.id}`);
    const edit = await provinceOrganizer.request('PATCH', `/api/banks/${bankId}`, {
      name: '  Ngân hàng  bồi dưỡng hè 2026 ',
      description: 'Dùng cho khảo sát cuối đợt.',
      active: false,
    });
    expect(edit.statusCode).toBe(200);
    const bank = (await provinceOrganizer.request('GET', '/api/banks')).json().items.find((b: { id: number }) => b.id === bankId);
    expect(bank).toMatchObject({ name: 'Ngân hàng bồi dưỡng hè 2026', description: 'Dùng cho khảo sát cuối đợt.', active: false });
    expect((await communeOrganizer.request('PATCH', `/api/banks/${bankId}`, { active: true })).statusCode).toBe(403);
    const empty = await provinceOrganizer.request('PATCH', `/api/banks/${bankId}`, { name: '   ' });
    expect(empty.json().message).toBe('Tên ngân hàng câu hỏi không được để trống.');
    await provinceOrganizer.request('PATCH', `/api/banks/${bankId}`, { active: true, description: null });
    const again = (await communeOrganizer.request('GET', '/api/banks')).json().items.find((b: { id: number }) => b.id === bankId);
    expect(again).toMatchObject({ active: true, description: null });
  });

  it('renames a topic, sets its material link, and deletes it only when no question uses it', async () => {
    const { id: bankId } = (
      await communeOrganizer.request('POST', '/api/banks', { name: 'Ngân hàng chuyên đề', unitId: commune.id })
    ).json();
    const preview = ndjsonResult(
      await uploadAs(
        env.app,
        communeOrganizer,
        `/api/banks/${bankId}/question-imports`,
        '$CATEGORY: Nghị quyết 29\n\nNghị quyết 29-NQ/TW ban hành năm nào? { =2013 ~2011 }\n\nCâu thứ hai? { =Có ~Không }\n',
        'de.gift',
      ),
    ).result;
    await communeOrganizer.request('POST', `/api/question-imports/${preview.importId}/commit`, { numbers: [1, 2] });
    const [topic] = (await communeOrganizer.request('GET', `/api/banks/${bankId}/topics`)).json().items;
    expect(topic).toMatchObject({ name: 'Nghị quyết 29', counts: { total: 2 } });

    const renamed = await communeOrganizer.request('PATCH', `/api/topics/${topic.id}`, {
      name: 'Nghị quyết 29-NQ/TW',
      materialUrl: 'https://tulieuvankien.dangcongsan.vn/nq29',
    });
    expect(renamed.statusCode).toBe(200);
    expect((await communeOrganizer.request('GET', `/api/banks/${bankId}/topics`)).json().items[0]).toMatchObject({
      name: 'Nghị quyết 29-NQ/TW',
      materialUrl: 'https://tulieuvankien.dangcongsan.vn/nq29',
    });
    expect((await otherOrganizer.request('DELETE', `/api/topics/${topic.id}`)).statusCode).toBe(404);

    const refused = await communeOrganizer.request('DELETE', `/api/topics/${topic.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe(
      'Không xóa được chuyên đề "Nghị quyết 29-NQ/TW" vì còn 2 câu hỏi. '
        + 'Hãy chuyển các câu hỏi sang chuyên đề khác hoặc xóa chúng trước.',
    );

    // Once its questions are deleted (their versions stay), the topic can go.
    const questions = (await communeOrganizer.request('GET', `/api/banks/${bankId}/questions`)).json().items;
    for (const q of questions) await communeOrganizer.request('DELETE', `/api/questions/${q.id}`);
    expect((await communeOrganizer.request('DELETE', `/api/topics/${topic.id}`)).statusCode).toBe(200);
    expect((await communeOrganizer.request('GET', `/api/banks/${bankId}/topics`)).json().items).toEqual([]);
    const audit = (await provinceOrganizer.request('GET', '/api/audit')).json().items.map((a: { summary: string }) => a.summary);
    expect(audit).toContain('Xóa chuyên đề "Nghị quyết 29-NQ/TW" của ngân hàng Ngân hàng chuyên đề');
  });
});
