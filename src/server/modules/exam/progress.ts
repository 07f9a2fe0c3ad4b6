/**
 * The monitor's progress ("Tiến độ": answered questions per attempt) follows the saves without a write per save: each
 * node notes the attempts whose answers it stored, and every PROGRESS_EVERY_MS recounts theirs in one statement per
 * batch. A node that dies loses only its notes; the next save or ping of those attempts counts again.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import * as repo from './repository.ts';

export const PROGRESS_EVERY_MS = 2000;
const BATCH = 200;

const dirtyByDb = new WeakMap<Db, Set<number>>();

function dirtyOf(db: Db): Set<number> {
  let set = dirtyByDb.get(db);
  if (!set) dirtyByDb.set(db, (set = new Set()));
  return set;
}

export function answersChanged(db: Db, attemptId: number): void {
  dirtyOf(db).add(attemptId);
}

/** Writes the answered count of every attempt changed here since the last flush; returns how many were counted. */
export async function flushProgress(ctx: AppContext): Promise<number> {
  const dirty = dirtyOf(ctx.db);
  if (dirty.size === 0) return 0;
  const ids = [...dirty];
  dirty.clear();
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    try {
      await repo.recountAnswered(ctx.db, ctx.dialect, batch);
    } catch (err) {
      for (const id of ids.slice(i)) dirty.add(id); // counted at the next flush
      throw err;
    }
  }
  return ids.length;
}

/** Flushes every few seconds, one flush at a time; the returned function stops it after a last flush. */
export function startProgressFlush(ctx: AppContext, log: FastifyBaseLogger, everyMs = PROGRESS_EVERY_MS): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const flush = () => {
    running = running.then(() => flushProgress(ctx)).catch((err: unknown) => log.warn({ err }, 'progress flush failed'));
    return running;
  };
  const timer = setInterval(flush, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await flush();
  };
}
