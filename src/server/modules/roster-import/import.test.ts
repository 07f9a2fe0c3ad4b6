import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildPerson, buildUnit, buildUser } from '../../test/builders.ts';
import { createTestEnv, describeEachDialect, login, uploadAs, type Session, type TestEnv } from '../../test/harness.ts';
import { buildRosterFile, type RosterFileRow } from '../../test/roster-file.ts';
import { findRootUnit } from '../units/repository.ts';

/** Posts a file and returns the last NDJSON line: { result } or { error }, plus how many progress lines came. */
async function upload(app: FastifyInstance, session: Session, unitId: number, file: Buffer, fileName = 'danh-sach.xlsx') {
  const res = await uploadAs(app, session, `/api/roster/imports?underUnitId=${unitId}`, file, fileName);
  return { status: res.statusCode, ...ndjson(res.body), raw: res };
}

function ndjson(body: string) {
  const lines = body.trim().split('\n').map((l) => JSON.parse(l));
  return { last: lines[lines.length - 1], progressLines: lines.filter((l) => l.progress).length };
}

const teacher = (name: string, citizenId: string | number, unit: string, commune: string | null = 'Xã Tân Lập',
  staffId: string | null = null): RosterFileRow => [name, '04/03/1985', 'Nữ', staffId, citizenId, unit, commune, 'Giáo viên', 'x'];

