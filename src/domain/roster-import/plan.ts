import type { SchoolLevel, UnitKind } from '../roster.ts';
import type { RosterProblem, RosterRecord } from './types.ts';
import { inferUnit, unitNameKey as foldUnitName } from './unit-kind.ts';

export interface ExistingUnit {
  id: number;
  parentId: number | null;
  name: string;
  kind: string;
  path: string;
}

export interface ExistingPerson {
  id: number;
  fullName: string;
  staffId: string | null;
  citizenId: string | null;
  unitId: number;
  /** The importing user may change this person (their unit is in the user's subtree). */
  writable: boolean;
  /** Comparable form of the stored fields, to tell an update from no change. */
  snapshot: string;
  /** Stored extra minutes in surveys: compared only when the file has the column. */
  extraMinutes: number;
}

export type UnitRef = { existingId: number } | { newKey: string };

export interface PlannedUnit {
  key: string;
  name: string;
  kind: UnitKind;
  schoolLevel: SchoolLevel | null;
  legacyDistrict: string | null;
  parent: UnitRef;
  label: string;
}

export interface PlannedPerson {
  record: RosterRecord;
  unit: UnitRef;
  existingId: number | null;
  /** The stored person's unit and ids, for an update: ids the file leaves empty are kept, a unit change is history. */
  existing: Pick<ExistingPerson, 'unitId' | 'staffId' | 'citizenId' | 'extraMinutes'> | null;
  action: 'create' | 'update' | 'unchanged';
}

export interface ImportPlan {
  unitsToCreate: PlannedUnit[];
  people: PlannedPerson[];
  problems: RosterProblem[];
}

/** Said of an id that belongs to someone the importer may not change; deliberately nothing about who it is. */
export const OUTSIDE_SCOPE = 'là của một người thuộc đơn vị ngoài phạm vi quản lý của bạn; không nhập được dòng này';

/** The comparable form of a record's person fields; the service computes the same for stored rows. */
export function personSnapshot(
  p: Omit<RosterRecord, 'excelRow' | 'unitName' | 'communeName' | 'schoolLevel' | 'legacyDistrict'>,
  unitId: number | string,
): string {
  return JSON.stringify([
    p.fullName,
    p.birthDate,
    p.gender,
    p.staffId,
    p.citizenId,
    String(unitId),
    p.position,
    p.title,
    p.partyMember,
    p.partyJoinedOn,
    p.theoryLevel,
    p.phone,
    p.email,
  ]);
}

/**
 * Decides, for validated records, which units must be created under the import root and which people are new,
 * changed or unchanged; conflicts with stored people are problems of their row.
 */
export function planImport(
  records: RosterRecord[],
  root: ExistingUnit,
  unitsUnderRoot: ExistingUnit[],
  existingPeople: ExistingPerson[],
): ImportPlan {
  const planner = startPlan(root, unitsUnderRoot, existingPeople);
  for (const r of records) planner.add(r);
  return planner.finish();
}

export interface Planner {
  add(record: RosterRecord): void;
  finish(): ImportPlan;
}

