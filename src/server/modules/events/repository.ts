import type { Executor } from '../../db/database.ts';

const COLUMNS = [
  'events.id',
  'events.unit_id',
  'events.kind',
  'events.name',
  'events.starts_on',
  'events.ends_on',
  'events.halves',
  'events.location',
  'events.programme',
  'units.name as unit_name',
  'units.path as unit_path',
] as const;

export function findEvent(db: Executor, id: number) {
  return db
    .selectFrom('events')
    .innerJoin('units', 'units.id', 'events.unit_id')
    .select(COLUMNS)
    .where('events.id', '=', id)
    .executeTakeFirst();
}
export type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

/** Events owned in the scopes, or with invitees there. */
export function eventsVisibleFrom(db: Executor, scopePaths: string[]) {
  if (scopePaths.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('events')
    .innerJoin('units', 'units.id', 'events.unit_id')
    .select([
      ...COLUMNS,
      (eb) =>
        eb
          .selectFrom('event_invitees')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('event_invitees.event_id', '=', 'events.id')
          .as('invitees'),
    ])
    .where((eb) =>
      eb.or([
        ...scopePaths.map((p) => eb('units.path', 'like', `${p}%`)),
        eb.exists(
          eb
            .selectFrom('event_invitees')
            .innerJoin('people', 'people.id', 'event_invitees.person_id')
            .innerJoin('units as pu', 'pu.id', 'people.unit_id')
            .select('event_invitees.id')
            .whereRef('event_invitees.event_id', '=', 'events.id')
            .where((inner) => inner.or(scopePaths.map((p) => inner('pu.path', 'like', `${p}%`)))),
        ),
      ]),
    )
    .orderBy('events.starts_on', 'desc')
    .execute();
}

export async function inviteesTouch(db: Executor, eventId: number, scopePaths: string[]) {
  if (scopePaths.length === 0) return false;
  return Boolean(
    await db
      .selectFrom('event_invitees')
      .innerJoin('people', 'people.id', 'event_invitees.person_id')
      .innerJoin('units', 'units.id', 'people.unit_id')
      .select('event_invitees.id')
      .where('event_invitees.event_id', '=', eventId)
      .where((eb) => eb.or(scopePaths.map((p) => eb('units.path', 'like', `${p}%`))))
      .executeTakeFirst(),
  );
}

export async function insertEvent(
  db: Executor,
  row: {
    unit_id: number;
    kind: string;
    name: string;
    starts_on: string;
    ends_on: string;
    halves: string;
    location: string | null;
    programme: string | null;
    created_by: number | null;
    at: string;
  },
) {
  const { at, ...rest } = row;
  const { id } = await db
    .insertInto('events')
    .values({ ...rest, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateEvent(db: Executor, id: number, changes: Record<string, unknown> & { updated_at: string }) {
  await db.updateTable('events').set(changes).where('id', '=', id).execute();
}

export function invitees(db: Executor, eventId: number, scopePaths: string[] | null) {
  let query = db
    .selectFrom('event_invitees')
    .innerJoin('people', 'people.id', 'event_invitees.person_id')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select(['people.id', 'people.full_name', 'people.position', 'people.phone', 'units.id as unit_id', 'units.name as unit_name'])
    .where('event_invitees.event_id', '=', eventId);
  if (scopePaths) {
    if (scopePaths.length === 0) return Promise.resolve([]);
    query = query.where((eb) => eb.or(scopePaths.map((p) => eb('units.path', 'like', `${p}%`))));
  }
  return query.orderBy('units.name').orderBy('people.sort_key').execute();
}

export async function addInvitees(db: Executor, eventId: number, personIds: number[]) {
  const existing = new Set(
    (await db.selectFrom('event_invitees').select('person_id').where('event_id', '=', eventId).execute()).map((r) => r.person_id),
  );
  const fresh = personIds.filter((id) => !existing.has(id));
  for (let i = 0; i < fresh.length; i += 500) {
    await db
      .insertInto('event_invitees')
      .values(fresh.slice(i, i + 500).map((person_id) => ({ event_id: eventId, person_id })))
      .execute();
  }
  return fresh.length;
}

export async function isInvitee(db: Executor, eventId: number, personId: number) {
  return Boolean(
    await db.selectFrom('event_invitees').select('id').where('event_id', '=', eventId).where('person_id', '=', personId).executeTakeFirst(),
  );
}

export function marks(db: Executor, eventId: number) {
  return db
    .selectFrom('event_attendance')
    .select(['person_id', 'day', 'half', 'status', 'reason'])
    .where('event_id', '=', eventId)
    .execute();
}

export async function upsertMark(
  db: Executor,
  row: {
    event_id: number;
    person_id: number;
    day: string;
    half: string;
    status: string;
    reason: string | null;
    marked_by: number | null;
    marked_at: string;
  },
) {
  await db
    .insertInto('event_attendance')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['event_id', 'person_id', 'day', 'half'])
        .doUpdateSet({ status: row.status, reason: row.reason, marked_by: row.marked_by, marked_at: row.marked_at }),
    )
    .execute();
}
