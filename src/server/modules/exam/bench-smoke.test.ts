import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { DIALECTS } from '../../test/harness.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../../..');

// The full benchmark (npm run bench:exam) runs 10,000 people; CI runs 200 for correctness only: no lost answer, every
// score equal to an independent grading. Times are printed, never checked.
for (const dialect of DIALECTS) {
  it(`bench:exam with 200 participants loses no answer and grades every attempt right [${dialect}]`, async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/exam/main.ts', '--participants', '200', '--db', dialect,
      '--submit-window', '3'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '' }, maxBuffer: 10 * 1024 * 1024 });
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(result).toMatchObject({ participants: 200, lost_answers: 0, score_mismatches: 0 });
    expect(stdout).toContain('lost answers: 0');
  }, 300_000);
}
