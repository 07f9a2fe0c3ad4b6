import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Dialect } from '../db/database.ts';
import { createPgDatabase } from './harness.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../bin/boiduong.js');

export interface CliEnv {
  dir: string;
  /** The PostgreSQL database the commands use, when the dialect is postgres. */
  databaseUrl?: string;
  cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  close(): Promise<void>;
}

/** A temporary folder and database (SQLite file or a fresh PostgreSQL database) for running bin/boiduong.js. */
export async function createCliEnv(dialect: Dialect): Promise<CliEnv> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-cli-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' };
  const pg = dialect === 'postgres' ? await createPgDatabase() : undefined;
  if (pg) env.DATABASE_URL = pg.url;
  return {
    dir,
    databaseUrl: pg?.url,
    cli: async (...args) => {
      try {
        const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env, cwd: dir });
        return { code: 0, stdout, stderr };
      } catch (err) {
        const e = err as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    },
    close: async () => {
      await pg?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
