import type { Executor } from '../../db/database.ts';

const CAMPAIGN_COLUMNS = [
  'campaigns.id',
  'campaigns.name',
  'campaigns.school_year',
  'campaigns.unit_id',
  'campaigns.starts_on',
  'campaigns.ends_on',
  'campaigns.description',
  'campaigns.attendance_required_percent',
  'units.name as unit_name',
  'units.path as unit_path',
] as const;

export function findCampaign(db: Executor, id: number) {
  return db
    .selectFrom('campaigns')
    .innerJoin('units', 'units.id', 'campaigns.unit_id')
    .select(CAMPAIGN_COLUMNS)
    .where('campaigns.id', '=', id)
    .executeTakeFirst();
}
export type CampaignRow = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

/** Campaigns owned in the scopes, or with a site or a participant there. */
export function campaignsVisibleFrom(db: Executor, scopePaths: string[]) {
  if (scopePaths.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('campaigns')
    .innerJoin('units', 'units.id', 'campaigns.unit_id')
    .select(CAMPAIGN_COLUMNS)
    .where((eb) =>
      eb.or([
        ...scopePaths.map((p) => eb('units.path', 'like', `${p}%`)),
        eb.exists(
          eb
            .selectFrom('sites')
            .innerJoin('units as su', 'su.id', 'sites.unit_id')
            .select('sites.id')
            .whereRef('sites.campaign_id', '=', 'campaigns.id')
            .where((inner) => inner.or(scopePaths.map((p) => inner('su.path', 'like', `${p}%`)))),
        ),
        eb.exists(
          eb
            .selectFrom('site_participants')
            .innerJoin('people', 'people.id', 'site_participants.person_id')
            .innerJoin('units as pu', 'pu.id', 'people.unit_id')
            .select('site_participants.id')
            .whereRef('site_participants.campaign_id', '=', 'campaigns.id')
            .where((inner) => inner.or(scopePaths.map((p) => inner('pu.path', 'like', `${p}%`)))),
        ),
      ]),
    )
    .orderBy('campaigns.starts_on', 'desc')
    .orderBy('campaigns.id', 'desc')
    .execute();
}

/** Does the campaign have a site or a participant inside one of the scopes? */
export async function campaignTouches(db: Executor, campaignId: number, scopePaths: string[]) {
  if (scopePaths.length === 0) return false;
  const site = await db
    .selectFrom('sites')
    .innerJoin('units', 'units.id', 'sites.unit_id')
    .select('sites.id')
    .where('sites.campaign_id', '=', campaignId)
    .where((eb) => eb.or(scopePaths.map((p) => eb('units.path', 'like', `${p}%`))))
    .executeTakeFirst();
  if (site) return true;
  const person = await db
    .selectFrom('site_participants')
    .innerJoin('people', 'people.id', 'site_participants.person_id')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select('site_participants.id')
    .where('site_participants.campaign_id', '=', campaignId)
    .where((eb) => eb.or(scopePaths.map((p) => eb('units.path', 'like', `${p}%`))))
    .executeTakeFirst();
  return Boolean(person);
}

export async function insertCampaign(
  db: Executor,
  row: {
    name: string;
    name_folded: string;
    school_year: string;
    unit_id: number;
    starts_on: string | null;
    ends_on: string | null;
    description: string | null;
    attendance_required_percent: number | null;
    created_by: number | null;
    at: string;
  },
) {
  const { at, ...rest } = row;
  const { id } = await db
    .insertInto('campaigns')
    .values({ ...rest, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateCampaign(
  db: Executor,
  id: number,
  changes: Partial<{
    name: string;
    name_folded: string;
    school_year: string;
    starts_on: string | null;
    ends_on: string | null;
    description: string | null;
    attendance_required_percent: number | null;
  }> & { updated_at: string },
) {
  await db.updateTable('campaigns').set(changes).where('id', '=', id).execute();
}

export function targetsOf(db: Executor, campaignId: number) {
  return db
    .selectFrom('campaign_targets')
    .innerJoin('units', 'units.id', 'campaign_targets.unit_id')
    .select(['campaign_targets.unit_id', 'campaign_targets.positions', 'units.name as unit_name', 'units.path as unit_path'])
    .where('campaign_id', '=', campaignId)
    .orderBy('campaign_targets.id')
    .execute();
}

export async function replaceTargets(db: Executor, campaignId: number, targets: { unit_id: number; positions: string | null }[]) {
  await db.deleteFrom('campaign_targets').where('campaign_id', '=', campaignId).execute();
  if (targets.length)
    await db
      .insertInto('campaign_targets')
      .values(targets.map((t) => ({ ...t, campaign_id: campaignId })))
      .execute();
}

export function topicsOf(db: Executor, campaignId: number) {
  return db
    .selectFrom('campaign_topics')
    .leftJoin('lecturers', 'lecturers.id', 'campaign_topics.lecturer_id')
    .select([
      'campaign_topics.id',
      'campaign_topics.name',
      'campaign_topics.description',
      'campaign_topics.lecturer_id',
      'campaign_topics.position',
      'lecturers.full_name as lecturer_name',
    ])
    .where('campaign_id', '=', campaignId)
    .orderBy('position')
    .orderBy('campaign_topics.id')
    .execute();
}

export function findTopic(db: Executor, id: number) {
  return db.selectFrom('campaign_topics').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTopicByName(db: Executor, campaignId: number, nameFolded: string) {
  return db
    .selectFrom('campaign_topics')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .where('name_folded', '=', nameFolded)
    .executeTakeFirst();
}

export async function insertTopic(
  db: Executor,
  row: { campaign_id: number; name: string; name_folded: string; description: string | null; lecturer_id: number | null },
) {
  const last = await db
    .selectFrom('campaign_topics')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('campaign_id', '=', row.campaign_id)
    .executeTakeFirst();
  const { id } = await db
    .insertInto('campaign_topics')
    .values({ ...row, position: Number(last?.p ?? 0) + 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateTopic(
  db: Executor,
  id: number,
  changes: Partial<{ name: string; name_folded: string; description: string | null; lecturer_id: number | null }>,
) {
  if (Object.keys(changes).length) await db.updateTable('campaign_topics').set(changes).where('id', '=', id).execute();
}

/** People the targets name (active, unit in a target subtree, position allowed): the invitation list. */
export function targetedPeople(db: Executor, targets: { unit_path: string; positions: string | null }[]) {
  if (targets.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select(['people.id', 'people.unit_id', 'units.path as unit_path'])
    .where('people.active', '=', 1)
    .where((eb) =>
      eb.or(
        targets.map((t) => {
          const inUnit = eb('units.path', 'like', `${t.unit_path}%`);
          return t.positions ? eb.and([inUnit, eb('people.position', 'in', t.positions.split(','))]) : inUnit;
        }),
      ),
    )
    .orderBy('people.sort_key')
    .execute();
}

export async function countsByCampaign(db: Executor, campaignIds: number[]) {
  if (campaignIds.length === 0) return { sites: new Map<number, number>(), participants: new Map<number, number>() };
  const [sites, participants] = await Promise.all([
    db
      .selectFrom('sites')
      .select(['campaign_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('campaign_id', 'in', campaignIds)
      .groupBy('campaign_id')
      .execute(),
    db
      .selectFrom('site_participants')
      .select(['campaign_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('campaign_id', 'in', campaignIds)
      .groupBy('campaign_id')
      .execute(),
  ]);
  return {
    sites: new Map(sites.map((r) => [r.campaign_id, Number(r.n)])),
    participants: new Map(participants.map((r) => [r.campaign_id, Number(r.n)])),
  };
}
