import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../server/test/harness.ts';
import { createCliEnv, type CliEnv } from '../server/test/cli-harness.ts';

async function totalRow(file: string): Promise<number[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('Báo cáo')!;
  let found: number[] = [];
  sheet.eachRow((row) => {
    if (row.getCell(2).value === 'Tổng cộng') found = [3, 4, 5, 6, 7, 8].map((c) => Number(row.getCell(c).value));
  });
  return found;
}

describeEachDialect('report-classes command', (dialect) => {
  let env: CliEnv;
  const year = String(new Date().getUTCFullYear());

  beforeAll(async () => {
    env = await createCliEnv(dialect);
    const demo = await env.cli('demo', '--no-serve', '--people', '300');
    expect(demo.code, demo.stderr).toBe(0);
  }, 180_000);
  afterAll(async () => env.close());

  it("writes the province's quarter as Excel; the centres' reports add up to it", async () => {
    const res = await env.cli('report-classes', '--year', year, '--quarter', '1', '--format', 'xlsx', '--out', 'bao-cao/q1.xlsx');
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(
      /Quý I năm \d{4}: mở \d+ lớp \(kế hoạch \d+\), [\d.]+ lượt học viên; trong đó bồi dưỡng đối tượng kết nạp Đảng \d+ lớp/,
    );
    const province = await totalRow(path.join(env.dir, 'bao-cao/q1.xlsx'));
    // The demo plans 41 classes a quarter.
    expect(province[0]).toBe(41);
    const sums = [0, 0, 0, 0, 0, 0];
    for (let i = 1; i <= 6; i++) {
      const code = `TTCT${String(i).padStart(2, '0')}`;
      const out = await env.cli(
        'report-classes',
        '--unit',
        code,
        '--year',
        year,
        '--quarter',
        '1',
        '--format',
        'xlsx',
        '--out',
        `${code}.xlsx`,
      );
      expect(out.code, out.stderr).toBe(0);
      (await totalRow(path.join(env.dir, `${code}.xlsx`))).forEach((v, k) => {
        sums[k] += v;
      });
    }
    expect(sums).toEqual(province);
    const said = /mở (\d+) lớp \(kế hoạch (\d+)\), ([\d.]+) lượt/.exec(res.stdout)!;
    expect([Number(said[2]), Number(said[1]), Number(said[3].replace(/\./g, ''))]).toEqual([province[0], province[1], province[3]]);
  }, 120_000);

  it('writes a year as PDF and explains wrong options in Vietnamese', async () => {
    const pdf = await env.cli('report-classes', '--year', year, '--format', 'pdf', '--out', 'nam.pdf');
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(fs.readFileSync(path.join(env.dir, 'nam.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await env.cli('report-classes', '--format', 'pdf', '--out', 'x.pdf')).stderr).toContain('Cần --year NĂM');
    expect((await env.cli('report-classes', '--year', year, '--format', 'doc', '--out', 'x.doc')).stderr).toContain(
      'Cần --format xlsx hoặc --format pdf',
    );
    expect((await env.cli('report-classes', '--year', year, '--quarter', '5', '--format', 'pdf', '--out', 'x.pdf')).stderr).toContain(
      '--quarter phải là 1, 2, 3 hoặc 4',
    );
    expect((await env.cli('report-classes', '--unit', 'KHONGCO', '--year', year, '--format', 'pdf', '--out', 'x.pdf')).stderr).toContain(
      'Không tìm thấy đơn vị có mã KHONGCO',
    );
  }, 120_000);
});
