import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { Database, NewUnit, UnitRow, UnitUpdate } from '../../db/schema.ts';

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
  const { id } = await db
    .insertInto('units')
    .values({ ...unit, path: '/', depth: parent ? parent.depth + 1 : 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${parent ? parent.path : '/'}${id}/`;
  await db.updateTable('units').set({ path }).where('id', '=', id).execute();
  return (await findUnitById(db, id))!;
}

export async function updateUnit(db: Executor, id: number, changes: UnitUpdate) {
  await db.updateTable('units').set(changes).where('id', '=', id).execute();
}

/** Re-roots a subtree: every path under oldPath now starts with newPath. */
export async function moveSubtree(db: Executor, oldPath: string, newPath: string, depthDelta: number) {
  await db
    .updateTable('units')
    .set({
      path: sql<string>`${newPath} || substr(path, ${oldPath.length + 1})`,
      depth: sql<number>`depth + ${depthDelta}`,
    })
    .where('path', 'like', `${oldPath}%`)
    .execute();
}

export function unitsInScopes(db: Executor, scopePaths: string[]) {
  if (scopePaths.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('units')
    .selectAll()
    .where((eb) => eb.or(scopePaths.map((p) => eb('path', 'like', `${p}%`))))
    .orderBy('depth')
    .orderBy('name')
    .execute();
}

export async function activePeopleCountByUnit(db: Executor, scopePaths: string[]) {
  if (scopePaths.length === 0) return new Map<number, number>();
  const rows = await db
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select(['people.unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('people.active', '=', 1)
    .where((eb) => eb.or(scopePaths.map((p) => eb('units.path', 'like', `${p}%`))))
    .groupBy('people.unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}

type ColumnOf<T extends keyof Database> = keyof Database[T] & string;

/** A column referencing units.id; `distinct` counts the rows' owners (one campaign targets a unit once, whatever its positions). */
type UnitReference = { [T in keyof Database]: { table: T; column: ColumnOf<T>; label: string; distinct?: ColumnOf<T> } }[keyof Database];

/**
 * Every foreign key to units.id that keeps a unit from being deleted outright (it can still be deactivated), with the
 * Vietnamese words for what uses it. Together with UNIT_REFERENCES_RELEASED this must list every foreign key to
 * units: units.test.ts compares both lists with the keys read from the database, on both dialects.
 */
export const UNIT_REFERENCES: readonly UnitReference[] = [
  { table: 'units', column: 'parent_id', label: 'đơn vị trực thuộc' },
  { table: 'people', column: 'unit_id', label: 'nhân sự' },
  { table: 'person_unit_history', column: 'unit_id', label: 'mục lịch sử công tác' },
  { table: 'role_grants', column: 'unit_id', label: 'vai trò đã giao' },
  { table: 'question_banks', column: 'unit_id', label: 'ngân hàng câu hỏi' },
  { table: 'question_bank_shares', column: 'unit_id', label: 'ngân hàng câu hỏi được chia sẻ', distinct: 'bank_id' },
  { table: 'assessments', column: 'unit_id', label: 'bài khảo sát' },
  { table: 'assessment_targets', column: 'unit_id', label: 'bài khảo sát giao cho đơn vị', distinct: 'assessment_id' },
  {
    table: 'assessment_population',
    column: 'unit_id',
    label: 'bài khảo sát đã chốt số liệu có người của đơn vị',
    distinct: 'assessment_id',
  },
  { table: 'campaigns', column: 'unit_id', label: 'đợt bồi dưỡng' },
  { table: 'campaign_targets', column: 'unit_id', label: 'đợt bồi dưỡng có đơn vị trong đối tượng', distinct: 'campaign_id' },
  { table: 'lecturers', column: 'unit_id', label: 'giảng viên, báo cáo viên' },
  { table: 'sites', column: 'unit_id', label: 'điểm cầu' },
  { table: 'training_classes', column: 'unit_id', label: 'lớp bồi dưỡng' },
  { table: 'events', column: 'unit_id', label: 'hội nghị, lớp tập huấn' },
  { table: 'criteria_sets', column: 'unit_id', label: 'bộ tiêu chí đánh giá' },
  { table: 'cell_meetings', column: 'cell_unit_id', label: 'buổi sinh hoạt chi bộ' },
];

/** Foreign keys to units that do not keep a unit: deleteUnit moves or removes their rows (see there). */
export const UNIT_REFERENCES_RELEASED: readonly { table: keyof Database; column: string }[] = [
  { table: 'audit_log', column: 'unit_id' },
  { table: 'roster_imports', column: 'under_unit_id' },
];

/** What keeps a unit from being deleted: the references with rows, in UNIT_REFERENCES order, with their counts. */
export async function unitUsage(db: Executor, id: number): Promise<{ table: string; label: string; count: number }[]> {
  const used = [];
  for (const ref of UNIT_REFERENCES) {
    const row = await db
      .selectFrom(ref.table as 'units')
      .select(sql<number>`count(${ref.distinct ? sql`distinct ${sql.ref(ref.distinct)}` : sql`*`})`.as('n'))
      .where(sql.ref(ref.column), '=', id)
      .executeTakeFirst();
    const count = Number(row?.n ?? 0);
    if (count > 0) used.push({ table: ref.table, label: ref.label, count });
  }
  return used;
}

/**
 * Deletes a unit that unitUsage found unused: its audit entries are kept, attached to the parent; import previews
 * under it (pending ones expire in a day; a committed one's audit entry stays) go with it.
 */
export async function deleteUnit(db: Executor, id: number, parentId: number | null) {
  await db.updateTable('audit_log').set({ unit_id: parentId }).where('unit_id', '=', id).execute();
  await db.deleteFrom('roster_imports').where('under_unit_id', '=', id).execute();
  await db.deleteFrom('units').where('id', '=', id).execute();
}

export function findChildByFoldedName(db: Executor, parentId: number, nameFolded: string) {
  return db.selectFrom('units').selectAll().where('parent_id', '=', parentId).where('name_folded', '=', nameFolded).executeTakeFirst();
}

/** Units under a subtree keyed by folded name, to match names given in an import file. */
export function unitsUnder(db: Executor, path: string) {
  return db.selectFrom('units').selectAll().where('path', 'like', `${path}%`).execute();
}
