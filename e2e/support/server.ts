import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import { startServer, type RunningServer } from '../../src/server/main.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The built app on a fresh SQLite database in a temporary folder, on a free port. */
export async function startTestServer(): Promise<RunningServer & { dataDir: string; stop(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-e2e-'));
  const config = { ...loadConfig({}), dataDir, port: 0, host: '127.0.0.1', logLevel: 'warn' };
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write; // the first-admin banner
  const server = await startServer(config, { handleSignals: false }).finally(() => {
    process.stdout.write = original;
  });
  return {
    ...server,
    dataDir,
    stop: async () => {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Không tìm thấy Chromium tại ${CHROMIUM_PATH}: cài bằng "apt-get install chromium" hoặc đặt CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
