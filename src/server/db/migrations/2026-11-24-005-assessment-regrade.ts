import { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  /** Set when an organiser corrected a key and every score was recomputed: reports say so. */
  await db.schema.alterTable('assessments').addColumn('regraded_at', 'text').execute();
  /** An earlier assessment (e.g. the same campaign last year) whose figures the statistics set beside these. */
  await db.schema.alterTable('assessments').addColumn('compare_with_id', 'integer').execute();
  /** The statistics and results stream an assessment's submitted attempts in id order. */
  await db.schema.createIndex('attempts_graded_idx').on('attempts').columns(['assessment_id', 'status', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('attempts_graded_idx').execute();
  await db.schema.alterTable('assessments').dropColumn('compare_with_id').execute();
  await db.schema.alterTable('assessments').dropColumn('regraded_at').execute();
}
