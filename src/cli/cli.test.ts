import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../server/test/harness.ts';
import { createCliEnv, type CliEnv } from '../server/test/cli-harness.ts';
import { buildRosterFile } from '../server/test/roster-file.ts';

describeEachDialect('command line', (dialect) => {
  let env: CliEnv;
  let dir: string;
  const cli = (...args: string[]) => env.cli(...args);

  beforeAll(async () => {
    env = await createCliEnv(dialect);
    dir = env.dir;
    fs.writeFileSync(
      path.join(dir, 'ds.xlsx'),
      await buildRosterFile([
        ['Nguyễn Văn An', '02/09/1980', 'Nam', '0012345', 1085012345, 'Trường THCS Tân Lập', 'Xã Tân Lập', 'Hiệu trưởng', 'x'],
        ['Trần Thị Bình', '3/4/1990', 'nữ', '0012346', null, 'Trường THCS Tân Lập', 'Xã Tân Lập', 'Giáo viên', null],
      ]),
    );
    fs.writeFileSync(
      path.join(dir, 'loi.xlsx'),
      await buildRosterFile([
        ['Lê Văn Cường', '30/02/1980', 'Nam', '00A2345', null, 'Trường THCS Tân Lập', 'Xã Tân Lập', 'Giáo viên', null],
      ]),
    );
  });
  afterAll(async () => env.close());

  it('dry-runs an import as one JSON object and writes nothing, then imports', async () => {
    const dry = await cli('import-roster', 'ds.xlsx', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const report = JSON.parse(dry.stdout);
    expect(report).toEqual({
      rows: 2,
      valid: 2,
      problems: [],
      unitsToCreate: ['Xã Tân Lập', 'Trường THCS Tân Lập (thuộc Xã Tân Lập)'],
      unknownTitles: [],
      skipped: [],
    });
    const waiting = await cli('import-roster', 'ds.xlsx');
    expect(waiting.code).toBe(2);
    expect(waiting.stdout).toContain('Đơn vị sẽ tạo mới: Xã Tân Lập; Trường THCS Tân Lập (thuộc Xã Tân Lập)');
    expect(waiting.stdout).toContain('Chưa ghi gì: tệp sẽ tạo mới các đơn vị trên');
    const real = await cli('import-roster', 'ds.xlsx', '--json', '--create-units');
    expect(JSON.parse(real.stdout).written).toEqual({ created: 2, updated: 0, unchanged: 0, unitsCreated: 2 });
    const again = await cli('import-roster', 'ds.xlsx', '--json', '--under', 'sgd');
    expect(JSON.parse(again.stdout).written).toMatchObject({ created: 0, unchanged: 2 });
  });

  it('reports problems by Excel row and column with a non-zero exit code', async () => {
    const res = await cli('import-roster', 'loi.xlsx', '--json');
    expect(res.code).toBe(2);
    const report = JSON.parse(res.stdout);
    expect(report.valid).toBe(0);
    expect(report.problems).toEqual([
      { row: 5, column: 'Ngày sinh', message: 'Ngày sinh không hợp lệ: 30/02/1980' },
      { row: 5, column: 'Mã định danh', message: 'Mã định danh chỉ được gồm chữ số' },
    ]);
    const human = await cli('import-roster', 'loi.xlsx');
    expect(human.stdout).toContain('Dòng 5, cột "Ngày sinh": Ngày sinh không hợp lệ: 30/02/1980');
    const missing = await cli('import-roster', 'khong-co.xlsx');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Không tìm thấy tệp khong-co.xlsx');
    const unit = await cli('import-roster', 'ds.xlsx', '--under', 'KHONGCO');
    expect(unit.stderr).toContain('Không tìm thấy đơn vị có mã KHONGCO');
  });

  it('exports a roster that imports back unchanged', async () => {
    const res = await cli('export-roster', 'xuat/ds-xuat.xlsx');
    expect(res.code).toBe(0);
    const back = JSON.parse((await cli('import-roster', 'xuat/ds-xuat.xlsx', '--dry-run', '--json')).stdout);
    expect(back).toMatchObject({ rows: 2, valid: 2, problems: [], unitsToCreate: [] });
  });

  it('asks for a category for a title it does not know, and takes it from --title', async () => {
    fs.writeFileSync(
      path.join(dir, 'chuc-vu.xlsx'),
      await buildRosterFile([
        ['Lò Văn Páo', '1979', 'Nam', '0012347', null, 'THCS Tân Lập', 'Xã Tân Lập', 'Phụ trách thiết bị - thí nghiệm kiêm thủ quỹ', null],
      ]),
    );
    const asked = await cli('import-roster', 'chuc-vu.xlsx');
    expect(asked.code).toBe(2);
    expect(asked.stdout).toContain('Chức vụ "Phụ trách thiết bị - thí nghiệm kiêm thủ quỹ" (1 dòng, từ dòng 5) chưa được xếp nhóm');
    const bad = await cli('import-roster', 'chuc-vu.xlsx', '--title', 'Phụ trách thiết bị=Tài xế');
    expect(bad.stderr).toContain('--title cần dạng "CHỨC VỤ=NHÓM"');
    const done = await cli('import-roster', 'chuc-vu.xlsx', '--json', '--title', 'Phụ trách thiết bị - thí nghiệm kiêm thủ quỹ=NV');
    expect(JSON.parse(done.stdout)).toMatchObject({ unknownTitles: [], unitsToCreate: [], written: { created: 1 } });
  });

  it('backs up SQLite online; points PostgreSQL users to pg_dump', async () => {
    const res = await cli('backup', 'sao-luu.sqlite');
    if (dialect === 'sqlite') {
      expect(res.code).toBe(0);
      const copy = new Database(path.join(dir, 'sao-luu.sqlite'), { readonly: true });
      expect(copy.prepare('select count(*) as n from people').get()).toEqual({ n: 3 });
      copy.close();
    } else {
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('pg_dump');
    }
  });

  it('creates an administrator and prints the password once', async () => {
    const res = await cli('create-admin', '--username', 'quantri2');
    expect(res.stdout).toMatch(/Mật khẩu một lần: [a-z0-9]{12}/);
    const bad = await cli('create-admin', '--username', 'Quản trị');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Tên đăng nhập chỉ gồm');
  });
});
