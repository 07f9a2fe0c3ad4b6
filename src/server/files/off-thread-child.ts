/**
 * The child process of off-thread.ts: runs one job (a named export of a module), given the bytes on fd 0 as its first
 * argument when there are some, and writes the result to fd 4 (result-frames.ts: raw bytes, or v8-serialized frames) before
 * answering on the IPC channel.
 */
import fs from 'node:fs';
import { encodeResult } from './result-frames.ts';

// The server went away (or killed the IPC channel): nothing to send the result to.
process.once('disconnect', () => process.exit(1));

async function readInput(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function writeResult(chunks: Iterable<Uint8Array>): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream('', { fd: 4 });
    out.on('error', reject);
    out.on('close', resolve);
    for (const chunk of chunks) out.write(chunk);
    out.end();
  });
}

process.once('message', async (job: { module: string; name: string; args: unknown[]; input: boolean }) => {
  try {
    const mod = (await import(job.module)) as Record<string, (...args: unknown[]) => unknown>;
    const args = job.input ? [await readInput(), ...job.args] : job.args;
    const out = await mod[job.name](...args);
    await writeResult(encodeResult(out));
    process.send!({ ok: true, maxRssKb: process.resourceUsage().maxRSS }, () => process.exit(0));
  } catch (err) {
    const app =
      err instanceof Error && err.name === 'AppError' && 'statusCode' in err && 'code' in err
        ? { statusCode: err.statusCode, code: err.code, message: err.message, details: (err as { details?: unknown }).details }
        : undefined;
    process.send!({ ok: false, message: err instanceof Error ? (err.stack ?? err.message) : String(err), app }, () => process.exit(1));
  }
});
