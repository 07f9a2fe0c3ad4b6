import type { AppConfig } from '../config.ts';
import type { Db, Dialect } from './db/database.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What every service needs: the database, its dialect, the configuration and the clock. */
export interface AppContext {
  db: Db;
  dialect: Dialect;
  config: AppConfig;
  clock: Clock;
  /** Resolves once what was committed survives a power cut (SQLite's group commit); replies to changes wait for it. */
  durable?: () => Promise<void>;
  /**
   * Where uploaded and CLI-read files are parsed (files/parse-upload.ts): 'child' — a child process with capped memory
   * and time, off the event loop (the server and the CLI) — or, when absent, in this process (tests through
   * app.inject, the parser's benchmark). The budgets of domain/files/limits.ts apply either way.
   */
  parseFiles?: 'child';
  /** Set when this server is a site's edge server (server/edge): it holds no key, so it closes attempts ungraded. */
  /** Set when this server is a site's edge server; `revoked` once its province refused its token (learnt at a sync). */
  edge?: { edgeId: number; siteName: string; revoked?: boolean };
}

export function nowIso(ctx: { clock: Clock }): string {
  return ctx.clock.now().toISOString();
}
