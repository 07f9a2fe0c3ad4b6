import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUser } from '../../test/builders.ts';
import { createTestEnv, describeEachDialect, login, type Session, type TestEnv } from '../../test/harness.ts';
import { findRootUnit } from './repository.ts';

describeEachDialect('units', (dialect) => {
  let env: TestEnv;
  let admin: Session;
  let rootId: number;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    const root = (await findRootUnit(env.ctx.db))!;
    rootId = root.id;
    const user = await buildUser(env.ctx, { unit: root, roles: [{ role: 'admin', unit: root }] });
    admin = await login(env.app, user.username, user.password);
  });
  afterAll(async () => env.close());

  const create = async (body: object) => {
    const res = await admin.request('POST', '/api/units', body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: number; code: string; depth: number; parentId: number };
  };

  it('builds a tree of any depth and moves a subtree with everything under it', async () => {
    const commune = await create({ parentId: rootId, name: 'Xã  Tân   Lập', kind: 'commune' });
    const school = await create({ parentId: commune.id, name: 'Trường THCS Lê Quý Đôn', kind: 'school', schoolLevel: 'thcs' });
    const cell = await create({ parentId: school.id, name: 'Chi bộ Trường THCS Lê Quý Đôn', kind: 'party_cell' });
    expect(school.code).toBe('THCS-LQD');
    expect(cell.depth).toBe(3);
    const other = await create({ parentId: rootId, name: 'Phường Hòa Bình', kind: 'commune' });
    const moved = await admin.request('POST', `/api/units/${school.id}/move`, { parentId: other.id });
    expect(moved.statusCode).toBe(200);
    const units = (await admin.request('GET', '/api/units')).json().units as { id: number; parentId: number; depth: number; name: string }[];
    expect(units.find((u) => u.id === school.id)!.parentId).toBe(other.id);
    expect(units.find((u) => u.id === cell.id)!.depth).toBe(3);
    expect(units.find((u) => u.id === commune.id)!.name).toBe('Xã Tân Lập');
    const [stored] = await env.ctx.db.selectFrom('units').select('path').where('id', '=', cell.id).execute();
    expect(stored.path).toBe(`/${rootId}/${other.id}/${school.id}/${cell.id}/`);
  });

  it('refuses to move a unit under its own descendant', async () => {
    const a = await create({ parentId: rootId, name: 'Xã Hồng Phong', kind: 'commune' });
    const b = await create({ parentId: a.id, name: 'Trường Mầm non Hoa Sen', kind: 'school', schoolLevel: 'mam_non' });
    const res = await admin.request('POST', `/api/units/${a.id}/move`, { parentId: b.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('cấp dưới');
  });

  it('renames, deactivates, and never hard-deletes a unit with people', async () => {
    const school = await create({ parentId: rootId, name: 'Trường THPT Nguyễn Trãi', kind: 'school', schoolLevel: 'thpt' });
    const person = await admin.request('POST', '/api/people', { fullName: 'Đỗ Văn Hải', unitId: school.id, position: 'teacher', staffId: '0012345678' });
    expect(person.statusCode, person.body).toBe(200);
    const del = await admin.request('DELETE', `/api/units/${school.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().message).toContain('Ngừng hoạt động');
    const off = await admin.request('PATCH', `/api/units/${school.id}`, { name: 'Trường THPT Nguyễn Trãi (cũ)', active: false });
    expect(off.json()).toMatchObject({ name: 'Trường THPT Nguyễn Trãi (cũ)', active: false });
    const empty = await create({ parentId: rootId, name: 'Xã Tạo Nhầm', kind: 'commune' });
    expect((await admin.request('DELETE', `/api/units/${empty.id}`)).statusCode).toBe(200);
    const audit = (await admin.request('GET', '/api/audit')).json().items as { summary: string }[];
    expect(audit.some((a) => a.summary.includes('Xóa đơn vị Xã Tạo Nhầm'))).toBe(true);
  });

  it('rejects a school level on a commune and a duplicate code, in Vietnamese', async () => {
    const bad = await admin.request('POST', '/api/units', { parentId: rootId, name: 'Xã Lạ', kind: 'commune', schoolLevel: 'thcs' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('không có cấp học');
    await create({ parentId: rootId, name: 'Xã Một', kind: 'commune', code: 'X99' });
    const dup = await admin.request('POST', '/api/units', { parentId: rootId, name: 'Xã Hai', kind: 'commune', code: 'x99' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toBe('Mã đơn vị X99 đã được dùng.');
  });
});
