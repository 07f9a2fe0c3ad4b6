import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '../../bin/boiduong.js');
const run = promisify(execFile);

/** No stack frames ("    at f (file:1:2)"), no Node banner: only what the CLI chose to say. */
const STACK_LINE = /^\s+at /m;

describe('command line errors', () => {
  let dir: string;
  const cli = async (args: string[], env: Record<string, string> = {}) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
        cwd: dir,
        env: { ...process.env, DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '', BOIDUONG_DEBUG: '', ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-cli-errors-'));
    fs.writeFileSync(path.join(dir, 'hong.xlsx'), 'không phải tệp Excel');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('explains a failure in one Vietnamese line with exit code 1: a missing file, a file that is not a workbook', async () => {
    const missing = await cli(['import-roster', 'khong-co.xlsx']);
    expect(missing.code).toBe(1);
    expect(lines(missing.stderr)).toEqual(['Lỗi: Không tìm thấy tệp khong-co.xlsx.']);
    const broken = await cli(['import-roster', 'hong.xlsx']);
    expect(broken.code).toBe(1);
    expect(lines(broken.stderr)).toEqual(['Lỗi: Tệp không phải là tệp Excel .xlsx hợp lệ.']);
    expect(broken.stderr).not.toMatch(STACK_LINE);
  });

  it('answers a wrong use (argument, option, command) in one line with exit code 2', async () => {
    for (const args of [
      ['report-classes', '--year', 'abc'],
      ['import-roster', 'ds.xlsx', '--khong-co'],
      ['import-roster', 'ds.xlsx', '--under'],
      ['lenh-la'],
      ['assessment', 'xoa', '1'],
      ['create-admin', '--username', 'Quản trị'],
      ['import-roster'],
    ]) {
      const res = await cli(args);
      expect(res.code, args.join(' ')).toBe(2);
      expect(lines(res.stderr), args.join(' ')).toHaveLength(1);
      expect(res.stderr).toMatch(/^Lỗi: /);
      expect(res.stderr).not.toMatch(STACK_LINE);
    }
    expect((await cli(['import-roster', 'ds.xlsx', '--khong-co'])).stderr).toBe(
      'Lỗi: Tùy chọn không có: --khong-co. Xem: npx boiduong help\n',
    );
    expect((await cli(['lenh-la'])).stderr).toBe('Lỗi: Lệnh không tồn tại: lenh-la. Xem các lệnh: npx boiduong help\n');
  });

  it('names a wrong environment variable in one line with exit code 2', async () => {
    const res = await cli(['migrate'], { TRUST_PROXY: 'true' });
    expect(res.code).toBe(2);
    expect(lines(res.stderr)).toHaveLength(1);
    expect(res.stderr).toMatch(/^Lỗi: TRUST_PROXY=true \(tin mọi proxy\) không còn được dùng/);
    expect(res.stderr).not.toMatch(STACK_LINE);
  });

  it('says an unexpected error in general words, with the stack only under BOIDUONG_DEBUG=1', async () => {
    // Nothing listens on port 1: the database cannot be reached.
    const env = { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/khong_co' };
    const res = await cli(['migrate'], env);
    expect(res.code).toBe(1);
    expect(lines(res.stderr)).toHaveLength(1);
    expect(res.stderr).toMatch(/^Lỗi: Không kết nối được cơ sở dữ liệu/);
    expect(res.stderr).not.toMatch(STACK_LINE);
    const debug = await cli(['migrate'], { ...env, BOIDUONG_DEBUG: '1' });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/^Lỗi: Không kết nối được cơ sở dữ liệu/);
    expect(debug.stderr).toMatch(STACK_LINE);
  });
});
