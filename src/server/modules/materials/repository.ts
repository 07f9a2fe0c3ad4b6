import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

export function findMaterial(db: Executor, id: number) {
  return db.selectFrom('materials').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMaterial(
  db: Executor,
  row: {
    campaign_id: number | null;
    event_id: number | null;
    topic_id: number | null;
    title: string;
    kind: 'file' | 'link';
    url: string | null;
    storage_key: string | null;
    file_name: string | null;
    content_type: string | null;
    size: number | null;
    created_by: number | null;
    created_at: string;
  },
) {
  const { id } = await db.insertInto('materials').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function deleteMaterial(db: Executor, id: number) {
  await db.deleteFrom('material_opens').where('material_id', '=', id).execute();
  await db.deleteFrom('materials').where('id', '=', id).execute();
}

/** Materials of a campaign or an event with how many people opened each and how often. */
export function materialsOf(db: Executor, owner: { campaignId?: number; eventId?: number }) {
  let query = db
    .selectFrom('materials')
    .leftJoin('campaign_topics', 'campaign_topics.id', 'materials.topic_id')
    .select([
      'materials.id',
      'materials.title',
      'materials.kind',
      'materials.url',
      'materials.file_name',
      'materials.content_type',
      'materials.size',
      'materials.topic_id',
      'materials.created_at',
      'campaign_topics.name as topic_name',
      (eb) =>
        eb
          .selectFrom('material_opens')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('material_opens.material_id', '=', 'materials.id')
          .as('readers'),
      (eb) =>
        eb
          .selectFrom('material_opens')
          .select((e) => e.fn.coalesce(e.fn.sum<number>('count'), sql<number>`0`).as('n'))
          .whereRef('material_opens.material_id', '=', 'materials.id')
          .as('opens'),
    ]);
  if (owner.campaignId !== undefined) query = query.where('materials.campaign_id', '=', owner.campaignId);
  if (owner.eventId !== undefined) query = query.where('materials.event_id', '=', owner.eventId);
  return query
    .orderBy(sql`coalesce(campaign_topics.position, 0)`)
    .orderBy('materials.id')
    .execute();
}

/** Counts one opening by a user: the first time a reader row, then its counter. */
export async function recordOpen(db: Executor, materialId: number, userId: number, at: string) {
  await db
    .insertInto('material_opens')
    .values({ material_id: materialId, user_id: userId, first_at: at, last_at: at, count: 1 })
    .onConflict((oc) => oc.columns(['material_id', 'user_id']).doUpdateSet({ last_at: at, count: sql`material_opens.count + 1` }))
    .execute();
}

/** Is the person taking part in the campaign: participant, proctor of one of its sites, or lecturer of a topic or session? */
export async function personInCampaign(db: Executor, campaignId: number, personId: number) {
  const participant = await db
    .selectFrom('site_participants')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (participant) return true;
  const proctor = await db
    .selectFrom('site_proctors')
    .innerJoin('sites', 'sites.id', 'site_proctors.site_id')
    .select('sites.id')
    .where('sites.campaign_id', '=', campaignId)
    .where('site_proctors.person_id', '=', personId)
    .executeTakeFirst();
  if (proctor) return true;
  const lecturer = await db
    .selectFrom('lecturers')
    .select('lecturers.id')
    .where('lecturers.person_id', '=', personId)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('campaign_topics')
            .select('campaign_topics.id')
            .whereRef('campaign_topics.lecturer_id', '=', 'lecturers.id')
            .where('campaign_topics.campaign_id', '=', campaignId),
        ),
        eb.exists(
          eb
            .selectFrom('training_sessions')
            .innerJoin('sites', 'sites.id', 'training_sessions.site_id')
            .select('training_sessions.id')
            .whereRef('training_sessions.lecturer_id', '=', 'lecturers.id')
            .where('sites.campaign_id', '=', campaignId),
        ),
      ]),
    )
    .executeTakeFirst();
  return Boolean(lecturer);
}
