import type { Executor } from '../../db/database.ts';

/** Every person of a subtree with their unit and that unit's parent (the commune), in name order. */
export function peopleForExport(db: Executor, unitPath: string) {
  return db
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .leftJoin('units as parent', 'parent.id', 'units.parent_id')
    .select([
      'people.full_name',
      'people.birth_date',
      'people.gender',
      'people.staff_id',
      'people.citizen_id',
      'people.position',
      'people.title',
      'people.party_member',
      'people.party_joined_on',
      'people.theory_level',
      'people.phone',
      'people.email',
      'people.active',
      'people.extra_minutes',
      'units.name as unit_name',
      'units.school_level',
      'units.legacy_district',
      'parent.name as parent_name',
      'parent.kind as parent_kind',
      'parent.legacy_district as parent_legacy_district',
    ])
    .where('units.path', 'like', `${unitPath}%`)
    .orderBy('units.path')
    .orderBy('people.sort_key')
    .execute();
}
