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
}

export function nowIso(ctx: { clock: Clock }): string {
  return ctx.clock.now().toISOString();
}
