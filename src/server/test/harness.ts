import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse, RouteOptions } from 'fastify';
import { loadConfig } from '../../config.ts';
import { buildApp } from '../app.ts';
import { ensureRootUnit } from '../bootstrap.ts';
import { systemClock, type AppContext, type Clock } from '../context.ts';
import { migrateToLatest, openDatabase, type Dialect } from '../db/database.ts';
import { auditResponses } from './response-audit.ts';

export const DIALECTS: Dialect[] = (process.env.TEST_DIALECTS ?? 'sqlite,postgres')
  .split(',')
  .map((d) => d.trim())
  .filter((d): d is Dialect => d === 'sqlite' || d === 'postgres');

export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestEnv {
  ctx: AppContext;
  app: FastifyInstance;
  dataDir: string;
  close(): Promise<void>;
}

export async function createPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bd_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // Without FORCE first: terminating a connection the pool is still closing would surface as an unhandled error.
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      for (let attempt = 0; ; attempt++) {
        try {
          await c.query(`drop database if exists ${name}${attempt >= 50 ? ' with (force)' : ''}`);
          break;
        } catch (err) {
          if ((err as { code?: string }).code !== '55006' || attempt >= 50) throw err;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await c.end();
    },
  };
}

/** A migrated database of the dialect (a temporary SQLite file or a fresh PostgreSQL database) and an app on it. */
export async function createTestEnv(
  dialect: Dialect,
  options: { clock?: Clock; onRoute?: (route: RouteOptions) => void } = {},
): Promise<TestEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-test-'));
  const pgDb = dialect === 'postgres' ? await createPgDatabase() : undefined;
  const config = { ...loadConfig({}), dataDir, databaseUrl: pgDb?.url, logLevel: 'silent' };
  const handle = openDatabase({ ...config, poolSize: 4 });
  await migrateToLatest(handle.db);
  const ctx: AppContext = { db: handle.db, dialect, config, clock: options.clock ?? systemClock };
  await ensureRootUnit(ctx);
  const app = await buildApp(ctx, {
    serveWeb: false,
    onRoute: (route) => {
      auditResponses(route);
      options.onRoute?.(route);
    },
  });
  return {
    ctx,
    app,
    dataDir,
    close: async () => {
      await app.close();
      await handle.destroy();
      await pgDb?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs a suite once per dialect, as Kysely's own tests do. */
export function describeEachDialect(name: string, suite: (dialect: Dialect) => void) {
  for (const dialect of DIALECTS) describe(`${name} [${dialect}]`, () => suite(dialect));
}

export interface Session {
  cookie: string;
  csrf: string;
  request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookies = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = res.json().csrfToken as string;
  return {
    cookie: cookies,
    csrf,
    request: (method, url, body) =>
      app.inject({
        method,
        url,
        payload: body as object | undefined,
        headers: { cookie: cookies, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }) },
      }),
  };
}

/** A multipart/form-data body with one file field named "file", for app.inject. */
export function multipartFile(file: Uint8Array | string, fileName: string, contentType = 'application/octet-stream') {
  const boundary = '----boiduong-test';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(file), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** POSTs a file as the session's user. */
export function uploadAs(app: FastifyInstance, session: Session, url: string, file: Uint8Array | string, fileName: string) {
  const body = multipartFile(file, fileName);
  return app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': body.contentType },
  });
}

/** The final line of a streamed (NDJSON) answer: { result } or { error }. */
export function ndjsonResult(res: LightMyRequestResponse): { result?: any; error?: { code: string; message: string; details?: any } } {
  const lines = res.body
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  return lines[lines.length - 1];
}

/** Polls until the probe gives a value (a background loop's effect), or fails naming what it waited for. */
export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
