import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { createTestEnv, describeEachDialect, login, type Session, type TestEnv } from '../../test/harness.ts';
import { findRootUnit } from '../units/repository.ts';

describeEachDialect('people', (dialect) => {
  let env: TestEnv;
  let organizer: Session;
  let school: Awaited<ReturnType<typeof buildUnit>>;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    const root = (await findRootUnit(env.ctx.db))!;
    school = await buildUnit(env.ctx, { name: 'Trường Tiểu học Tân Lập' });
    const user = await buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
    organizer = await login(env.app, user.username, user.password);
    for (const [fullName, staffId] of [
      ['Nguyễn Văn An', '0100000001'],
      ['Đặng Thị Ánh', '0100000002'],
      ['Lê Văn Anh', '0100000003'],
      ['Trần Đức Bình', '0100000004'],
      ['Ngô Thị Ân', '0100000005'],
    ]) {
      const res = await organizer.request('POST', '/api/people', { fullName, staffId, unitId: school.id, position: 'teacher' });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(async () => env.close());

  const names = async (query: string) =>
    ((await organizer.request('GET', `/api/people?unitId=${school.id}${query}`)).json().items as { fullName: string }[]).map(
      (p) => p.fullName,
    );

  it('finds people by a name typed without diacritics, đ included', async () => {
    expect(await names('&q=nguyen van an')).toEqual(['Nguyễn Văn An']);
    expect(await names('&q=DANG THI')).toEqual(['Đặng Thị Ánh']);
    expect(await names('&q=binh')).toEqual(['Trần Đức Bình']);
    expect(await names('&q=01000000')).toHaveLength(5);
  });

  it('sorts by given name the Vietnamese way, then the rest', async () => {
    expect(await names('')).toEqual(['Nguyễn Văn An', 'Lê Văn Anh', 'Đặng Thị Ánh', 'Ngô Thị Ân', 'Trần Đức Bình']);
  });

  it('keeps leading zeros, refuses duplicate ids and ids with letters, naming the field', async () => {
    const ok = await organizer.request('POST', '/api/people', {
      fullName: 'Hoàng Thị Lan',
      citizenId: '001 185 012 345',
      unitId: school.id,
      position: 'staff',
      birthDate: '1985-02-28',
    });
    expect(ok.json()).toMatchObject({ citizenId: '001185012345', staffId: null, username: '001185012345' });
    const dup = await organizer.request('POST', '/api/people', {
      fullName: 'Hoàng Văn Lâm',
      staffId: '0100000001',
      unitId: school.id,
      position: 'teacher',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toBe('Mã định danh 0100000001 đã được dùng cho người khác.');
    const letters = await organizer.request('POST', '/api/people', {
      fullName: 'Vũ Văn Tư',
      citizenId: '0011850A2345',
      unitId: school.id,
      position: 'teacher',
    });
    expect(letters.statusCode).toBe(400);
    expect(letters.json().message).toBe('Số CCCD chỉ được gồm chữ số.');
    const noId = await organizer.request('POST', '/api/people', { fullName: 'Vũ Văn Tư', unitId: school.id, position: 'teacher' });
    expect(noId.json().message).toBe('Cần ít nhất Mã định danh hoặc Số CCCD.');
  });

  it('moves a person to another unit and keeps their history', async () => {
    const other = await buildUnit(env.ctx, { name: 'Trường THCS Hồng Phong', schoolLevel: 'thcs' });
    const list = (await organizer.request('GET', `/api/people?unitId=${school.id}&q=tran duc binh`)).json().items;
    const id = list[0].id as number;
    const moved = await organizer.request('PATCH', `/api/people/${id}`, { unitId: other.id, position: 'manager' });
    expect(moved.json()).toMatchObject({ unitName: 'Trường THCS Hồng Phong', position: 'manager' });
    const detail = (await organizer.request('GET', `/api/people/${id}`)).json();
    expect(detail.history.map((h: { unitName: string }) => h.unitName)).toEqual(['Trường THCS Hồng Phong', 'Trường Tiểu học Tân Lập']);
    expect(detail.history[1].toAt).not.toBeNull();
  });
});
