import { CAPABILITY_ROLES, GRANTABLE_BY, ROLES, isRole, type Capability, type Role } from '../../domain/roles.ts';
import type { MyGrant } from '../api/auth.ts';

export type { Capability };

/** Holds the capability somewhere. */
export function hasCapability(grants: MyGrant[], capability: Capability): boolean {
  return grants.some((g) => isRole(g.role) && CAPABILITY_ROLES[capability].includes(g.role));
}

/** Holds the capability at the unit, given the unit's ancestor ids (itself included). */
export function canAt(grants: MyGrant[], capability: Capability, ancestorIds: number[]): boolean {
  return grants.some((g) => isRole(g.role) && CAPABILITY_ROLES[capability].includes(g.role) && ancestorIds.includes(g.unitId));
}

/** Roles the user may grant at a unit, given its ancestor ids (itself included). */
export function grantableRolesAt(grants: MyGrant[], ancestorIds: number[]): Role[] {
  const allowed = new Set<Role>();
  for (const g of grants) {
    if (!isRole(g.role) || !ancestorIds.includes(g.unitId)) continue;
    for (const role of GRANTABLE_BY[g.role]) allowed.add(role);
  }
  return ROLES.filter((r) => allowed.has(r));
}

/** Any role beyond taking part: such users land on the staff pages. */
export function isStaff(grants: MyGrant[]): boolean {
  return grants.some((g) => isRole(g.role) && g.role !== 'participant');
}
