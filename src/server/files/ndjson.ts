import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorBody } from '../errors.ts';

/**
 * Answers with newline-delimited JSON: {"progress":…} lines while the work runs, then one {"result":…}
 * or {"error":{code,message,details}}. Long imports show a real progress bar this way, on any node.
 */
export function streamWithProgress<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  work: (progress: (p: object) => void) => Promise<T>,
): FastifyReply {
  const out = new PassThrough();
  const write = (line: object) => out.write(`${JSON.stringify(line)}\n`);
  let last = 0;
  const progress = (p: object) => {
    const now = Date.now();
    if (now - last >= 100) {
      last = now;
      write({ progress: p });
    }
  };
  work(progress).then(
    (result) => {
      write({ result });
      out.end();
    },
    (err: unknown) => {
      if (err instanceof AppError) write({ error: { code: err.code, message: err.message, details: err.details } });
      else {
        request.log.error({ err }, 'streamed work failed');
        write({ error: errorBody('internal_error') });
      }
      out.end();
    },
  );
  return reply.type('application/x-ndjson; charset=utf-8').header('cache-control', 'no-store').header('x-accel-buffering', 'no').send(out);
}
