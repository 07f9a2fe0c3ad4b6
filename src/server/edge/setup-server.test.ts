import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { startEdgeSetup, type EdgeSetup } from './setup-server.ts';

function request(url: string, options: { method?: string; host?: string; type?: string; body?: string }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: options.method ?? 'GET',
        headers: { ...(options.host ? { host: options.host } : {}), ...(options.type ? { 'content-type': options.type } : {}) },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe("the laptop's first-run page", () => {
  let setup: EdgeSetup;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-edge-setup-'));
    setup = await startEdgeSetup({ ...loadConfig({}), dataDir, port: 0, host: '0.0.0.0', logLevel: 'silent' });
  });

  afterAll(async () => {
    await setup?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the form on this machine only, and only to its own name', async () => {
    const page = await request(setup.url, {});
    expect(page.status).toBe(200);
    expect(page.body).toContain('Chuẩn bị máy chủ điểm cầu');
    // A hostile page that rebinds its name to 127.0.0.1 is refused.
    const rebound = await request(setup.url, { host: 'boiduong-tinh.example:80' });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body).message).toContain('chính máy này');
  });

  it('takes no credentials from a plain-text form post (no JSON, no preparation) and says what is missing in Vietnamese', async () => {
    const body = JSON.stringify({ upstream: 'http://127.0.0.1:9', username: 'x', password: 'y', siteId: 1 });
    const plain = await request(`${setup.url}/setup/prepare`, { method: 'POST', type: 'text/plain', body });
    expect(plain.status).toBeGreaterThanOrEqual(400);
    expect(plain.status).toBeLessThan(500);
    const empty = await request(`${setup.url}/setup/sites`, { method: 'POST', type: 'application/json', body: '{}' });
    expect(empty.status).toBe(400);
    expect(JSON.parse(empty.body).message).toBe('Hãy điền đủ địa chỉ máy chủ tỉnh, tên đăng nhập và mật khẩu.');
    const wrongUrl = await request(`${setup.url}/setup/sites`, {
      method: 'POST',
      type: 'application/json',
      body: JSON.stringify({ upstream: 'boiduong tinh', username: 'gs', password: 'mk' }),
    });
    expect(wrongUrl.status).toBe(400);
    expect(JSON.parse(wrongUrl.body).message).toContain('Địa chỉ máy chủ tỉnh không hợp lệ');
  });
});
