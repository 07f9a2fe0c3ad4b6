import type { Executor } from '../../db/database.ts';

export function myAssignments(db: Executor, personId: number) {
  return db
    .selectFrom('site_participants')
    .innerJoin('sites', 'sites.id', 'site_participants.site_id')
    .innerJoin('campaigns', 'campaigns.id', 'site_participants.campaign_id')
    .select([
      'campaigns.id as campaign_id',
      'campaigns.name as campaign_name',
      'campaigns.school_year',
      'campaigns.starts_on',
      'campaigns.ends_on',
      'sites.id as site_id',
      'sites.name as site_name',
      'sites.address',
      'sites.online_url',
    ])
    .where('site_participants.person_id', '=', personId)
    .orderBy('campaigns.starts_on', 'desc')
    .execute();
}

export function myMarks(db: Executor, personId: number, sessionIds: number[]) {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('attendance')
    .select(['session_id', 'status'])
    .where('person_id', '=', personId)
    .where('session_id', 'in', sessionIds)
    .execute();
}

export function proctoredSites(db: Executor, personId: number) {
  return db
    .selectFrom('site_proctors')
    .innerJoin('sites', 'sites.id', 'site_proctors.site_id')
    .innerJoin('campaigns', 'campaigns.id', 'sites.campaign_id')
    .select(['sites.id as site_id', 'sites.name as site_name', 'campaigns.id as campaign_id', 'campaigns.name as campaign_name'])
    .where('site_proctors.person_id', '=', personId)
    .orderBy('campaigns.starts_on', 'desc')
    .execute();
}

/** Campaign sessions taught by the person's lecturer records. */
export function lecturingSessions(db: Executor, personId: number) {
  return db
    .selectFrom('training_sessions')
    .innerJoin('lecturers', 'lecturers.id', 'training_sessions.lecturer_id')
    .innerJoin('sites', 'sites.id', 'training_sessions.site_id')
    .innerJoin('campaigns', 'campaigns.id', 'sites.campaign_id')
    .leftJoin('campaign_topics', 'campaign_topics.id', 'training_sessions.topic_id')
    .select([
      'training_sessions.id',
      'training_sessions.date',
      'training_sessions.starts_at',
      'training_sessions.ends_at',
      'sites.name as site_name',
      'sites.address',
      'sites.online_url',
      'campaigns.id as campaign_id',
      'campaigns.name as campaign_name',
      'campaign_topics.name as topic_name',
    ])
    .where('lecturers.person_id', '=', personId)
    .orderBy('training_sessions.date')
    .orderBy('training_sessions.starts_at')
    .execute();
}

/** Political centres' class sessions taught by the person's lecturer records. */
export function lecturingClassSessions(db: Executor, personId: number) {
  return db
    .selectFrom('class_sessions')
    .innerJoin('lecturers', 'lecturers.id', 'class_sessions.lecturer_id')
    .innerJoin('training_classes', 'training_classes.id', 'class_sessions.class_id')
    .innerJoin('units', 'units.id', 'training_classes.unit_id')
    .select([
      'class_sessions.id',
      'class_sessions.date',
      'class_sessions.half',
      'class_sessions.topic',
      'training_classes.name as class_name',
      'training_classes.location',
      'units.name as unit_name',
    ])
    .where('lecturers.person_id', '=', personId)
    .orderBy('class_sessions.date')
    .execute();
}
