import { Worker } from 'node:worker_threads';

/**
 * Group commit for SQLite: commits run with synchronous=NORMAL (written to the log, not yet forced to the disk), and a
 * request that changed something waits, before its reply, for an fdatasync of the log that began after its commit. One
 * sync (on a thread of its own, see fileSyncer) serves every commit made before it began, so a thousand saves a second
 * cost a few hundred syncs, not a thousand, and the event loop never blocks on the disk. What a reply acknowledges survives a power cut.
 */
export class GroupSync {
  private current: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  /** Syncs run so far: fewer than the commits they served. */
  count = 0;

  constructor(private readonly flush: () => Promise<void>) {}

  /** Resolves once a sync that started after this call has finished. */
  sync(): Promise<void> {
    if (!this.current) {
      this.current = this.run();
      return this.current;
    }
    // The running sync may have begun before the caller's commit: wait for the next one, shared by every such caller.
    this.queued ??= this.current
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.sync();
      });
    return this.queued;
  }

  private async run(): Promise<void> {
    try {
      this.count += 1;
      await this.flush();
    } finally {
      this.current = null;
    }
  }
}

const SYNC_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
let fd = null;
let ino = null;
parentPort.on('message', () => {
  try {
    let stat;
    try { stat = fs.statSync(workerData.file); } catch (e) { if (e.code === 'ENOENT') { parentPort.postMessage(null); return; } throw e; }
    if (fd === null || stat.ino !== ino) {
      if (fd !== null) fs.closeSync(fd);
      fd = fs.openSync(workerData.file, 'r');
      ino = stat.ino;
    }
    fs.fdatasyncSync(fd);
    parentPort.postMessage(null);
  } catch (e) {
    parentPort.postMessage(String((e && e.message) || e));
  }
});
`;

export interface FileSyncer {
  /** fdatasync of the file; a file not yet created has nothing to sync. One call at a time (GroupSync sees to it). */
  sync(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Syncs a file from a thread of its own: on the shared thread pool a sync would queue behind password hashing (a login
 * spike keeps all four threads busy with argon2id) and every acknowledged save would wait for it. The file is reopened
 * when SQLite has deleted and recreated it.
 */
export function fileSyncer(file: string): FileSyncer {
  const worker = new Worker(SYNC_WORKER, { eval: true, workerData: { file } });
  worker.unref();
  let waiting: { resolve: () => void; reject: (error: Error) => void } | null = null;
  worker.on('message', (error: string | null) => {
    const w = waiting;
    waiting = null;
    if (error === null) w?.resolve();
    else w?.reject(new Error(`fdatasync ${file}: ${error}`));
  });
  worker.on('error', (error: Error) => {
    waiting?.reject(error);
    waiting = null;
  });
  return {
    sync: () =>
      new Promise<void>((resolve, reject) => {
        waiting = { resolve, reject };
        worker.postMessage(null);
      }),
    stop: async () => {
      await worker.terminate();
    },
  };
}
