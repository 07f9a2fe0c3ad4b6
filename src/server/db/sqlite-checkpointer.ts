/**
 * SQLite in WAL mode copies the log back into the database file at checkpoints, with two fsyncs. Left to itself it does
 * so inside whichever commit crosses the threshold, on the event loop: an answer save would wait for the disk. Here a
 * worker thread with its own connection checkpoints every 200 ms instead (PASSIVE: it never blocks writers), and the
 * main connection's own threshold is raised to a safety net that only matters if the worker stops.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type SQLite from 'better-sqlite3';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (err) { parentPort.postMessage(String(err && err.message)); }
}, workerData.everyMs);
parentPort.on('message', (m) => { if (m === 'stop') { clearInterval(timer); try { db.pragma('wal_checkpoint(PASSIVE)'); } finally { db.close(); } process.exit(0); } });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * Every 200 ms: each checkpoint then has little to copy, so the writeback it starts is short and the group commit's
 * fdatasync of the log (which waits for the disk's queue) is not held behind a second of database pages (bench:exam's
 * submit storm: p99 627 ms with a checkpoint a second, 113 ms with one every 200 ms).
 */
export function startCheckpointer(sqlite: SQLite.Database, file: string, everyMs = 200): Checkpointer {
  sqlite.pragma('wal_autocheckpoint = 20000');
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, everyMs, driver } });
  worker.unref();
  worker.on('error', (err: Error) => process.emitWarning(`SQLite checkpoint: ${err.message}`));
  worker.on('message', (message) => process.emitWarning(`SQLite checkpoint: ${String(message)}`));
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      }),
  };
}
