/**
 * Work that must not run on the event loop that takes the survey's answers runs in a child process: rendering a large
 * file (a 10,000-row workbook, a long PDF — most of a second of CPU) and reading an uploaded file (an .xlsx or .docx
 * whose size is only known once it is inflated). The child's memory is returned to the system the moment it exits, and
 * a child can be capped: its V8 heap (--max-old-space-size), its resident memory (read from /proc every 100 ms) and its
 * time; past a cap it is killed and the caller gets an OffThreadFailure, while the server carries on. Jobs queue in a
 * lane that runs a bounded number of children at once and refuses (OffThreadBusy) beyond a bounded queue. Small files
 * are rendered inline: starting a child costs more than they do.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppError, type ErrorCode } from '../errors.ts';
import { ResultDecoder } from './result-frames.ts';
import type { UploadBytes } from './upload-bytes.ts';

/** The server runs its TypeScript through tsx (bin/boiduong.js); the child loads it the same way. */
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const CHILD = fileURLToPath(new URL('./off-thread-child.ts', import.meta.url));

/** Rows above which a file is rendered off the event loop. */
export const OFF_THREAD_ROWS = 2000;

/** A lane of child processes: at most `concurrency` at once, at most `maxWaiting` jobs waiting for one. */
export class OffThreadLane {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaiting = Number.POSITIVE_INFINITY,
  ) {}

  /** Whether a job submitted now would be refused. */
  full(): boolean {
    return this.running >= this.concurrency && this.waiting.length >= this.maxWaiting;
  }

  /** Jobs running and waiting. */
  load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running += 1;
    else if (this.waiting.length >= this.maxWaiting) throw new OffThreadBusy();
    // The finishing job hands its slot over directly (running stays counted).
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

/** The lane's queue is full: try again later. */
export class OffThreadBusy extends Error {
  constructor() {
    super('off-thread lane is full');
    this.name = 'OffThreadBusy';
  }
}

/** The child was killed past a cap, or died without answering. `detail` is for the log (exit code, stderr's end). */
export class OffThreadFailure extends Error {
  constructor(
    readonly reason: 'memory' | 'timeout' | 'crashed',
    readonly detail: string,
  ) {
    super(`off-thread job failed (${reason}): ${detail}`);
    this.name = 'OffThreadFailure';
  }
}

export interface OffThreadOptions {
  lane: OffThreadLane;
  /**
   * Bytes given to the function as its first argument (an uploaded file). They go through a pipe, written by libuv
   * from the buffer as it is: serializing 20 MB into the IPC channel held the event loop for a quarter of a second.
   */
  input?: UploadBytes;
  /** V8 heap of the child, MB (its old generation: --max-old-space-size). */
  heapMb?: number;
  /** Resident memory of the child, MB, checked every 100 ms (Linux): above it the child is killed. */
  rssMb?: number;
  /** Wall time from the child's start, ms: past it the child is killed. */
  timeoutMs?: number;
}

export interface OffThreadResult<T> {
  value: T;
  /** The child's peak resident memory. */
  peakRssMb: number;
}

type Reply =
  | { ok: true; maxRssKb: number }
  | { ok: false; message: string; app?: { statusCode: number; code: string; message: string; details?: unknown } };

/**
 * Calls `name(input?, ...args)` exported by `moduleUrl` in a child process and returns what it resolves to. Arguments
 * cross by structured clone (plain data, Dates, typed arrays, Maps); the result comes back through a pipe of its own,
 * as raw bytes when it is a Uint8Array, else v8-serialized in frames taken in as they arrive (result-frames.ts). An AppError
 * thrown in the child is thrown again here as an AppError; any other error as an Error with its message.
 */
export function runOffThread<T>(moduleUrl: string, name: string, args: unknown[], options: OffThreadOptions): Promise<OffThreadResult<T>> {
  return options.lane.run(() => runInChild<T>(moduleUrl, name, args, options));
}

export interface Rendered {
  body: Buffer;
  /** The child's peak resident memory. */
  peakRssMb: number;
}

// One child at a time: on a small machine five organisers downloading at once wait a second each rather than
// holding five workbooks in memory together.
const renderLane = new OffThreadLane(1);

/** Renders a file (the named export resolves to its bytes) in a child process. */
export async function renderOffThread(moduleUrl: string, name: string, ...args: unknown[]): Promise<Rendered> {
  const { value, peakRssMb } = await runOffThread<Uint8Array>(moduleUrl, name, args, { lane: renderLane });
  return { body: Buffer.from(value.buffer, value.byteOffset, value.byteLength), peakRssMb };
}

