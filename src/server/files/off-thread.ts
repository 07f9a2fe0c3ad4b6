/**
 * Renders a large file (a 10,000-row workbook, a long PDF) in a child process. Building one takes most of a second of
 * CPU; on the event loop that would stall every participant's answer save while an organiser downloads the figures of
 * a live survey, and its memory is returned to the system the moment the child exits. Small files are rendered
 * inline: starting a child costs more than they do.
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The server runs its TypeScript through tsx (bin/boiduong.js); the child loads it the same way. */
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const CHILD = fileURLToPath(new URL('./off-thread-child.ts', import.meta.url));

/** Rows above which a file is rendered off the event loop. */
export const OFF_THREAD_ROWS = 2000;

/**
 * Calls `name(...args)` exported by `moduleUrl` in a child process and returns the Buffer it resolves to. The arguments
 * cross by structured clone: plain data only.
 */
export interface Rendered {
  body: Buffer;
  /** The child's peak resident memory. */
  peakRssMb: number;
}

export function renderOffThread(moduleUrl: string, name: string, ...args: unknown[]): Promise<Rendered> {
  // One child at a time: on a small machine five organisers downloading at once wait a second each rather than
  // holding five workbooks in memory together.
  const run = queue.then(() => renderInChild(moduleUrl, name, args));
  queue = run.then(() => undefined, () => undefined);
  return run;
}

let queue: Promise<void> = Promise.resolve();

function renderInChild(moduleUrl: string, name: string, args: unknown[]): Promise<Rendered> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], { execArgv: ['--import', tsxLoader], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    const settle = (fn: () => void) => { if (!settled) { settled = true; fn(); } };
    child.once('message', (reply: { ok: true; out: Uint8Array; maxRssKb: number } | { ok: false; message: string }) => settle(() => {
      if (reply.ok) {
        resolve({ body: Buffer.from(reply.out.buffer, reply.out.byteOffset, reply.out.byteLength), peakRssMb: Math.round(reply.maxRssKb / 1024) });
      }
      else reject(new Error(reply.message));
    }));
    child.once('error', (err) => settle(() => reject(err)));
    child.once('exit', (code) => settle(() => reject(new Error(`render process exited with code ${code}`))));
    child.send({ module: moduleUrl, name, args });
  });
}
