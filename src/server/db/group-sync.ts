import fs from 'node:fs/promises';

/**
 * Group commit for SQLite: commits run with synchronous=NORMAL (written to the log, not yet forced to the disk), and a
 * request that changed something waits, before its reply, for an fdatasync of the log that began after its commit. One
 * sync on the thread pool serves every commit made before it began, so a thousand saves a second cost a few hundred
 * syncs, not a thousand, and the event loop never blocks on the disk. What a reply acknowledges survives a power cut.
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
    this.queued ??= this.current.catch(() => undefined).then(() => {
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

/** fdatasync of a file by path (reopened each time: SQLite may delete and recreate its log); a missing file has nothing to sync. */
export function syncFile(file: string): () => Promise<void> {
  return async () => {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
  };
}
