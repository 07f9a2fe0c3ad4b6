/**
 * The edge's uplink: sends its queue to the province as soon as it can, continuously, and in bulk after an outage.
 * A batch is acknowledged only by the province's reply; anything else (a cut connection, a timeout, a restart of
 * either side) leaves it queued, and the next attempt sends it again — the province applies a batch once.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { EdgeSyncReply } from '../../domain/edge/sync.ts';
import type { AppContext } from '../context.ts';
import { applyReply, edgeIdentity, nextBatch, noteSyncError } from './outbox.ts';

const BATCH_ATTEMPTS = 100;
const REQUEST_TIMEOUT_MS = 30_000;

export interface UplinkOptions {
  /** Between two empty rounds (nothing queued): also the heartbeat the province's monitor sees. */
  idleMs?: number;
  /** After a failed round, growing to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

/** One round: sends the next batch and applies the reply. True when more is queued behind it. */
export async function syncOnce(ctx: AppContext): Promise<boolean> {
  const identity = (await edgeIdentity(ctx.db))!;
  const body = await nextBatch(ctx.db, BATCH_ATTEMPTS, ctx.clock.now());
  const response = await fetch(new URL('/api/edge/sync', identity.upstream), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${identity.token}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  }).catch((err: unknown) => {
    throw new Error(`không kết nối được máy chủ tỉnh (${err instanceof Error ? err.message : String(err)})`);
  });
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    // The organiser took this laptop out of service: nothing it records from now on would be taken.
    if (response.status === 401 && ctx.edge) ctx.edge.revoked = true;
    throw new Error(`máy chủ tỉnh trả lời ${response.status}: ${text.slice(0, 200)}`);
  }
  if (ctx.edge) ctx.edge.revoked = false;
  const reply = (await response.json()) as EdgeSyncReply;
  await applyReply(ctx.db, reply, ctx.clock.now().toISOString());
  return body.pending > 0;
}

export function startUplink(ctx: AppContext, log: FastifyBaseLogger, options: UplinkOptions = {}): () => Promise<void> {
  const idleMs = options.idleMs ?? 2000;
  const backoffMs = options.backoffMs ?? 1000;
  const maxBackoffMs = options.maxBackoffMs ?? 5000;
  let stopped = false;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      try {
        const more = await syncOnce(ctx);
        if (failures > 0) log.info({ after: failures }, 'uplink to the province is back');
        failures = 0;
        if (!more) await sleep(idleMs);
      } catch (err) {
        failures++;
        const message = err instanceof Error ? err.message : String(err);
        if (failures === 1) log.warn({ err: message }, 'uplink to the province failed; the queue waits on this laptop');
        await noteSyncError(ctx.db, message).catch(() => {});
        await sleep(Math.min(maxBackoffMs, backoffMs * failures));
      }
    }
  })();
  return async () => {
    stopped = true;
    wake?.();
    await loop;
  };
}
