import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { DIALECTS } from '../../test/harness.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../../..');

// The full benchmark (npm run bench:stats) runs 100,000 attempts (1,000,000 for the statistics alone); CI runs 300 for
// correctness only, through the real server over HTTP: the statistics count every attempt and flag the mis-keyed
// question, the streamed workbook lists every attempt once under its summary and beside the item analysis, both from
// a freshly started server and after the statistics. Times are printed, never checked.
for (const dialect of DIALECTS) {
  it(`bench:stats with 300 attempts: statistics and the streamed workbook are complete and right [${dialect}]`, async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'bench/stats/main.ts', '--attempts', '300', '--db', dialect, '--export', 'yes'],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: '' }, maxBuffer: 10 * 1024 * 1024 },
    );
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(stdout).not.toContain('LỖI');
    expect(result).toMatchObject({ db: dialect, attempts: 300, checks_failed: 0 });
    expect(result.export_ms).toBeGreaterThan(0);
    expect(result.export_cold_ms).toBeGreaterThan(0);
    expect(stdout).toContain('kiểm tra tệp: 300 dòng chi tiết');
  }, 300_000);
}
