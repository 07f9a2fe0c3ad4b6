import { Kysely } from 'kysely';
import { withId } from './dialect.ts';

/**
 * Images uploaded into a bank from the question editor. Images are stored once per content (SHA-256) for all banks,
 * so an editor may only place an image that is already in the question or was uploaded into the question's bank.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('bank_images'))
    .addColumn('bank_id', 'integer', (c) => c.notNull().references('question_banks.id'))
    .addColumn('image_id', 'integer', (c) => c.notNull().references('question_images.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('bank_images_unique', ['bank_id', 'image_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bank_images').execute();
}
