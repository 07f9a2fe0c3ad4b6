import { Kysely } from 'kysely';
import { withId } from './dialect.ts';

/** Campaigns with their topics, materials, lecturers, sites, sessions and attendance. */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('campaigns'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('school_year', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('description', 'text')
    /** Share of the site's sessions (present or late) needed to take the campaign's survey; null: no rule. */
    .addColumn('attendance_required_percent', 'integer')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaigns_unit_idx').on('campaigns').column('unit_id').execute();

  /** Who must attend: a unit subtree, optionally only some positions (comma-separated). */
  await withId(db, db.schema.createTable('campaign_targets'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('positions', 'text')
    .execute();

  /** Lecturers (báo cáo viên), inside the roster (person_id) or outside it; owned by a unit. */
  await withId(db, db.schema.createTable('lecturers'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('workplace', 'text')
    /** full_time | part_time (kiêm nhiệm) */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('lecturers_person_idx').on('lecturers').column('person_id').execute();

  await withId(db, db.schema.createTable('campaign_topics'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('lecturer_id', 'integer', (c) => c.references('lecturers.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('campaign_topics_unique', ['campaign_id', 'name_folded'])
    .execute();

  /** A file (stored under a generated key) or a link; attached to a campaign (optionally a topic) or an event. */
  await withId(db, db.schema.createTable('materials'))
    .addColumn('campaign_id', 'integer', (c) => c.references('campaigns.id'))
    .addColumn('topic_id', 'integer', (c) => c.references('campaign_topics.id'))
    .addColumn('event_id', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('storage_key', 'text')
    .addColumn('file_name', 'text')
    .addColumn('content_type', 'text')
    .addColumn('size', 'integer')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('materials_campaign_idx').on('materials').column('campaign_id').execute();

  await withId(db, db.schema.createTable('material_opens'))
    .addColumn('material_id', 'integer', (c) => c.notNull().references('materials.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addUniqueConstraint('material_opens_unique', ['material_id', 'user_id'])
    .execute();

  await withId(db, db.schema.createTable('sites'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('capacity', 'integer')
    .addColumn('online_url', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sites_campaign_idx').on('sites').column('campaign_id').execute();

  await withId(db, db.schema.createTable('site_proctors'))
    .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addUniqueConstraint('site_proctors_unique', ['site_id', 'person_id'])
    .execute();

  /** One site per person and campaign: moving a person is one UPDATE of site_id. */
  await withId(db, db.schema.createTable('site_participants'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addUniqueConstraint('site_participants_unique', ['campaign_id', 'person_id'])
    .execute();
  await db.schema.createIndex('site_participants_site_idx').on('site_participants').column('site_id').execute();
  await db.schema.createIndex('site_participants_person_idx').on('site_participants').column('person_id').execute();

  /** A session at a site: local date and times (Asia/Ho_Chi_Minh), a topic and a lecturer. */
  await withId(db, db.schema.createTable('training_sessions'))
    .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('topic_id', 'integer', (c) => c.references('campaign_topics.id'))
    .addColumn('lecturer_id', 'integer', (c) => c.references('lecturers.id'))
    .addColumn('note', 'text')
    /** Self check-in code shown at the site; unique while it can be used. */
    .addColumn('checkin_code', 'text', (c) => c.unique())
    .execute();
  await db.schema.createIndex('training_sessions_site_idx').on('training_sessions').columns(['site_id', 'date']).execute();

  await withId(db, db.schema.createTable('attendance'))
    .addColumn('session_id', 'integer', (c) => c.notNull().references('training_sessions.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    /** present | late | absent */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    /** proctor | self */
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('marked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('attendance_unique', ['session_id', 'person_id'])
    .execute();
  await db.schema.createIndex('attendance_person_idx').on('attendance').column('person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'attendance',
    'training_sessions',
    'site_participants',
    'site_proctors',
    'sites',
    'material_opens',
    'materials',
    'campaign_topics',
    'lecturers',
    'campaign_targets',
    'campaigns',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
