import { Kysely } from 'kysely';
import { withId } from './dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  /** A laptop prepared to run the survey at a site (edge server): it signs its uploads with a token the province hashed. */
  await withId(db, db.schema.createTable('edges'))
    .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_contact_at', 'text')
    .addColumn('clock_offset_ms', 'integer')
    .addColumn('reported_pending', 'integer')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('edges_site_idx').on('edges').column('site_id').execute();

  /** Which edge a person's attempt at a survey lives on: the province refuses to start it while the lease stands. */
  await db.schema
    .createTable('edge_leases')
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('edge_id', 'integer', (c) => c.notNull().references('edges.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('edge_leases_pk', ['assessment_id', 'person_id'])
    .execute();
  await db.schema.createIndex('edge_leases_edge_idx').on('edge_leases').column('edge_id').execute();

  /** An attempt started on an edge, by the edge's own id: what makes a re-sent start apply once. */
  await db.schema
    .createTable('edge_attempts')
    .addColumn('edge_id', 'integer', (c) => c.notNull().references('edges.id'))
    .addColumn('edge_attempt_id', 'integer', (c) => c.notNull())
    .addColumn('attempt_id', 'integer', (c) => c.notNull().unique().references('attempts.id'))
    .addPrimaryKeyConstraint('edge_attempts_pk', ['edge_id', 'edge_attempt_id'])
    .execute();

  /** On the edge itself (one row): who it is, where its province is, and how far the province has acknowledged. */
  await db.schema
    .createTable('edge_identity')
    .addColumn('edge_id', 'integer', (c) => c.primaryKey())
    .addColumn('site_id', 'integer', (c) => c.notNull())
    .addColumn('site_name', 'text', (c) => c.notNull())
    .addColumn('upstream', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('prepared_at', 'text', (c) => c.notNull())
    .addColumn('acked_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_sync_at', 'text')
    .addColumn('last_error', 'text')
    .execute();

  /** On the edge: every change to an attempt or its answers, in order (filled by triggers the edge's preparation adds). */
  await db.schema
    .createTable('edge_outbox')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('attempt_id', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['edge_outbox', 'edge_identity', 'edge_attempts', 'edge_leases', 'edges']) await db.schema.dropTable(table).execute();
}
