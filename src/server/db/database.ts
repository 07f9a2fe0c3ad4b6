import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import type { Database } from './schema.ts';
import { migrationProvider } from './migrations/index.ts';
import { exclusively, LOCKS } from './exclusive.ts';
import { startCheckpointer } from './sqlite-checkpointer.ts';
import { fileSyncer, GroupSync } from './group-sync.ts';
import { markUnavailable } from './unavailable.ts';
import { prepareStatementsOn } from './pg-prepared.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Executor = Kysely<Database> | Transaction<Database>;

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  /** The SQLite file, for online backups; undefined on PostgreSQL. */
  sqlite?: SQLite.Database;
  /**
   * Resolves once every commit made before the call survives a power cut: the server's group commit on SQLite; at once
   * on PostgreSQL (its commit waits for its log) and for one-shot commands (they commit with synchronous=FULL).
   */
  durable(): Promise<void>;
  destroy(): Promise<void>;
}

const durableAlready = () => Promise.resolve();

const pools = new WeakMap<Db, pg.Pool>();

/**
 * The PostgreSQL pool under a Kysely instance, for the few hot paths that send several statements in one round trip
 * (Kysely sends one statement per message); undefined on SQLite.
 */
export function pgPoolOf(db: Db): pg.Pool | undefined {
  return pools.get(db);
}

// PostgreSQL returns COUNT(*) and BIGINT as strings; every id and count here fits a number.
pg.types.setTypeParser(20, (value) => Number(value));

export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'boiduong.sqlite');
}

export function openDatabase(options: {
  dataDir: string;
  databaseUrl?: string;
  poolSize?: number;
  /** PostgreSQL's statement_timeout for every connection of the pool (0 or absent: none). */
  statementTimeoutMs?: number;
  /**
   * The server: checkpoints SQLite's log from a worker thread and commits in groups (see GroupSync); one-shot commands
   * leave checkpoints to SQLite and sync every commit.
   */
  checkpointInBackground?: boolean;
}): DatabaseHandle {
  if (options.databaseUrl) {
    const pool = openPool(options.databaseUrl, options.poolSize ?? 10, options.statementTimeoutMs ?? 0);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    pools.set(db, pool);
    return { db, dialect: 'postgres', durable: durableAlready, destroy: () => db.destroy() };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = sqliteFile(options.dataDir);
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(options.checkpointInBackground ? 'synchronous = NORMAL' : 'synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const checkpointer = options.checkpointInBackground ? startCheckpointer(sqlite, file) : null;
  const syncer = options.checkpointInBackground ? fileSyncer(`${file}-wal`) : null;
  const group = syncer ? new GroupSync(() => syncer.sync()) : null;
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    durable: group ? () => group.sync() : durableAlready,
    destroy: async () => {
      await checkpointer?.stop();
      await db.destroy();
      await syncer?.stop();
    },
  };
}

let lastWarning = 0;

/** One line at most every 10 s: a failover drops every connection at once. */
function warnThrottled(message: string) {
  const now = Date.now();
  if (now - lastWarning < 10_000) return;
  lastWarning = now;
  process.emitWarning(message);
}

/**
 * A pool that survives the database going away (restart, failover, network cut): every client has an error handler
 * (an unhandled 'error' on a checked-out client would end the process), a connection that fails is dropped and the
 * next request opens a new one, and a failure to connect is marked so that the caller answers 503.
 */
function openPool(connectionString: string, max: number, statementTimeoutMs: number): pg.Pool {
  // A request waits at most 5 s for a connection, then answers 503.
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5000,
    keepAlive: true,
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
  });
  pool.on('error', (err) => warnThrottled(`PostgreSQL: kết nối rảnh bị đóng (${err.message})`));
  pool.on('connect', (client) => {
    client.on('error', (err) => warnThrottled(`PostgreSQL: mất kết nối đang dùng (${err.message})`));
    prepareStatementsOn(client);
  });
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  (pool as { connect: () => Promise<pg.PoolClient> }).connect = async () => {
    try {
      return await connect();
    } catch (error) {
      throw markUnavailable(error);
    }
  };
  return pool;
}

/**
 * Kysely prepares every query anew; preparing costs as much as running a small one, so hot queries (an answer save, a
 * session) reuse their prepared statement. Bounded: queries with IN lists of varying length each have their own text.
 */
function withStatementCache(sqlite: SQLite.Database, capacity = 500) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (statements.size >= capacity) statements.delete(statements.keys().next().value as string);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/**
 * Safe when several processes start at once. PostgreSQL: Kysely's migrator holds an advisory lock in its transaction.
 * SQLite: its migrator takes no lock and no transaction (it assumes no transactional DDL), so two processes on a fresh
 * file both created the tables and one died; the whole run holds the file's write lock (BEGIN IMMEDIATE), taken only
 * when something is pending, and the run is atomic.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const run = async (on: Db) => {
    const { error, results } = await new Migrator({
      db: on,
      provider: migrationProvider,
      disableTransactions: !isPostgresDb(on),
    }).migrateToLatest();
    if (error) throw error;
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  };
  if (isPostgresDb(db)) return run(db);
  const pending = (await new Migrator({ db, provider: migrationProvider }).getMigrations()).some((m) => !m.executedAt);
  if (!pending) return [];
  // Pending under the lock is checked again by the migrator itself: a process that waited finds nothing to do.
  return exclusively(db, LOCKS.migrations, run);
}

const isPostgresDb = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;