/** Resident memory of a process in KB, or null when it cannot be read (gone, or not Linux). */
function residentKb(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/statm`, 'latin1').split(' ');
    return (Number(fields[1]) * 4096) / 1024;
  } catch {
    return null;
  }
}

function runInChild<T>(moduleUrl: string, name: string, args: unknown[], options: OffThreadOptions): Promise<OffThreadResult<T>> {
  return new Promise((resolve, reject) => {
    const execArgv = ['--import', tsxLoader];
    if (options.heapMb) execArgv.push(`--max-old-space-size=${options.heapMb}`);
    const capped = options.heapMb !== undefined || options.rssMb !== undefined;
    // fd 0: the input; fd 2: kept when capped (its end tells a V8 out-of-memory abort from a crash); fd 4: the result.
    const child = fork(CHILD, [], {
      execArgv,
      serialization: 'advanced',
      stdio: [options.input ? 'pipe' : 'ignore', 'inherit', capped ? 'pipe' : 'inherit', 'ipc', 'pipe'],
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4096);
    });
    const resultPipe = child.stdio[4] as Readable;
    const result = new ResultDecoder();
    let decodeError: unknown;
    const resultEnded = new Promise<void>((done) => {
      resultPipe.on('data', (chunk: Buffer) => {
        if (decodeError !== undefined) return;
        try {
          result.push(chunk);
        } catch (err) {
          decodeError = err;
        }
      });
      resultPipe.on('end', done);
      resultPipe.on('error', () => done());
    });
    if (options.input) {
      const stdin = child.stdin as Writable;
      // A child that dies before reading all of it closes the pipe: that is told by its exit, not by this error.
      stdin.on('error', () => undefined);
      for (const chunk of options.input instanceof Uint8Array ? [options.input] : options.input) stdin.write(chunk);
      stdin.end();
    }
    let peakKb = 0;
    let killedFor: 'memory' | 'timeout' | null = null;
    const kill = (reason: 'memory' | 'timeout') => {
      if (killedFor || child.exitCode !== null) return;
      killedFor = reason;
      child.kill('SIGKILL');
    };
    const watch =
      options.rssMb === undefined
        ? undefined
        : setInterval(() => {
            const kb = residentKb(child.pid ?? 0);
            if (kb === null) return;
            peakKb = Math.max(peakKb, kb);
            if (kb > options.rssMb! * 1024) kill('memory');
          }, 100);
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => kill('timeout'), options.timeoutMs);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      fn();
    };
    child.once('message', (reply: Reply) => {
      if (!reply.ok) {
        settle(() =>
          reject(
            reply.app
              ? new AppError(reply.app.statusCode, reply.app.code as ErrorCode, reply.app.message, reply.app.details)
              : new Error(reply.message),
          ),
        );
        return;
      }
      // The child wrote its result and closed the pipe before answering; take what is still in transit.
      void resultEnded.then(() =>
        settle(() => {
          try {
            if (decodeError !== undefined) throw decodeError;
            const decoded = result.result();
            const value = decoded.kind === 'bytes' ? decoded.bytes : decoded.value;
            resolve({ value: value as T, peakRssMb: Math.round(Math.max(peakKb, reply.maxRssKb) / 1024) });
          } catch (err) {
            reject(err);
          }
        }),
      );
    });
    child.once('error', (err) => settle(() => reject(err)));
    child.once('exit', (code, signal) => {
      // Let the last of stderr arrive before deciding why the child died (a result being read settles first).
      const decide = () =>
        setImmediate(() =>
          settle(() => {
            const detail = `exit ${code ?? signal}${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`;
            if (killedFor) reject(new OffThreadFailure(killedFor, detail));
            else if (/out of memory|Allocation failed/i.test(stderr)) reject(new OffThreadFailure('memory', detail));
            else if (capped) reject(new OffThreadFailure('crashed', detail));
            else reject(new Error(`render process exited with code ${code}`));
          }),
        );
      const finished = Promise.all([
        child.stderr && !child.stderr.readableEnded ? new Promise((r) => child.stderr!.once('close', r)) : undefined,
        // Every message sent before the channel closed has been delivered by then.
        child.connected ? new Promise((r) => child.once('disconnect', r)) : undefined,
        resultEnded,
      ]);
      void finished.then(decide);
    });
    child.send({ module: moduleUrl, name, args, input: options.input !== undefined });
  });
}
