import { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  /** The job title as written in the roster ("Tổ trưởng chuyên môn"); position stays the category statistics count. */
  await db.schema.alterTable('people').addColumn('title', 'text').execute();
  /** Titles the organisers mapped to a category in an import's preview, remembered for later imports. */
  await db.schema
    .createTable('position_titles')
    .addColumn('title_key', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('position_titles').execute();
  await db.schema.alterTable('people').dropColumn('title').execute();
}
