import { Kysely } from 'kysely';
import { binaryType, withId } from './dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('question_images'))
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('data', binaryType(db), (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('questions'))
    .addColumn('bank_id', 'integer', (c) => c.notNull().references('question_banks.id'))
    .addColumn('topic_id', 'integer', (c) => c.references('topics.id'))
    .addColumn('difficulty', 'text')
    .addColumn('tags', 'text')
    .addColumn('source', 'text')
    .addColumn('current_version', 'integer', (c) => c.notNull())
    /** Folded stem and options: what the diacritics-insensitive search reads. */
    .addColumn('search_folded', 'text', (c) => c.notNull())
    /** Folded stem without punctuation: two questions with the same key are likely duplicates. */
    .addColumn('duplicate_key', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('questions_bank_idx').on('questions').columns(['bank_id', 'topic_id']).execute();
  await db.schema.createIndex('questions_duplicate_idx').on('questions').columns(['bank_id', 'duplicate_key']).execute();

  await withId(db, db.schema.createTable('question_versions'))
    .addColumn('question_id', 'integer', (c) => c.notNull().references('questions.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    /** { stem, stemImages: [imageId], options: [{ text, pinned, images: [imageId] }] } */
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('correct_index', 'integer', (c) => c.notNull())
    /** 1 once a published assessment uses this version: it is never edited again. */
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('question_versions_unique', ['question_id', 'version'])
    .execute();

  await withId(db, db.schema.createTable('question_imports'))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('bank_id', 'integer', (c) => c.notNull().references('question_banks.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['question_imports', 'question_versions', 'questions', 'question_images']) {
    await db.schema.dropTable(table).execute();
  }
}
