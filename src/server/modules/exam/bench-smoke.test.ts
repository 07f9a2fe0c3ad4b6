import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { DIALECTS } from '../../test/harness.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../../..');

// The full benchmark (npm run bench:exam) runs 10,000 people; CI runs 200 for correctness only: no lost answer, every
// score equal to an independent grading. Times are printed, never checked. On PostgreSQL it runs two app processes, every
// request sent to a random one, and kills one with SIGKILL a third of the way through the saves (restarted as a supervisor
// would): nothing acknowledged may be lost. 4 % of the people never submit: the nodes' sweepers must close and grade them.
for (const dialect of DIALECTS) {
  const nodes = dialect === 'postgres' ? ['--nodes', '2', '--kill-node'] : [];
  it(`bench:exam with 200 participants${nodes.length ? ' on two app processes, one killed mid-run,' : ''} loses no answer and grades every attempt right [${dialect}]`, async () => {
    const { stdout } = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'bench/exam/main.ts',
        '--participants',
        '200',
        '--db',
        dialect,
        '--submit-window',
        '3',
        '--abandon',
        '4',
        ...nodes,
      ],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: '' }, maxBuffer: 10 * 1024 * 1024 },
    ).catch((err: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`${err.message}\n${err.stdout ?? ''}\n${(err.stderr ?? '').slice(-4000)}`);
    });
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(result).toMatchObject({ participants: 200, lost_answers: 0, score_mismatches: 0, submits: 192, swept: 8 });
    expect(stdout).toContain('lost answers: 0');
    if (dialect === 'postgres') {
      expect(result).toMatchObject({ nodes: 2, killed_node: true });
      expect(stdout).toMatch(/tiến trình 2 bị kill -9 sau \d+ lần lưu/);
    }
  }, 300_000);
}
