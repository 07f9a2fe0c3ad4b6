import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, describe } from 'vitest';
import { loadConfig } from '../config.ts';
import { startServer, type RunningServer } from './main.ts';
import { buildUser } from './test/builders.ts';
import { buildRosterFile } from './test/roster-file.ts';
import { findRootUnit } from './modules/units/repository.ts';

describe('server process', () => {
  let server: RunningServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-main-'));
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (() => true) as typeof process.stdout.write;
    server = await startServer(
      { ...loadConfig({}), dataDir, port: 0, host: '127.0.0.1', logLevel: 'silent' },
      { handleSignals: false },
    ).finally(() => {
      process.stdout.write = write;
    });
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('finishes a request in flight before it shuts down', async () => {
    const root = (await findRootUnit(server.ctx.db))!;
    const user = await buildUser(server.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: user.password }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const rows = Array.from({ length: 3000 }, (_, i) => [
      `Nguyễn Văn Tư`,
      '01/01/1980',
      'Nam',
      String(1_000_000 + i),
      null,
      'Trường THCS Tân Lập',
      'Xã Tân Lập',
      'Giáo viên',
      null,
    ]);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await buildRosterFile(rows))]), 'lon.xlsx');
    const inFlight = fetch(`${server.url}/api/roster/imports?underUnitId=${root.id}`, {
      method: 'POST',
      body: form,
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = server.close();
    const res = await inFlight;
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    await closing;
    expect(lines.at(-1).result).toMatchObject({ rows: 3000, valid: 3000, toCreate: 3000 });
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
