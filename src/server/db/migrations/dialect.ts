import { Kysely, PostgresAdapter, sql, type ColumnDefinitionBuilder, type CreateTableBuilder } from 'kysely';

// Migrations import nothing from the app: this is their only helper.
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An auto-increment integer primary key on both dialects. */
export function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  return isPostgres(db)
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Text compared byte by byte (sort keys): COLLATE "C" on PostgreSQL, SQLite's default. */
export function binaryText(db: Kysely<any>, more: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder = (c) => c) {
  return (c: ColumnDefinitionBuilder) => more(isPostgres(db) ? c.modifyEnd(sql`collate "C"`) : c);
}

/** Binary data: BLOB on SQLite, BYTEA on PostgreSQL. */
export function binaryType(db: Kysely<any>): 'bytea' | 'blob' {
  return isPostgres(db) ? 'bytea' : 'blob';
}