describeEachDialect('roster import', (dialect) => {
  let env: TestEnv;
  let organizer: Session;
  let rootId: number;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    const root = (await findRootUnit(env.ctx.db))!;
    rootId = root.id;
    const user = await buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
    organizer = await login(env.app, user.username, user.password);
  });
  afterAll(async () => env.close());

  const peopleCount = async () => Number((await env.ctx.db.selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('previews every problem by row and column and writes nothing', async () => {
    const before = await peopleCount();
    const file = await buildRosterFile([
      teacher('Nguyễn Thị Mai', 11185012345, 'Trường Mầm non Hoa Sen'),
      teacher('Lê Văn Tám', '0010850A2345', 'Trường Mầm non Hoa Sen'),
      ['Trần Thị Hồng', '31/02/1990', 'Nữ', null, '001190012345', 'Trường Mầm non Hoa Sen', 'Xã Tân Lập', 'Giáo viên', null],
      teacher('Phạm Thị Thu', '011185012345', 'Trường Mầm non Hoa Sen'),
    ]);
    const { status, last } = await upload(env.app, organizer, rootId, file);
    expect(status).toBe(200);
    const preview = last.result;
    expect(preview.rows).toBe(4);
    expect(preview.importId).toBeNull();
    expect(preview.problems).toEqual([
      { row: 6, column: 'Số CCCD', message: 'Số CCCD chỉ được gồm chữ số' },
      { row: 7, column: 'Ngày sinh', message: 'Ngày sinh không hợp lệ: 31/02/1990' },
      { row: 8, column: 'Số CCCD', message: 'Số CCCD 011185012345 trùng với dòng 5' },
    ]);
    expect(preview.unitsToCreate).toEqual(['Xã Tân Lập', 'Trường Mầm non Hoa Sen (thuộc Xã Tân Lập)']);
    expect(await peopleCount()).toBe(before);
  });

  it('commits all rows, creating missing units, then re-importing changes nothing', async () => {
    const rows = [
      teacher('NGUYỄN THỊ MAI', 11185012345, 'Trường Mầm non Hoa Sen'),
      teacher('Đỗ Văn Hùng', '001085099999', 'trường  mầm non HOA SEN'),
      teacher('Vũ Thị Lan', '001185077777', 'Trường Tiểu học Tân Lập'),
    ];
    const first = (await upload(env.app, organizer, rootId, await buildRosterFile(rows))).last.result;
    expect(first.problems).toEqual([]);
    expect(first).toMatchObject({ valid: 3, toCreate: 3, toUpdate: 0 });
    expect(first.unitsToCreate).toHaveLength(3);
    const commit = await organizer.request('POST', `/api/roster/imports/${first.importId}/commit`);
    expect(ndjson(commit.body).last.result).toEqual({ created: 3, updated: 0, unchanged: 0, unitsCreated: 3 });

    const units = (await organizer.request('GET', '/api/units')).json().units as { id: number; name: string; kind: string; schoolLevel: string; parentId: number }[];
    const commune = units.find((u) => u.name === 'Xã Tân Lập')!;
    expect(commune.kind).toBe('commune');
    expect(units.find((u) => u.name === 'Trường Mầm non Hoa Sen')).toMatchObject({ kind: 'school', schoolLevel: 'mam_non', parentId: commune.id });
    const found = (await organizer.request('GET', '/api/people?q=nguyen thi mai')).json().items;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ fullName: 'Nguyễn Thị Mai', citizenId: '011185012345', username: '011185012345', partyMember: true });

    const again = (await upload(env.app, organizer, rootId, await buildRosterFile(rows))).last.result;
    expect(again).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 3, unitsToCreate: [] });
    const twice = await organizer.request('POST', `/api/roster/imports/${first.importId}/commit`);
    expect(ndjson(twice.body).last.error.code).toBe('import_done');

    rows[1] = teacher('Đỗ Văn Hùng', '001085099999', 'Trường Tiểu học Tân Lập');
    const moved = (await upload(env.app, organizer, rootId, await buildRosterFile(rows))).last.result;
    expect(moved).toMatchObject({ toCreate: 0, toUpdate: 1, unchanged: 2 });
    expect(moved.sample.map((r: { fullName: string; action: string }) => [r.fullName, r.action])[0]).toEqual(['Đỗ Văn Hùng', 'update']);
    const done = ndjson((await organizer.request('POST', `/api/roster/imports/${moved.importId}/commit`)).body).last.result;
    expect(done).toMatchObject({ created: 0, updated: 1 });
    const hung = (await organizer.request('GET', '/api/people?q=do van hung')).json().items[0];
    expect(hung.unitName).toBe('Trường Tiểu học Tân Lập');
    expect((await organizer.request('GET', `/api/people/${hung.id}`)).json().history).toHaveLength(2);
  });

  it('refuses people of units outside the importer\'s subtree and commits nothing when data changed since the preview', async () => {
    const schoolA = await buildUnit(env.ctx, { name: 'Trường THCS Hòa Bình', schoolLevel: 'thcs' });
    const schoolB = await buildUnit(env.ctx, { name: 'Trường THCS Quang Trung', schoolLevel: 'thcs' });
    await buildPerson(env.ctx, { unit: schoolB, fullName: 'Bùi Văn Khoa', staffId: '7770001' });
    const principal = await buildUser(env.ctx, { unit: schoolA, roles: [{ role: 'unit_manager', unit: schoolA }] });
    const session = await login(env.app, principal.username, principal.password);
    const file = await buildRosterFile([
      ['Bùi Văn Khoa', '01/01/1980', 'Nam', '7770001', null, 'Trường THCS Hòa Bình', null, 'Giáo viên', null],
    ]);
    const preview = (await upload(env.app, session, schoolA.id, file)).last.result;
    expect(preview.problems).toEqual([{ row: 5, column: 'Mã định danh',
      message: 'Mã định danh 7770001 là của một người thuộc đơn vị ngoài phạm vi quản lý của bạn; không nhập được dòng này' }]);

    const ok = await buildRosterFile([
      ['Cao Thị Duyên', '01/01/1990', 'Nữ', '7770002', null, 'Trường THCS Hòa Bình', null, 'Giáo viên', null],
      ['Cao Văn Đạt', '01/01/1991', 'Nam', '7770003', null, 'Trường THCS Hòa Bình', null, 'Nhân viên', null],
    ]);
    const good = (await upload(env.app, session, schoolA.id, ok)).last.result;
    expect(good.problems).toEqual([]);
    await buildPerson(env.ctx, { unit: schoolB, fullName: 'Cao Văn Đạt', staffId: '7770003' });
    const before = await peopleCount();
    const commit = ndjson((await session.request('POST', `/api/roster/imports/${good.importId}/commit`)).body).last;
    expect(commit.error.code).toBe('import_has_problems');
    expect(commit.error.details.problems[0].row).toBe(6);
    expect(await peopleCount()).toBe(before);
  });

  it('never tells a principal anything stored about a person outside their school, whatever ids the row gives', async () => {
    const own = await buildUnit(env.ctx, { name: 'Trường Tiểu học Kim Đồng' });
    const far = await buildUnit(env.ctx, { name: 'Trường Tiểu học Võ Thị Sáu' });
    const stranger = await buildPerson(env.ctx, { unit: far, fullName: 'Hoàng Thị Ngọc', staffId: '8880001', citizenId: '037185001234' });
    const colleague = await buildPerson(env.ctx, { unit: own, fullName: 'Đặng Văn Lâm', staffId: '8880002' });
    const principal = await buildUser(env.ctx, { unit: own, roles: [{ role: 'unit_manager', unit: own }] });
    const session = await login(env.app, principal.username, principal.password);
    const row = (name: string, staffId: string | null, citizenId: string): RosterFileRow =>
      [name, '01/01/1985', 'Nữ', staffId, citizenId, 'Trường Tiểu học Kim Đồng', null, 'Giáo viên', null];
    const before = await peopleCount();
    for (const probe of [
      row('Người Dò Tìm', null, '037185001234'), // only the citizen id: it used to answer with the stored name
      row('Người Dò Tìm', '8880099', '037185001234'), // a new staff id: it used to answer with the stored staff id
      row('Đặng Văn Lâm', colleague.staffId, '037185001234'), // a colleague's staff id with the stranger's citizen id
    ]) {
      const preview = (await upload(env.app, session, own.id, await buildRosterFile([probe]))).last.result;
      expect(preview.importId).toBeNull();
      expect(preview.problems).toEqual([{ row: 5, column: 'Số CCCD',
        message: 'Số CCCD 037185001234 là của một người thuộc đơn vị ngoài phạm vi quản lý của bạn; không nhập được dòng này' }]);
      const text = JSON.stringify(preview);
      for (const leaked of ['Hoàng', 'Ngọc', 'Võ Thị Sáu', far.code, stranger.staffId]) expect(text).not.toContain(leaked);
    }
    const staffProbe = await buildRosterFile([row('Người Dò Tìm', stranger.staffId, '001185009999')]);
    const byStaff = (await upload(env.app, session, own.id, staffProbe)).last.result;
    expect(byStaff.problems).toEqual([{ row: 5, column: 'Mã định danh',
      message: 'Mã định danh 8880001 là của một người thuộc đơn vị ngoài phạm vi quản lý của bạn; không nhập được dòng này' }]);
    expect(JSON.stringify(byStaff)).not.toMatch(/Hoàng|Ngọc|Võ Thị Sáu|037185001234/);
    expect(await peopleCount()).toBe(before);
    const stored = await env.ctx.db.selectFrom('people').select(['full_name', 'unit_id']).where('id', '=', stranger.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ full_name: 'Hoàng Thị Ngọc', unit_id: far.id });
  });

  it('explains a file that is not an Excel workbook', async () => {
    const { last } = await upload(env.app, organizer, rootId, Buffer.from('MZ\x90\x00 not a workbook'), 'danh-sach.xlsx');
    expect(last.error.message).toBe('Tệp không phải là tệp Excel .xlsx hợp lệ.');
    const exe = await upload(env.app, organizer, rootId, Buffer.from('MZ'), 'setup.exe');
    expect(exe.status).toBe(400);
  });

  it('gives back the roster it exports (round trip)', async () => {
    const res = await organizer.request('GET', `/api/roster/export.xlsx?unitId=${rootId}`);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const again = (await upload(env.app, organizer, rootId, res.rawPayload, 'xuat.xlsx')).last.result;
    expect(again.problems).toEqual([]);
    expect(again.toCreate).toBe(0);
    expect(again.unchanged).toBe(again.valid);
    expect(again.valid).toBeGreaterThanOrEqual(5);
  });
});
