import { loadConfig, type AppConfig } from '../config.ts';
import type { Actor } from '../domain/roles.ts';
import { ensureRootUnit } from '../server/bootstrap.ts';
import { systemClock, type AppContext } from '../server/context.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../server/db/database.ts';
import { findUnitByCode } from '../server/modules/units/repository.ts';
import type { UnitRow } from '../server/db/schema.ts';

/** A failure the command explains in one Vietnamese line (exit code 1). */
export class CliError extends Error {}

/** The command was used wrongly: a missing or malformed argument, an unknown option or command (exit code 2). */
export class UsageError extends CliError {}

/** Opens and migrates the configured database for a one-shot command. */
export async function withContext<T>(
  fn: (ctx: AppContext, handle: DatabaseHandle) => Promise<T>,
  config: AppConfig = loadConfig(),
): Promise<T> {
  const handle = openDatabase(config);
  try {
    await migrateToLatest(handle.db);
    const ctx: AppContext = { db: handle.db, dialect: handle.dialect, config, clock: systemClock };
    await ensureRootUnit(ctx);
    return await fn(ctx, handle);
  } finally {
    await handle.destroy();
  }
}

/** The command line acts as the system: an administrator of the whole tree; its audit entries have no user. */
export async function systemActor(ctx: AppContext): Promise<Actor> {
  const root = await ensureRootUnit(ctx);
  return { userId: 0, personId: null, username: 'system', grants: [{ role: 'admin', unitId: root.id, unitPath: root.path }] };
}

export async function unitByCodeOrRoot(ctx: AppContext, code: string | undefined): Promise<UnitRow> {
  if (!code) return ensureRootUnit(ctx);
  const unit = await findUnitByCode(ctx.db, code.trim().toUpperCase());
  if (!unit) throw new CliError(`Không tìm thấy đơn vị có mã ${code}.`);
  return unit;
}
