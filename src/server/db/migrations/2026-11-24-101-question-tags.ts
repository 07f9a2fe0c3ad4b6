import { Kysely } from 'kysely';
import { withId } from './dialect.ts';

/** Tags of a question, one row each, so that a tag filter is an indexed equality on both dialects. */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('question_tags'))
    .addColumn('question_id', 'integer', (c) => c.notNull().references('questions.id'))
    .addColumn('tag', 'text', (c) => c.notNull())
    /** fold(tag): the filter compares on it, and a question has a tag once whatever its case or diacritics. */
    .addColumn('tag_folded', 'text', (c) => c.notNull())
    .addUniqueConstraint('question_tags_unique', ['question_id', 'tag_folded'])
    .execute();
  await db.schema.createIndex('question_tags_folded_idx').on('question_tags').columns(['tag_folded', 'question_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('question_tags').execute();
}
