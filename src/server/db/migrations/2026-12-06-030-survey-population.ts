import { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  /**
   * One row per assessment whose population was frozen when its window closed: the primary key makes the freeze happen
   * once however many processes try; official figures of the assessment are read from assessment_population from then on.
   */
  await db.schema
    .createTable('assessment_population_freezes')
    .addColumn('assessment_id', 'integer', (c) => c.primaryKey().references('assessments.id'))
    .addColumn('frozen_at', 'text', (c) => c.notNull())
    /** The closing instant the population was taken for (assessments.closes_at at the freeze). */
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('eligible_count', 'integer', (c) => c.notNull())
    .execute();

  /** Who had to take the assessment when it closed, with the unit, position and party membership of that moment. */
  await db.schema
    .createTable('assessment_population')
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('party_member', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_population_pk', ['assessment_id', 'person_id'])
    .execute();
  await db.schema.createIndex('assessment_population_unit_idx').on('assessment_population').columns(['assessment_id', 'unit_id']).execute();
  await db.schema.createIndex('assessment_population_unit_ref_idx').on('assessment_population').column('unit_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assessment_population').execute();
  await db.schema.dropTable('assessment_population_freezes').execute();
}
