import { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  /** Bumped by every stored change of the answer: a device's change counts only if it had seen the stored version. */
  await db.schema
    .alterTable('attempt_answers')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  /** The device that stored the answer (its own counter is `seq`); null for answers stored before versions. */
  await db.schema.alterTable('attempt_answers').addColumn('writer', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attempt_answers').dropColumn('writer').execute();
  await db.schema.alterTable('attempt_answers').dropColumn('version').execute();
}
