/** The real server in its own process (bin/boiduong.js serve), for tests that kill it and benchmarks that load it. */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { Connection } from './http-connection.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  /** What the process wrote to stdout so far, its last 256 KB to 1 MB (only with captureStdout; otherwise discarded). */
  stdout(): string;
}

export async function spawnServer(options: {
  dataDir: string;
  databaseUrl?: string;
  port?: number;
  nodeArgs?: string[];
  env?: Record<string, string>;
  captureStdout?: boolean;
}): Promise<ServerProcess> {
  const port = options.port ?? 20000 + crypto.randomInt(20000);
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(ROOT, 'bin/boiduong.js'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: options.dataDir,
      DATABASE_URL: options.databaseUrl ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', options.captureStdout ? 'pipe' : 'ignore', 'inherit'],
  });
  let stdout = '';
  // Only the tail is kept: a node logging a warning per request under load would outgrow a string.
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (stdout.length > 1_048_576) stdout = stdout.slice(-262_144);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const probe = new Connection('127.0.0.1', port);
  try {
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      try {
        if ((await probe.request('GET', '/healthz')).status === 200) break;
      } catch {
        /* not listening yet */
      }
      if (i > 600) throw new Error('server did not start within 60 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    probe.close();
  }
  return { child, port, exited, stdout: () => stdout };
}
