import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connection } from './test/http-connection.ts';
import { spawnServer, type ServerProcess } from './test/server-process.ts';

/** Writes `head`, then `trickle` one byte every `everyMs`; resolves with what the server sent and when it closed. */
function slowClient(port: number, head: string, trickle: string, everyMs: number) {
  return new Promise<{ reply: string; closedAfterMs: number; bytesSent: number }>((resolve) => {
    const started = performance.now();
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    let sent = 0;
    socket.on('data', (d) => {
      reply += d.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.write(head);
    const timer = setInterval(() => {
      if (sent < trickle.length && !socket.destroyed) socket.write(trickle[sent++]);
    }, everyMs);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ reply, closedAfterMs: performance.now() - started, bytesSent: sent });
    });
  });
}

describe('slow clients', () => {
  let dataDir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-slow-'));
    server = await spawnServer({ dataDir, env: { REQUEST_TIMEOUT_S: '2', HEADERS_TIMEOUT_S: '1' } });
  }, 60_000);

  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('cuts a body sent at a few bytes a second and headers that never end, while others are served', async () => {
    const body = JSON.stringify({ username: 'chamchap', password: 'x'.repeat(80) });
    const slowBody = slowClient(
      server.port,
      `POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
      body,
      200,
    );
    const slowHeaders = slowClient(server.port, 'GET /healthz HTTP/1.1\r\n', 'X-Slow: ' + 'a'.repeat(200), 100);
    // Meanwhile an ordinary client is served, and its kept-alive connection idle for longer than the timeout still is.
    const conn = new Connection('127.0.0.1', server.port);
    expect((await conn.request('GET', '/healthz')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2500));
    expect((await conn.request('GET', '/healthz')).status).toBe(200);
    conn.close();

    const [b, h] = await Promise.all([slowBody, slowHeaders]);
    expect(b.reply).toMatch(/^HTTP\/1\.1 408/);
    expect(b.closedAfterMs).toBeLessThan(8000);
    expect(b.bytesSent).toBeLessThan(body.length);
    expect(h.reply).toMatch(/^HTTP\/1\.1 408/);
    expect(h.closedAfterMs).toBeLessThan(8000);
  }, 30_000);
});
