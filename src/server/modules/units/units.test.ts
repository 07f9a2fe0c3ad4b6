import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUser } from '../../test/builders.ts';
import { createTestEnv, describeEachDialect, login, type Session, type TestEnv } from '../../test/harness.ts';
import { findRootUnit, UNIT_REFERENCES, UNIT_REFERENCES_RELEASED } from './repository.ts';

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
    const units = (await admin.request('GET', '/api/units')).json().units as {
      id: number;
      parentId: number;
      depth: number;
      name: string;
    }[];
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
    const person = await admin.request('POST', '/api/people', {
      fullName: 'Đỗ Văn Hải',
      unitId: school.id,
      position: 'teacher',
      staffId: '0012345678',
    });
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

  it('refuses to delete a unit that party-cell meetings or a campaign use, naming them, and deletes nothing', async () => {
    const school = await create({ parentId: rootId, name: 'Trường THCS Chu Văn An', kind: 'school', schoolLevel: 'thcs' });
    const cell = await create({ parentId: school.id, name: 'Chi bộ Trường THCS Chu Văn An', kind: 'party_cell' });
    for (const heldOn of ['2026-07-10', '2026-08-14']) {
      const m = await admin.request('POST', '/api/cell-meetings', { cellUnitId: cell.id, topic: 'Chuyên đề năm 2026', heldOn });
      expect(m.statusCode, m.body).toBe(200);
    }
    const campaign = await admin.request('POST', '/api/campaigns', {
      name: 'Bồi dưỡng hè 2026',
      schoolYear: '2025-2026',
      unitId: cell.id,
      startsOn: '2026-07-01',
      endsOn: '2026-08-31',
    });
    expect(campaign.statusCode, campaign.body).toBe(200);
    const del = await admin.request('DELETE', `/api/units/${cell.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json()).toMatchObject({
      code: 'unit_in_use',
      details: { uses: { cell_meetings: 2, campaigns: 1 } },
      message:
        'Không thể xóa: đơn vị còn 1 đợt bồi dưỡng, 2 buổi sinh hoạt chi bộ. '
        + 'Nếu không dùng nữa, hãy chuyển đơn vị sang "Ngừng hoạt động".',
    });
    const stillThere = await env.ctx.db.selectFrom('units').select('id').where('id', '=', cell.id).executeTakeFirst();
    expect(stillThere).toEqual({ id: cell.id });
    const meetings = await env.ctx.db.selectFrom('cell_meetings').select('id').where('cell_unit_id', '=', cell.id).execute();
    expect(meetings).toHaveLength(2);
    // Its parent is in use by the cell itself.
    expect((await admin.request('DELETE', `/api/units/${school.id}`)).json().message).toContain('1 đơn vị trực thuộc');
    // A roster preview left under a unit does not keep it: it goes with the unit.
    const typo = await create({ parentId: rootId, name: 'Xã Gõ Nhầm', kind: 'commune' });
    const user = await env.ctx.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
    await env.ctx.db
      .insertInto('roster_imports')
      .values({
        created_by: user.id,
        under_unit_id: typo.id,
        file_name: 'ds.xlsx',
        status: 'previewed',
        rows_json: '[]',
        created_at: new Date().toISOString(),
      })
      .execute();
    expect((await admin.request('DELETE', `/api/units/${typo.id}`)).statusCode).toBe(200);
  });

  it('checks every foreign key to units before deleting one (read from the database, so no new table is forgotten)', async () => {
    let keys: { table: string; column: string }[];
    if (dialect === 'sqlite') {
      const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(env.ctx.db);
      keys = [];
      for (const { name } of tables.rows) {
        const fks = await sql<{ table: string; from: string }>`select * from pragma_foreign_key_list(${name})`.execute(env.ctx.db);
        for (const fk of fks.rows) if (fk.table === 'units') keys.push({ table: name, column: fk.from });
      }
    } else {
      keys = (
        await sql<{ table: string; column: string }>`
        select kcu.table_name as "table", kcu.column_name as "column"
        from information_schema.referential_constraints rc
        join information_schema.key_column_usage kcu
          on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
        join information_schema.key_column_usage ref
          on ref.constraint_name = rc.unique_constraint_name and ref.constraint_schema = rc.unique_constraint_schema
        where ref.table_name = 'units' and ref.column_name = 'id' and rc.constraint_schema = current_schema()`.execute(env.ctx.db)
      ).rows;
    }
    const names = (list: readonly { table: string; column: string }[]) => list.map((k) => `${k.table}.${k.column}`).sort();
    expect(keys.length).toBeGreaterThan(10);
    expect(names([...UNIT_REFERENCES, ...UNIT_REFERENCES_RELEASED])).toEqual(names(keys));
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
