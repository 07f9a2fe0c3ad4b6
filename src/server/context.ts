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
}

export function nowIso(ctx: { clock: Clock }): string {
  return ctx.clock.now().toISOString();
}
