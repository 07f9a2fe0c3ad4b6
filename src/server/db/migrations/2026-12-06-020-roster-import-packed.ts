import { Kysely } from 'kysely';
import { binaryType } from './dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  /** The previewed records, JSON gzipped by the parsing child: storing 7 MB of text held the event loop. */
  await db.schema.alterTable('roster_imports').addColumn('rows_packed', binaryType(db)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('roster_imports').dropColumn('rows_packed').execute();
}
