import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { buildPerson, buildUnit, buildUser } from '../../test/builders.ts';
import { createTestEnv, describeEachDialect, login, uploadAs, type Session, type TestEnv } from '../../test/harness.ts';
import { buildOfficeRosterFile, buildRosterFile, ROSTER_FILE_HEADER, type RosterFileRow } from '../../test/roster-file.ts';
import { findRootUnit } from '../units/repository.ts';

/** Posts a file and returns the last NDJSON line: { result } or { error }, plus how many progress lines came. */
async function upload(app: FastifyInstance, session: Session, unitId: number, file: Buffer, fileName = 'danh-sach.xlsx') {
  const res = await uploadAs(app, session, `/api/roster/imports?underUnitId=${unitId}`, file, fileName);
  return { status: res.statusCode, ...ndjson(res.body), raw: res };
}

function ndjson(body: string) {
  const lines = body
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  return { last: lines[lines.length - 1], progressLines: lines.filter((l) => l.progress).length };
}

const teacher = (
  name: string,
  citizenId: string | number,
  unit: string,
  commune: string | null = 'Xã Tân Lập',
  staffId: string | null = null,
): RosterFileRow => [name, '04/03/1985', 'Nữ', staffId, citizenId, unit, commune, 'Giáo viên', 'x'];

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

  const peopleCount = async () =>
    Number(
      (
        await env.ctx.db
          .selectFrom('people')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

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
    const before = await peopleCount();
    const first = (await upload(env.app, organizer, rootId, await buildRosterFile(rows))).last.result;
    expect(first.problems).toEqual([]);
    expect(first).toMatchObject({ valid: 3, toCreate: 3, toUpdate: 0 });
    expect(first.unitsToCreate).toHaveLength(3);
    const unconfirmed = ndjson((await organizer.request('POST', `/api/roster/imports/${first.importId}/commit`)).body).last;
    expect(unconfirmed.error).toMatchObject({ code: 'units_not_confirmed', details: { units: first.unitsToCreate } });
    expect(unconfirmed.error.message).toContain('Tệp sẽ tạo mới 3 đơn vị chưa được xác nhận');
    expect(await peopleCount()).toBe(before);
    expect(await env.ctx.db.selectFrom('units').select('id').where('name', '=', 'Xã Tân Lập').executeTakeFirst()).toBeUndefined();
    const commit = await organizer.request('POST', `/api/roster/imports/${first.importId}/commit`, { confirmedUnits: first.unitsToCreate });
    expect(ndjson(commit.body).last.result).toEqual({ created: 3, updated: 0, unchanged: 0, unitsCreated: 3 });

    const units = (await organizer.request('GET', '/api/units')).json().units as {
      id: number;
      name: string;
      kind: string;
      schoolLevel: string;
      parentId: number;
    }[];
    const commune = units.find((u) => u.name === 'Xã Tân Lập')!;
    expect(commune.kind).toBe('commune');
    expect(units.find((u) => u.name === 'Trường Mầm non Hoa Sen')).toMatchObject({
      kind: 'school',
      schoolLevel: 'mam_non',
      parentId: commune.id,
    });
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

  it("refuses people of units outside the importer's subtree and commits nothing when data changed since the preview", async () => {
    const schoolA = await buildUnit(env.ctx, { name: 'Trường THCS Hòa Bình', schoolLevel: 'thcs' });
    const schoolB = await buildUnit(env.ctx, { name: 'Trường THCS Quang Trung', schoolLevel: 'thcs' });
    await buildPerson(env.ctx, { unit: schoolB, fullName: 'Bùi Văn Khoa', staffId: '7770001' });
    const principal = await buildUser(env.ctx, { unit: schoolA, roles: [{ role: 'unit_manager', unit: schoolA }] });
    const session = await login(env.app, principal.username, principal.password);
    const file = await buildRosterFile([
      ['Bùi Văn Khoa', '01/01/1980', 'Nam', '7770001', null, 'Trường THCS Hòa Bình', null, 'Giáo viên', null],
    ]);
    const preview = (await upload(env.app, session, schoolA.id, file)).last.result;
    expect(preview.problems).toEqual([
      {
        row: 5,
        column: 'Mã định danh',
        message: 'Mã định danh 7770001 là của một người thuộc đơn vị ngoài phạm vi quản lý của bạn; không nhập được dòng này',
      },
    ]);

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
    const row = (name: string, staffId: string | null, citizenId: string): RosterFileRow => [
      name,
      '01/01/1985',
      'Nữ',
      staffId,
      citizenId,
      'Trường Tiểu học Kim Đồng',
      null,
      'Giáo viên',
      null,
    ];
    const before = await peopleCount();
    for (const probe of [
      row('Người Dò Tìm', null, '037185001234'), // only the citizen id: it used to answer with the stored name
      row('Người Dò Tìm', '8880099', '037185001234'), // a new staff id: it used to answer with the stored staff id
      row('Đặng Văn Lâm', colleague.staffId, '037185001234'), // a colleague's staff id with the stranger's citizen id
    ]) {
      const preview = (await upload(env.app, session, own.id, await buildRosterFile([probe]))).last.result;
      expect(preview.importId).toBeNull();
      expect(preview.problems).toEqual([
        {
          row: 5,
          column: 'Số CCCD',
          message: 'Số CCCD 037185001234 là của một người thuộc đơn vị ngoài phạm vi quản lý của bạn; không nhập được dòng này',
        },
      ]);
      const text = JSON.stringify(preview);
      for (const leaked of ['Hoàng', 'Ngọc', 'Võ Thị Sáu', far.code, stranger.staffId]) expect(text).not.toContain(leaked);
    }
    const staffProbe = await buildRosterFile([row('Người Dò Tìm', stranger.staffId, '001185009999')]);
    const byStaff = (await upload(env.app, session, own.id, staffProbe)).last.result;
    expect(byStaff.problems).toEqual([
      {
        row: 5,
        column: 'Mã định danh',
        message: 'Mã định danh 8880001 là của một người thuộc đơn vị ngoài phạm vi quản lý của bạn; không nhập được dòng này',
      },
    ]);
    expect(JSON.stringify(byStaff)).not.toMatch(/Hoàng|Ngọc|Võ Thị Sáu|037185001234/);
    expect(await peopleCount()).toBe(before);
    const stored = await env.ctx.db
      .selectFrom('people')
      .select(['full_name', 'unit_id'])
      .where('id', '=', stranger.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ full_name: 'Hoàng Thị Ngọc', unit_id: far.id });
  });

  it('explains a file that is not an Excel workbook', async () => {
    const { last } = await upload(env.app, organizer, rootId, Buffer.from('MZ\x90\x00 not a workbook'), 'danh-sach.xlsx');
    expect(last.error.message).toBe('Tệp không phải là tệp Excel .xlsx hợp lệ.');
    const exe = await upload(env.app, organizer, rootId, Buffer.from('MZ'), 'setup.exe');
    expect(exe.status).toBe(400);
  });

  it('reads an office list: titles kept, an unknown title asked once and remembered, footer skipped, abbreviated unit found', async () => {
    const commune = await buildUnit(env.ctx, { name: 'Xã Lũng Pô', kind: 'commune' });
    const school = await buildUnit(env.ctx, { name: 'Trường Tiểu học Lũng Pô', parent: commune, schoolLevel: 'tieu_hoc' });
    const people = [
      { name: 'Lù Văn Sáng', birth: 1975, gender: 'Nam', citizenId: '010075000101', title: 'Hiệu trưởng' },
      { name: 'Vàng Thị Dung', birth: 1988, gender: 'Nữ', citizenId: '010188000102', title: 'Tổ trưởng chuyên môn' },
      { name: 'Sần Văn Phủ', birth: '1990', gender: 'Nam', citizenId: '010090000103', title: 'Giáo viên chủ nhiệm' },
      { name: 'Giàng Thị Mỷ', birth: 1992, gender: 'Nữ', citizenId: '010192000104', title: 'Văn thư – Thủ quỹ' },
      { name: 'Lò Văn Chiến', birth: 1980, gender: 'Nam', citizenId: '010080000105', title: 'Lái xe kiêm bảo vệ trường' },
      { name: 'Thào A Lử', birth: 1983, gender: 'Nam', citizenId: '010083000106', title: 'Cấp dưỡng' },
      { name: 'Ma Văn Thanh', birth: 1986, gender: 'Nam', citizenId: '010086000107', title: 'Phụ trách bán trú' },
      { name: 'Lục Thị Hoa', birth: 1994, gender: 'Nữ', citizenId: '010194000108', title: 'Phụ trách bán trú' },
    ];
    const file = await buildOfficeRosterFile({ unitName: 'TH Lũng Pô', people });
    const first = (await upload(env.app, organizer, commune.id, file, 'ds-lung-po.xlsx')).last.result;
    expect(first.problems).toEqual([]);
    expect(first.rows).toBe(8);
    expect(first.unitsToCreate).toEqual([]);
    expect(first.importId).toBeNull();
    expect(first.unknownTitles).toEqual([{ title: 'Phụ trách bán trú', rows: [11, 12], count: 2 }]);
    expect(first.skipped.map((r: { row: number; reason: string }) => [r.row, r.reason])).toEqual([
      [13, 'dòng tổng cộng'],
      [15, 'dòng địa danh, ngày tháng'],
      [16, 'chức danh người ký'],
      [17, 'dòng ghi chú chữ ký'],
      [21, 'tên người ký hoặc dòng chân trang'],
    ]);

    const teacherUser = await buildUser(env.ctx, { unit: school });
    const teacherSession = await login(env.app, teacherUser.username, teacherUser.password);
    expect(
      (
        await teacherSession.request('POST', '/api/roster/position-titles', {
          mappings: [{ title: 'Phụ trách bán trú', position: 'manager' }],
        })
      ).statusCode,
    ).toBe(403);
    const saved = await organizer.request('POST', '/api/roster/position-titles', {
      mappings: [{ title: 'Phụ trách bán trú', position: 'staff' }],
    });
    expect(saved.json()).toEqual({ saved: 1 });

    const second = (await upload(env.app, organizer, commune.id, file, 'ds-lung-po.xlsx')).last.result;
    expect(second).toMatchObject({ unknownTitles: [], problems: [], unitsToCreate: [], toCreate: 8 });
    expect(second.importId).toEqual(expect.any(Number));
    const done = ndjson(
      (await organizer.request('POST', `/api/roster/imports/${second.importId}/commit`, { confirmedUnits: [] })).body,
    ).last;
    expect(done.result).toMatchObject({ created: 8, unitsCreated: 0 });

    const stored = await env.ctx.db
      .selectFrom('people')
      .select(['full_name', 'title', 'position', 'birth_date', 'unit_id'])
      .where(
        'citizen_id',
        'in',
        people.map((p) => p.citizenId),
      )
      .orderBy('birth_date')
      .execute();
    expect(stored.map((p) => [p.full_name, p.title, p.position, p.birth_date, p.unit_id])).toEqual([
      ['Lù Văn Sáng', 'Hiệu trưởng', 'manager', '1975', school.id],
      ['Lò Văn Chiến', 'Lái xe kiêm bảo vệ trường', 'staff', '1980', school.id],
      ['Thào A Lử', 'Cấp dưỡng', 'staff', '1983', school.id],
      ['Ma Văn Thanh', 'Phụ trách bán trú', 'staff', '1986', school.id],
      ['Vàng Thị Dung', 'Tổ trưởng chuyên môn', 'teacher', '1988', school.id],
      ['Sần Văn Phủ', 'Giáo viên chủ nhiệm', 'teacher', '1990', school.id],
      ['Giàng Thị Mỷ', 'Văn thư – Thủ quỹ', 'staff', '1992', school.id],
      ['Lục Thị Hoa', 'Phụ trách bán trú', 'staff', '1994', school.id],
    ]);
    const audit = await env.ctx.db.selectFrom('audit_log').select('summary').where('action', '=', 'roster.position_titles').execute();
    expect(audit.map((a) => a.summary)).toContain('Xếp nhóm chức vụ: "Phụ trách bán trú" → Nhân viên');
  });

  it('reads the optional extra-time column, names a bad cell by row and column, keeps the minutes when a file has no such column', async () => {
    const school = await buildUnit(env.ctx, { name: 'Trường Tiểu học Sín Chéng', schoolLevel: 'tieu_hoc' });
    const header = [...ROSTER_FILE_HEADER, 'Thời gian cộng thêm (phút)'];
    const row = (name: string, citizenId: string, extra: string | number | null): RosterFileRow => [
      name,
      '01/01/1988',
      'Nữ',
      null,
      citizenId,
      'Trường Tiểu học Sín Chéng',
      null,
      'Giáo viên',
      null,
      extra,
    ];
    const bad = await buildRosterFile([row('Lý Thị Sen', '010188000301', 30), row('Tráng A Phử', '010188000302', 'nửa giờ')], header);
    const refused = (await upload(env.app, organizer, school.id, bad)).last.result;
    expect(refused.importId).toBeNull();
    expect(refused.problems).toEqual([
      {
        row: 6,
        column: 'Thời gian cộng thêm (phút)',
        message: 'Thời gian cộng thêm không hợp lệ: nửa giờ (ghi số phút từ 0 đến 240, ví dụ 30; để trống nếu không cộng thêm)',
      },
    ]);

    const good = await buildRosterFile(
      [row('Lý Thị Sen', '010188000301', 30), row('Tráng A Phử', '010188000302', '1 giờ'), row('Vàng Thị Chở', '010188000303', null)],
      header,
    );
    const preview = (await upload(env.app, organizer, school.id, good)).last.result;
    expect(preview.problems).toEqual([]);
    expect(preview.sample.map((r: { extraMinutes: number }) => r.extraMinutes)).toEqual([30, 60, 0]);
    await organizer.request('POST', `/api/roster/imports/${preview.importId}/commit`, { confirmedUnits: [] });
    const stored = async () =>
      (
        await env.ctx.db
          .selectFrom('people')
          .select('extra_minutes')
          .where('citizen_id', 'in', ['010188000301', '010188000302', '010188000303'])
          .orderBy('citizen_id')
          .execute()
      ).map((p) => p.extra_minutes);
    expect(await stored()).toEqual([30, 60, 0]);

    // The same people from a file without the column: nothing to update, the minutes stay.
    const plain = await buildRosterFile([
      row('Lý Thị Sen', '010188000301', null).slice(0, 9),
      row('Tráng A Phử', '010188000302', null).slice(0, 9),
    ]);
    expect((await upload(env.app, organizer, school.id, plain)).last.result).toMatchObject({ problems: [], unchanged: 2, toUpdate: 0 });
    // With the column, a changed value is an update.
    const changed = await buildRosterFile([row('Lý Thị Sen', '010188000301', 15)], header);
    const update = (await upload(env.app, organizer, school.id, changed)).last.result;
    expect(update).toMatchObject({ toUpdate: 1 });
    await organizer.request('POST', `/api/roster/imports/${update.importId}/commit`, { confirmedUnits: [] });
    expect(await stored()).toEqual([15, 60, 0]);

    // The export carries the column, and importing it back changes nothing.
    const exported = await organizer.request('GET', `/api/roster/export.xlsx?unitId=${school.id}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const headerRow = (sheet.getRow(5).values as unknown[]).slice(1);
    const column = headerRow.indexOf('Thời gian cộng thêm (phút)') + 1;
    expect(column).toBeGreaterThan(0);
    expect([6, 7, 8].map((r) => sheet.getRow(r).getCell(column).value)).toEqual(expect.arrayContaining([15, 60, null]));
    const back = (await upload(env.app, organizer, school.id, exported.rawPayload, 'xuat.xlsx')).last.result;
    expect(back).toMatchObject({ problems: [], toCreate: 0, toUpdate: 0, unchanged: 3 });
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

  it('an export imported into a fresh install and exported again gives the same rows (titles, years, Huyện (cũ))', async () => {
    const district = await buildUnit(env.ctx, { name: 'Xã Bản Lầu', kind: 'commune' });
    await env.ctx.db.updateTable('units').set({ legacy_district: 'Huyện Mường Khương' }).where('id', '=', district.id).execute();
    const file = await buildOfficeRosterFile({
      unitName: 'Trường Mầm non Bản Lầu',
      people: [
        { name: 'Hoàng Thị Xuân', birth: 1979, gender: 'Nữ', citizenId: '010179000201', title: 'Phó Hiệu trưởng phụ trách chuyên môn' },
        { name: 'Phàn Thị Mai', birth: '03/04/1996', gender: 'Nữ', citizenId: '010196000202', title: 'Tổ phó' },
      ],
    });
    const preview = (await upload(env.app, organizer, district.id, file)).last.result;
    expect(preview).toMatchObject({ problems: [], unknownTitles: [] });
    await organizer.request('POST', `/api/roster/imports/${preview.importId}/commit`, { confirmedUnits: preview.unitsToCreate });
    const rowsOf = async (session: Session, unitId: number) => {
      const res = await session.request('GET', `/api/roster/export.xlsx?unitId=${unitId}`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const rows: string[][] = [];
      sheet.eachRow((row) => {
        rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
      });
      return { bytes: res.rawPayload, rows };
    };
    const exported = await rowsOf(organizer, district.id);

    const fresh = await createTestEnv(dialect);
    try {
      const freshRoot = (await findRootUnit(fresh.ctx.db))!;
      const admin = await buildUser(fresh.ctx, { unit: freshRoot, roles: [{ role: 'organizer', unit: freshRoot }] });
      const session = await login(fresh.app, admin.username, admin.password);
      const back = (await upload(fresh.app, session, freshRoot.id, exported.bytes as Buffer, 'xuat.xlsx')).last.result;
      expect(back).toMatchObject({ problems: [], unknownTitles: [], toCreate: 2 });
      const done = ndjson(
        (await session.request('POST', `/api/roster/imports/${back.importId}/commit`, { confirmedUnits: back.unitsToCreate })).body,
      ).last.result;
      expect(done).toMatchObject({ created: 2 });
      const commune = await fresh.ctx.db
        .selectFrom('units')
        .select(['id', 'legacy_district'])
        .where('name', '=', 'Xã Bản Lầu')
        .executeTakeFirstOrThrow();
      expect(commune.legacy_district).toBe('Huyện Mường Khương');
      const again = await rowsOf(session, commune.id);
      const body = (r: { rows: string[][] }) => r.rows.filter((row) => /^\d+$/.test(row[0]));
      expect(body(again)).toHaveLength(2);
      expect(body(again)).toEqual(body(exported));
      expect(body(again).flat()).toEqual(
        expect.arrayContaining([
          'Phó Hiệu trưởng phụ trách chuyên môn',
          'Tổ phó',
          '1979',
          'Huyện Mường Khương',
          'Cán bộ quản lý',
          'Giáo viên',
        ]),
      );
    } finally {
      await fresh.close();
    }
  });
});
