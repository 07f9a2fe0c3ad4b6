import { Kysely } from 'kysely';
import { withId } from './dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('assessments'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('bank_id', 'integer', (c) => c.notNull().references('question_banks.id'))
    .addColumn('campaign_id', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('instructions', 'text')
    .addColumn('duration_min', 'integer', (c) => c.notNull())
    .addColumn('question_count', 'integer', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('attempts_allowed', 'integer', (c) => c.notNull())
    /** { mode: 'fixed', questionIds } | { mode: 'rules', rules: [{ topicId, difficulty, count }] } */
    .addColumn('selection_json', 'text', (c) => c.notNull())
    /** 'fixed': variant_count codes 101, 102, …; 'per_person': one variant built at each start. */
    .addColumn('variant_mode', 'text', (c) => c.notNull())
    .addColumn('variant_count', 'integer', (c) => c.notNull())
    .addColumn('shuffle_questions', 'integer', (c) => c.notNull())
    .addColumn('shuffle_options', 'integer', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull())
    /** { decimals, bands: [{ label, min }] } */
    .addColumn('scoring_json', 'text', (c) => c.notNull())
    /** { score, answers, key }: 'immediately' | 'after_close' | 'never' */
    .addColumn('review_json', 'text', (c) => c.notNull())
    .addColumn('grace_seconds', 'integer', (c) => c.notNull())
    /** draft → published; a published assessment's questions and variants never change. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessments_unit_idx').on('assessments').column('unit_id').execute();

  await db.schema
    .createTable('assessment_targets')
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('assessment_targets_pk', ['assessment_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('assessment_invitees')
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addPrimaryKeyConstraint('assessment_invitees_pk', ['assessment_id', 'person_id'])
    .execute();
  await db.schema.createIndex('assessment_invitees_person_idx').on('assessment_invitees').column('person_id').execute();

  /** The selected questions frozen at publish, in canonical order: results and item analysis refer to these. */
  await db.schema
    .createTable('assessment_questions')
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('question_id', 'integer', (c) => c.notNull().references('questions.id'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('question_versions.id'))
    /** The key as published; a regrade changes it here (audited) and every score follows. */
    .addColumn('correct_index', 'integer', (c) => c.notNull())
    .addColumn('option_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_questions_pk', ['assessment_id', 'ordinal'])
    .execute();
  await db.schema.createIndex('assessment_questions_version_idx').on('assessment_questions').column('version_id').execute();

  await withId(db, db.schema.createTable('assessment_variants'))
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    /** [{ ordinal, optionOrder }] in display order; ordinal refers to assessment_questions. */
    .addColumn('items_json', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_variants_code', ['assessment_id', 'code'])
    .execute();

  await withId(db, db.schema.createTable('attempts'))
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('attempt_no', 'integer', (c) => c.notNull())
    .addColumn('variant_id', 'integer', (c) => c.notNull().references('assessment_variants.id'))
    /** in_progress | submitted | voided */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('deadline_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    /** participant | deadline (the page at the deadline) | server (closed by the server after the grace) */
    .addColumn('submit_kind', 'text')
    .addColumn('answered_count', 'integer')
    .addColumn('correct_count', 'integer')
    .addColumn('score', 'double precision')
    .addColumn('band', 'text')
    /** Per canonical question, the original option letter chosen ('A'..'H') or '-': what regrading and statistics read. */
    .addColumn('responses', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_ip', 'text')
    .addColumn('client_id', 'text')
    .addColumn('ip_changes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('second_client_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('blur_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('blur_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('attempts_unique', ['assessment_id', 'person_id', 'attempt_no'])
    .execute();
  await db.schema.createIndex('attempts_person_idx').on('attempts').column('person_id').execute();
  await db.schema.createIndex('attempts_open_idx').on('attempts').columns(['status', 'deadline_at']).execute();

  await db.schema
    .createTable('attempt_answers')
    .addColumn('attempt_id', 'integer', (c) => c.notNull().references('attempts.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    /** Display position chosen in the attempt's variant; null = cleared. */
    .addColumn('choice', 'integer')
    .addColumn('flagged', 'integer', (c) => c.notNull().defaultTo(0))
    /** The client's per-attempt sequence number: the highest wins, replays are no-ops. */
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attempt_answers_pk', ['attempt_id', 'position'])
    .execute();

  await withId(db, db.schema.createTable('attempt_events'))
    .addColumn('attempt_id', 'integer', (c) => c.notNull().references('attempts.id'))
    /** start | blur | ip_change | second_client | submit | extend | reopen | void */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('actor_user_id', 'integer')
    .execute();
  await db.schema.createIndex('attempt_events_attempt_idx').on('attempt_events').column('attempt_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'attempt_events',
    'attempt_answers',
    'attempts',
    'assessment_variants',
    'assessment_questions',
    'assessment_invitees',
    'assessment_targets',
    'assessments',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
