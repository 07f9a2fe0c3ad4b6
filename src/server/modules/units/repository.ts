import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { NewUnit, UnitRow, UnitUpdate } from '../../db/schema.ts';

export function findUnitById(db: Executor, id: number): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUnitByCode(db: Executor, code: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findRootUnit(db: Executor): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
}

export function codeExists(db: Executor, code: string) {
  return db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirst().then(Boolean);
}

/** Inserts a unit and sets its path from the parent's; returns the stored row. */
export async function insertUnit(db: Executor, unit: Omit<NewUnit, 'path' | 'depth'>, parent: UnitRow | null) {
  const { id } = await db.insertInto('units')
    .values({ ...unit, path: '/', depth: parent ? parent.depth + 1 : 0 })
    .returning('id').executeTakeFirstOrThrow();
  const path = `${parent ? parent.path : '/'}${id}/`;
  await db.updateTable('units').set({ path }).where('id', '=', id).execute();
  return (await findUnitById(db, id))!;
}

export async function updateUnit(db: Executor, id: number, changes: UnitUpdate) {
  await db.updateTable('units').set(changes).where('id', '=', id).execute();
}

/** Re-roots a subtree: every path under oldPath now starts with newPath. */
export async function moveSubtree(db: Executor, oldPath: string, newPath: string, depthDelta: number) {
  await db.updateTable('units')
    .set({
      path: sql<string>`${newPath} || substr(path, ${oldPath.length + 1})`,
      depth: sql<number>`depth + ${depthDelta}`,
    })
    .where('path', 'like', `${oldPath}%`)
    .execute();
}

export function unitsInScopes(db: Executor, scopePaths: string[]) {
  if (scopePaths.length === 0) return Promise.resolve([]);
  return db.selectFrom('units')
    .selectAll()
    .where((eb) => eb.or(scopePaths.map((p) => eb('path', 'like', `${p}%`))))
    .orderBy('depth').orderBy('name')
    .execute();
}

export async function activePeopleCountByUnit(db: Executor, scopePaths: string[]) {
  if (scopePaths.length === 0) return new Map<number, number>();
  const rows = await db.selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select(['people.unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('people.active', '=', 1)
    .where((eb) => eb.or(scopePaths.map((p) => eb('units.path', 'like', `${p}%`))))
    .groupBy('people.unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}

/** What keeps a unit from being deleted outright (it can still be deactivated). */
export async function unitUsage(db: Executor, id: number) {
  const count = async (table: 'units' | 'people' | 'role_grants' | 'person_unit_history', column: string) => {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'))
      .where(sql.ref(column), '=', id).executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  return {
    children: await count('units', 'parent_id'),
    people: await count('people', 'unit_id'),
    grants: await count('role_grants', 'unit_id'),
    history: await count('person_unit_history', 'unit_id'),
  };
}

/** Deletes an unused unit; its audit entries are kept, attached to the parent. */
export async function deleteUnit(db: Executor, id: number, parentId: number | null) {
  await db.updateTable('audit_log').set({ unit_id: parentId }).where('unit_id', '=', id).execute();
  await db.deleteFrom('units').where('id', '=', id).execute();
}

export function findChildByFoldedName(db: Executor, parentId: number, nameFolded: string) {
  return db.selectFrom('units').selectAll()
    .where('parent_id', '=', parentId).where('name_folded', '=', nameFolded).executeTakeFirst();
}

/** Units under a subtree keyed by folded name, to match names given in an import file. */
export function unitsUnder(db: Executor, path: string) {
  return db.selectFrom('units').selectAll().where('path', 'like', `${path}%`).execute();
}
