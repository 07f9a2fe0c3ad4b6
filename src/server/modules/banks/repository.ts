import type { Executor } from '../../db/database.ts';

const BANK_COLUMNS = [
  'question_banks.id',
  'question_banks.code',
  'question_banks.name',
  'question_banks.description',
  'question_banks.unit_id',
  'question_banks.active',
  'units.name as unit_name',
  'units.path as unit_path',
] as const;

export function findBank(db: Executor, id: number) {
  return db
    .selectFrom('question_banks')
    .innerJoin('units', 'units.id', 'question_banks.unit_id')
    .select(BANK_COLUMNS)
    .where('question_banks.id', '=', id)
    .executeTakeFirst();
}

export type BankRow = NonNullable<Awaited<ReturnType<typeof findBank>>>;

export function findBankByCode(db: Executor, code: string) {
  return db
    .selectFrom('question_banks')
    .innerJoin('units', 'units.id', 'question_banks.unit_id')
    .select(BANK_COLUMNS)
    .where('question_banks.code', '=', code)
    .executeTakeFirst();
}

/** Banks owned by a unit in the scopes, or shared with a unit in the scopes. */
export function banksVisibleFrom(db: Executor, scopePaths: string[]) {
  if (scopePaths.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('question_banks')
    .innerJoin('units', 'units.id', 'question_banks.unit_id')
    .select(BANK_COLUMNS)
    .where((eb) =>
      eb.or([
        ...scopePaths.map((p) => eb('units.path', 'like', `${p}%`)),
        eb(
          'question_banks.id',
          'in',
          eb
            .selectFrom('question_bank_shares')
            .innerJoin('units as su', 'su.id', 'question_bank_shares.unit_id')
            .select('question_bank_shares.bank_id')
            .where((inner) => inner.or(scopePaths.map((p) => inner('su.path', 'like', `${p}%`)))),
        ),
      ]),
    )
    .orderBy('question_banks.name')
    .execute();
}

export function sharesOf(db: Executor, bankIds: number[]) {
  if (bankIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('question_bank_shares')
    .innerJoin('units', 'units.id', 'question_bank_shares.unit_id')
    .select(['question_bank_shares.bank_id', 'question_bank_shares.unit_id', 'units.name as unit_name', 'units.path as unit_path'])
    .where('question_bank_shares.bank_id', 'in', bankIds)
    .execute();
}

export async function topicCounts(db: Executor, bankIds: number[]) {
  if (bankIds.length === 0) return new Map<number, number>();
  const rows = await db
    .selectFrom('topics')
    .select(['bank_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('bank_id', 'in', bankIds)
    .groupBy('bank_id')
    .execute();
  return new Map(rows.map((r) => [r.bank_id, Number(r.n)]));
}

export async function insertBank(
  db: Executor,
  bank: { code: string; name: string; description: string | null; unit_id: number; created_by: number | null; at: string },
) {
  const { at, ...rest } = bank;
  const { id } = await db
    .insertInto('question_banks')
    .values({ ...rest, active: 1, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateBank(
  db: Executor,
  id: number,
  changes: { name?: string; description?: string | null; active?: number; updated_at: string },
) {
  await db.updateTable('question_banks').set(changes).where('id', '=', id).execute();
}

export async function insertShare(
  db: Executor,
  share: { bank_id: number; unit_id: number; granted_by: number | null; created_at: string },
) {
  await db.insertInto('question_bank_shares').values(share).execute();
}

export async function deleteShare(db: Executor, bankId: number, unitId: number) {
  const result = await db.deleteFrom('question_bank_shares').where('bank_id', '=', bankId).where('unit_id', '=', unitId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function topicsOf(db: Executor, bankId: number) {
  return db.selectFrom('topics').selectAll().where('bank_id', '=', bankId).orderBy('position').orderBy('id').execute();
}

export function findTopic(db: Executor, id: number) {
  return db.selectFrom('topics').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTopicByName(db: Executor, bankId: number, nameFolded: string) {
  return db.selectFrom('topics').selectAll().where('bank_id', '=', bankId).where('name_folded', '=', nameFolded).executeTakeFirst();
}

export async function insertTopic(
  db: Executor,
  topic: { bank_id: number; name: string; name_folded: string; material_url: string | null; at: string },
) {
  const last = await db
    .selectFrom('topics')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('bank_id', '=', topic.bank_id)
    .executeTakeFirst();
  const { at, ...rest } = topic;
  const { id } = await db
    .insertInto('topics')
    .values({ ...rest, position: Number(last?.p ?? 0) + 1, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateTopic(
  db: Executor,
  id: number,
  changes: { name?: string; name_folded?: string; material_url?: string | null; updated_at: string },
) {
  await db.updateTable('topics').set(changes).where('id', '=', id).execute();
}

export async function deleteTopic(db: Executor, id: number) {
  await db.deleteFrom('topics').where('id', '=', id).execute();
}
