import { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  /**
   * Minutes added to the person's time in every survey (a disability, a known slow connection): 0–240, set in the
   * person form or the roster import's optional column. A survey's own setting for the person (below) takes precedence.
   */
  await db.schema
    .alterTable('people')
    .addColumn('extra_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  /** The extra minutes of one person in one survey, set before they start; 0 withdraws the person's default there. */
  await db.schema
    .createTable('assessment_extra_time')
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('set_by', 'integer')
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_extra_time_pk', ['assessment_id', 'person_id'])
    .execute();
  await db.schema.createIndex('assessment_extra_time_person_idx').on('assessment_extra_time').column('person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assessment_extra_time').execute();
  await db.schema.alterTable('people').dropColumn('extra_minutes').execute();
}
