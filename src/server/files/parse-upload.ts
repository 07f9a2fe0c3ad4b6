/**
 * Reading an uploaded (or CLI-read) file: a roster .xlsx, a question file (.docx, .xlsx, GIFT, Aiken).
 *
 * Two guards. The budgets of domain/files/limits.ts are checked while the file inflates and parses, and refuse it with
 * a Vietnamese 413 naming the limit. And the parse runs off the event loop that takes the survey's answers, in a child
 * process (off-thread.ts) with a capped heap, resident memory and time, one at a time per process with a short queue:
 * a file the budgets miss kills its child, not the server, and gets a Vietnamese 413; a full queue gets a 503.
 * The result comes back as plain data (records and problems), so the services carry on as before.
 */
import type { FastifyReply } from 'fastify';
import type { UploadConfig } from '../../config.ts';
import { FileLimitError } from '../../domain/files/limits.ts';
import type { AppContext } from '../context.ts';
import { fail, type AppError } from '../errors.ts';
import { OffThreadBusy, OffThreadFailure, OffThreadLane, runOffThread } from './off-thread.ts';
import { wholeBytes, type UploadBytes } from './upload-bytes.ts';

/**
 * A parse that can run here or in the child: the child imports `url` and calls its export `name` with the same
 * arguments, the file first (sent through a pipe, not copied into the IPC channel).
 */
export interface ParseJob<A extends unknown[], T> {
  url: string;
  name: string;
  fn: (file: Uint8Array, ...args: A) => Promise<T>;
  /** What to do when the file is too big, in the messages ("hãy tách theo đơn vị"). */
  advice: string;
}

/** One lane per configuration (one per process in practice). */
const lanes = new WeakMap<UploadConfig, OffThreadLane>();

function laneOf(uploads: UploadConfig): OffThreadLane {
  let lane = lanes.get(uploads);
  if (!lane) lanes.set(uploads, (lane = new OffThreadLane(uploads.parseConcurrency, uploads.parseQueue)));
  return lane;
}

function busy(): AppError {
  return fail('files_busy');
}

/** A budget exceeded: 413 with the limit's own message. */
export function overLimit(err: FileLimitError): AppError {
  return fail('file_over_limit', { reason: err.message }, { limit: err.limit, max: err.max });
}

/**
 * Refuses at once (503, Retry-After) when this process already has as many files waiting as it queues, before the
 * route starts its streamed answer.
 */
export function assertParseCapacity(ctx: AppContext, reply: FastifyReply): void {
  if (ctx.parseFiles === 'child' && laneOf(ctx.config.uploads).full()) {
    reply.header('retry-after', '30');
    throw busy();
  }
}

/** Runs the parse in the child (ctx.parseFiles === 'child') or here; either way under the budgets of ctx.config. */
export async function parseUpload<A extends unknown[], T>(ctx: AppContext, job: ParseJob<A, T>, file: UploadBytes, ...args: A): Promise<T> {
  if (ctx.parseFiles !== 'child') return job.fn(wholeBytes(file), ...args);
  const uploads = ctx.config.uploads;
  try {
    const { value } = await runOffThread<T>(job.url, job.name, args, {
      lane: laneOf(uploads),
      input: file,
      heapMb: uploads.parseHeapMb,
      rssMb: uploads.parseRssMb,
      timeoutMs: uploads.parseTimeoutMs,
    });
    return value;
  } catch (err) {
    if (err instanceof OffThreadBusy) throw busy();
    if (err instanceof OffThreadFailure && err.reason === 'memory') {
      throw fail(
        'file_too_complex',
        { limit: 'memory', max: uploads.parseHeapMb, advice: job.advice },
        { limit: 'memory', max: uploads.parseHeapMb },
      );
    }
    if (err instanceof OffThreadFailure && err.reason === 'timeout') {
      const seconds = Math.round(uploads.parseTimeoutMs / 1000);
      throw fail('file_too_complex', { limit: 'time', max: seconds, advice: job.advice }, { limit: 'time', max: seconds });
    }
    // A crash is the server's fault: logged by the error handler, answered with its general 500.
    throw err;
  }
}
