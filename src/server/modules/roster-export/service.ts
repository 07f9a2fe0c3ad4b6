import type { Actor } from '../../../domain/roles.ts';
import type { AppContext } from '../../context.ts';
import { unitForActor } from '../units/service.ts';
import { peopleForExport } from './repository.ts';
import { writeRosterXlsx, type RosterExportPerson } from './roster-xlsx.ts';

/** The roster of a subtree as the .xlsx the importer reads back. */
export async function exportRoster(ctx: AppContext, actor: Actor, unitId: number): Promise<{ unitName: string; file: Buffer }> {
  const unit = await unitForActor(ctx.db, actor, unitId, 'roster.read');
  const rows = await peopleForExport(ctx.db, unit.path);
  const people: RosterExportPerson[] = rows.map((r) => ({
    fullName: r.full_name,
    birthDate: r.birth_date,
    gender: r.gender,
    staffId: r.staff_id,
    citizenId: r.citizen_id,
    unitName: r.unit_name,
    communeName: r.parent_kind === 'commune' ? r.parent_name : null,
    position: r.position,
    title: r.title,
    schoolLevel: r.school_level,
    partyMember: r.party_member === 1,
    partyJoinedOn: r.party_joined_on,
    theoryLevel: r.theory_level,
    phone: r.phone,
    email: r.email,
    extraMinutes: r.extra_minutes,
    // A school lies in its commune's former district unless it has one of its own.
    legacyDistrict: r.legacy_district ?? r.parent_legacy_district,
    active: r.active === 1,
  }));
  const file = await writeRosterXlsx({ title: unit.name, generatedAt: ctx.clock.now(), people });
  return { unitName: unit.name, file };
}
