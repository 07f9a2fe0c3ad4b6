import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSyncer, GroupSync } from './group-sync.ts';

describe('group commit', () => {
  it('serves many waiting commits with one sync, and never one that began before the commit', async () => {
    const started: number[] = [];
    let release: (() => void)[] = [];
    const sync = new GroupSync(
      () =>
        new Promise<void>((resolve) => {
          started.push(Date.now());
          release.push(resolve);
        }),
    );
    const first = sync.sync();
    // Committed while the first sync runs: they must wait for a second one, which all of them share.
    const later = Array.from({ length: 50 }, () => sync.sync());
    let laterDone = 0;
    for (const p of later)
      void p.then(() => {
        laterDone += 1;
      });
    expect(started).toHaveLength(1);
    release.shift()!();
    await first;
    await new Promise((r) => setTimeout(r, 0));
    expect(laterDone).toBe(0);
    expect(started).toHaveLength(2);
    release.shift()!();
    await Promise.all(later);
    expect(sync.count).toBe(2);
    release = [];
  });

  it('passes a failed sync to its waiters, and the next sync runs anew', async () => {
    let fail = true;
    const sync = new GroupSync(async () => {
      if (fail) throw new Error('EIO');
    });
    await expect(sync.sync()).rejects.toThrow('EIO');
    fail = false;
    await expect(sync.sync()).resolves.toBeUndefined();
  });

  it('syncs a real file, and a file not yet created is nothing to sync', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-sync-'));
    const file = path.join(dir, 'boiduong.sqlite-wal');
    const syncer = fileSyncer(file);
    await syncer.sync();
    fs.writeFileSync(file, 'log');
    await syncer.sync();
    // Deleted and made anew (SQLite does so with its log): the new file is the one synced.
    fs.rmSync(file);
    fs.writeFileSync(file, 'new log');
    await syncer.sync();
    await syncer.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
