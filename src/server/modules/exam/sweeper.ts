/**
 * The server closes every attempt whose deadline and grace have passed, whether or not a browser is still there.
 * Every node may sweep: closing is conditional on the attempt still being open, so two nodes never grade twice, and an
 * attempt another node is closing is skipped (SKIP LOCKED), so the nodes share the work instead of queueing on it.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../../context.ts';
import { freezeClosedPopulations } from '../population/service.ts';
import { closeAndGrade } from './grading.ts';
import * as repo from './repository.ts';

const BATCH = 500;

export async function closeOverdueAttempts(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  let closed = 0;
  for (const assessment of await repo.assessmentsWithOverdue(ctx.db, at)) {
    const cutoff = new Date(now.getTime() - assessment.grace_seconds * 1000).toISOString();
    for (;;) {
      const due = await repo.overdueOf(ctx.db, assessment.id, cutoff, BATCH);
      let closedNow = 0;
      for (const attempt of due) {
        const outcome = await ctx.db.transaction().execute((trx) => closeAndGrade(ctx, trx, attempt, 'server', at, { dueBefore: cutoff }));
        if (outcome.closed) closedNow++;
      }
      closed += closedNow;
      // Skipped (locked elsewhere) attempts would come back in the same order: leave them to the next sweep.
      if (due.length < BATCH || closedNow === 0) break;
    }
  }
  return closed;
}

/** Runs the sweep every few seconds, one at a time; returns the function that stops it. */
export function startSweeper(ctx: AppContext, log: FastifyBaseLogger, everyMs = 5000): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        const closed = await closeOverdueAttempts(ctx);
        if (closed > 0) log.info({ closed }, 'closed overdue attempts');
        const frozen = await freezeClosedPopulations(ctx);
        if (frozen > 0) log.info({ frozen }, 'froze the population of closed surveys');
      } catch (err) {
        log.error({ err }, 'closing overdue attempts failed');
      }
    });
  }, everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
