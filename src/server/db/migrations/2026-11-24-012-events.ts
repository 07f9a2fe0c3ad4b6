import { Kysely } from 'kysely';
import { withId } from './dialect.ts';

/** Conferences and courses: invitation list from the roster, programme, attendance per half-day. */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('events'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    /** conference | course */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    /** Half-days held: 'both' | 'morning' | 'afternoon' (a half-day conference is one of the latter on one day). */
    .addColumn('halves', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('programme', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('event_invitees'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addUniqueConstraint('event_invitees_unique', ['event_id', 'person_id'])
    .execute();

  await withId(db, db.schema.createTable('event_attendance'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    /** morning | afternoon */
    .addColumn('half', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('marked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('event_attendance_unique', ['event_id', 'person_id', 'day', 'half'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['event_attendance', 'event_invitees', 'events']) await db.schema.dropTable(table).execute();
}
