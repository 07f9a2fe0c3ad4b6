import { Kysely } from 'kysely';
import { withId } from './dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('question_banks'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('question_banks_unit_idx').on('question_banks').column('unit_id').execute();

  await withId(db, db.schema.createTable('question_bank_shares'))
    .addColumn('bank_id', 'integer', (c) => c.notNull().references('question_banks.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('granted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('question_bank_shares_unique', ['bank_id', 'unit_id'])
    .execute();

  await withId(db, db.schema.createTable('topics'))
    .addColumn('bank_id', 'integer', (c) => c.notNull().references('question_banks.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('material_url', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('topics_bank_name_unique', ['bank_id', 'name_folded'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['topics', 'question_bank_shares', 'question_banks']) await db.schema.dropTable(table).execute();
}
