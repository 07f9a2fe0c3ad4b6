/**
 * Work that two processes must not do side by side (several servers starting on one fresh database): both would
 * migrate, create a root unit, create the first administrator and print its password, and only one would work.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Keys of PostgreSQL advisory locks (one bigint space per database). On PostgreSQL migrations hold Kysely's own lock;
 * `migrations` names the SQLite run, where BEGIN IMMEDIATE needs no key.
 */
export const LOCKS = { bootstrap: 2_026_112_301, migrations: 2_026_112_302 } as const;

const isPostgres = <DB>(db: Kysely<DB>) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Runs fn in one transaction that no other process runs exclusive work beside, and returns its result:
 * - PostgreSQL: a transaction-scoped advisory lock (pg_advisory_xact_lock), released by the commit or rollback;
 * - SQLite: BEGIN IMMEDIATE, the database file's write lock (so the check inside fn sees the other process's commit).
 * Given a transaction (a caller's own), fn runs in it, under the PostgreSQL lock.
 */
export async function exclusively<DB, T>(db: Kysely<DB>, lock: number, fn: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  if (isPostgres(db)) {
    const locked = async (trx: Kysely<DB>) => {
      await sql`select pg_advisory_xact_lock(${lock}::bigint)`.execute(trx);
      return fn(trx);
    };
    return db.isTransaction ? locked(db) : db.transaction().execute(locked);
  }
  if (db.isTransaction) return fn(db);
  return db.connection().execute(async (conn) => {
    await beginImmediate(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw err;
    }
  });
}

/** BEGIN IMMEDIATE waits busy_timeout for the write lock; a long migration elsewhere may hold it longer: wait on (5 min). */
async function beginImmediate<DB>(conn: Kysely<DB>) {
  for (let attempt = 0; ; attempt++) {
    try {
      await sql`begin immediate`.execute(conn);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY' || attempt >= 60) throw err;
    }
  }
}
