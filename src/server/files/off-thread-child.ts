/** The child process of off-thread.ts: renders one file and sends it back. */
process.once('message', async (job: { module: string; name: string; args: unknown[] }) => {
  try {
    const mod = await import(job.module) as Record<string, (...args: unknown[]) => Promise<Uint8Array> | Uint8Array>;
    const out = await mod[job.name](...job.args);
    process.send!({ ok: true, out, maxRssKb: process.resourceUsage().maxRSS }, () => process.exit(0));
  } catch (err) {
    process.send!({ ok: false, message: err instanceof Error ? err.stack ?? err.message : String(err) }, () => process.exit(1));
  }
});