/** planImport one record at a time, so that a caller can plan 20,000 rows in slices between other work. */
export function startPlan(root: ExistingUnit, unitsUnderRoot: ExistingUnit[], existingPeople: ExistingPerson[]): Planner {
  const problems: RosterProblem[] = [];
  // Rows repeat a few unit names thousands of times; their folded key is computed once.
  const keys = new Map<string, string>();
  const unitNameKey = (name: string) => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = foldUnitName(name)));
    return key;
  };
  const unitById = new Map(unitsUnderRoot.map((u) => [u.id, u]));
  const unitsToCreate = new Map<string, PlannedUnit>();
  const byKey = new Map<string, ExistingUnit[]>();
  for (const u of unitsUnderRoot) {
    const k = unitNameKey(u.name);
    byKey.set(k, [...(byKey.get(k) ?? []), u]);
  }
  const under = (list: ExistingUnit[] | undefined, path: string) => (list ?? []).filter((u) => u.path.startsWith(path));

  const resolveCommune = (r: RosterRecord): UnitRef | 'ambiguous' | null => {
    if (!r.communeName) return null;
    const key = unitNameKey(r.communeName);
    const found = under(byKey.get(key), root.path);
    if (found.length > 1) return 'ambiguous';
    if (found.length === 1) return { existingId: found[0].id };
    const newKey = `c:${key}`;
    if (!unitsToCreate.has(newKey)) {
      unitsToCreate.set(newKey, {
        key: newKey,
        name: r.communeName,
        kind: 'commune',
        schoolLevel: null,
        legacyDistrict: r.legacyDistrict,
        parent: { existingId: root.id },
        label: r.communeName,
      });
    }
    return { newKey };
  };

  const resolveUnit = (r: RosterRecord, commune: UnitRef | null): UnitRef | 'ambiguous' => {
    const key = unitNameKey(r.unitName);
    if (!commune || 'existingId' in commune) {
      const scopePath = commune ? unitById.get(commune.existingId)!.path : root.path;
      const found = under(byKey.get(key), scopePath);
      if (found.length > 1) return 'ambiguous';
      if (found.length === 1) return { existingId: found[0].id };
    }
    const parent: UnitRef = commune ?? { existingId: root.id };
    const newKey = `u:${'newKey' in parent ? parent.newKey : parent.existingId}:${key}`;
    if (!unitsToCreate.has(newKey)) {
      const { kind, schoolLevel } = inferUnit(r.unitName, r.schoolLevel);
      unitsToCreate.set(newKey, {
        key: newKey,
        name: r.unitName,
        kind,
        schoolLevel,
        legacyDistrict: r.legacyDistrict,
        parent,
        label: r.communeName ? `${r.unitName} (thuộc ${r.communeName})` : r.unitName,
      });
    }
    return { newKey };
  };

  const byStaff = new Map(existingPeople.filter((p) => p.staffId).map((p) => [p.staffId!, p]));
  const byCitizen = new Map(existingPeople.filter((p) => p.citizenId).map((p) => [p.citizenId!, p]));
  const people: PlannedPerson[] = [];
  const rootKey = unitNameKey(root.name);

  const add = (r: RosterRecord): void => {
    const a = r.staffId ? byStaff.get(r.staffId) : undefined;
    const b = r.citizenId ? byCitizen.get(r.citizenId) : undefined;
    // A person outside the importer's subtree is named only by what the row itself gives (its id), never by anything
    // stored (name, unit, other ids): otherwise uploading citizen ids would reveal who they belong to, province-wide.
    const outside = a && !a.writable ? 'staff' : b && !b.writable ? 'citizen' : null;
    if (outside) {
      problems.push(
        outside === 'staff'
          ? { row: r.excelRow, column: 'Mã định danh', message: `Mã định danh ${r.staffId} ${OUTSIDE_SCOPE}` }
          : { row: r.excelRow, column: 'Số CCCD', message: `Số CCCD ${r.citizenId} ${OUTSIDE_SCOPE}` },
      );
      return;
    }
    // From here on, every stored person named is one the importer may change (and so may read).
    if (a && b && a.id !== b.id) {
      problems.push({ row: r.excelRow, column: 'Số CCCD', message: `Số CCCD ${r.citizenId} đã thuộc người khác (${b.fullName})` });
      return;
    }
    const existing = a ?? b;
    if (existing && !a && r.staffId && existing.staffId && existing.staffId !== r.staffId) {
      problems.push({
        row: r.excelRow,
        column: 'Số CCCD',
        message: `Số CCCD ${r.citizenId} đã gắn với mã định danh khác (${existing.staffId})`,
      });
      return;
    }
    // A school importing its own list: its rows name the school itself (and its commune, above it).
    const commune = unitNameKey(r.unitName) === rootKey ? null : resolveCommune(r);
    if (commune === 'ambiguous') {
      problems.push({ row: r.excelRow, column: 'Xã/Phường', message: `Có nhiều đơn vị tên "${r.communeName}"` });
      return;
    }
    const unit = commune === null && unitNameKey(r.unitName) === rootKey ? { existingId: root.id } : resolveUnit(r, commune);
    if (unit === 'ambiguous') {
      problems.push({
        row: r.excelRow,
        column: 'Đơn vị',
        message: `Có nhiều đơn vị tên "${r.unitName}"; hãy ghi thêm cột Xã/Phường để phân biệt`,
      });
      return;
    }
    let action: PlannedPerson['action'] = 'create';
    if (existing) {
      const same =
        'existingId' in unit
        && personSnapshot(r, unit.existingId) === existing.snapshot
        && (r.extraMinutes == null || r.extraMinutes === existing.extraMinutes);
      action = same ? 'unchanged' : 'update';
    }
    people.push({
      record: r,
      unit,
      existingId: existing?.id ?? null,
      action,
      existing: existing
        ? { unitId: existing.unitId, staffId: existing.staffId, citizenId: existing.citizenId, extraMinutes: existing.extraMinutes }
        : null,
    });
  };
  return { add, finish: () => ({ unitsToCreate: [...unitsToCreate.values()], people, problems }) };
}
