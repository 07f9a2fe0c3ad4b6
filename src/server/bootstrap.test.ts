import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from './db/database.ts';
import { createPgDatabase, describeEachDialect } from './test/harness.ts';
import { spawnServer, type ServerProcess } from './test/server-process.ts';

const PASSWORD_LINE = /Mật khẩu một lần: (\S+)/g;

describeEachDialect('first start of several processes on a fresh database', (dialect) => {
  it('migrates once, makes one root unit and one first administrator; only the process that made it prints the password, and it works', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-bootstrap-'));
    const pg = dialect === 'postgres' ? await createPgDatabase() : undefined;
    let servers: ServerProcess[] = [];
    try {
      // Both at the same time: both find no tables, no root unit and no administrator.
      const started = await Promise.allSettled([0, 1].map(() => spawnServer({ dataDir, databaseUrl: pg?.url, captureStdout: true })));
      servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      for (const s of started) if (s.status === 'rejected') throw s.reason;
      // The banner is written right after listening; give the pipes a moment to deliver it (and any second one).
      for (let i = 0; i < 50 && !servers.some((s) => s.stdout().includes('Mật khẩu một lần')); i++)
        await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 300));
      const printed = servers.flatMap((s) => [...s.stdout().matchAll(PASSWORD_LINE)].map((m) => m[1]));
      expect(printed).toHaveLength(1);
      for (const s of servers) {
        const res = await fetch(`http://127.0.0.1:${s.port}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password: printed[0] }),
        });
        expect(res.status).toBe(200);
      }
      const handle = openDatabase({ dataDir, databaseUrl: pg?.url });
      try {
        const count = async (q: Promise<{ n: number | string }>) => Number((await q).n);
        expect(
          await count(
            handle.db
              .selectFrom('units')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('parent_id', 'is', null)
              .executeTakeFirstOrThrow(),
          ),
        ).toBe(1);
        expect(
          await count(
            handle.db
              .selectFrom('role_grants')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('role', '=', 'admin')
              .executeTakeFirstOrThrow(),
          ),
        ).toBe(1);
        expect(
          await count(
            handle.db
              .selectFrom('audit_log')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('action', '=', 'admin.create')
              .executeTakeFirstOrThrow(),
          ),
        ).toBe(1);
      } finally {
        await handle.destroy();
      }
    } finally {
      for (const s of servers) s.child.kill('SIGTERM');
      await Promise.all(servers.map((s) => s.exited));
      await pg?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
