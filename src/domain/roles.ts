/** Roles, what each may do, and the unit-subtree rule every route applies. */

export const ROLES = ['admin', 'organizer', 'unit_manager', 'proctor', 'lecturer', 'participant'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị',
  organizer: 'Ban tổ chức',
  unit_manager: 'Phụ trách đơn vị',
  proctor: 'Giám sát',
  lecturer: 'Báo cáo viên',
  participant: 'Học viên',
};

export type Capability =
  | 'roster.read'
  | 'roster.write'
  | 'units.write'
  | 'accounts.manage'
  | 'audit.read'
  | 'training.manage'
  | 'training.read'
  | 'meetings.record'
  | 'bank.manage'
  | 'assessment.manage'
  | 'assessment.monitor'
  | 'attempt.extend'
  | 'attempt.manage';

export const CAPABILITY_ROLES: Record<Capability, readonly Role[]> = {
  'roster.read': ['admin', 'organizer', 'unit_manager', 'proctor'],
  'roster.write': ['admin', 'organizer', 'unit_manager'],
  'units.write': ['admin', 'organizer', 'unit_manager'],
  'accounts.manage': ['admin', 'organizer', 'unit_manager'],
  'audit.read': ['admin', 'organizer', 'unit_manager'],
  // Campaigns, sites, political centres' classes and events of the subtree.
  'training.manage': ['admin', 'organizer'],
  // Attendance, absentee lists and training reports of the subtree.
  'training.read': ['admin', 'organizer', 'unit_manager'],
  // Party-cell thematic meetings of the cells in the subtree.
  'meetings.record': ['admin', 'organizer', 'unit_manager'],
  // Principals never see the question bank.
  'bank.manage': ['admin', 'organizer'],
  'assessment.manage': ['admin', 'organizer'],
  // Watching the survey live, for the people of one's own subtree.
  'assessment.monitor': ['admin', 'organizer', 'unit_manager', 'proctor'],
  // A proctor may give back minutes lost to a dead phone; reopening and voiding are the organisers' decisions.
  'attempt.extend': ['admin', 'organizer', 'proctor'],
  'attempt.manage': ['admin', 'organizer'],
};

/** Which roles a holder of a role may grant, always inside the holder's own subtree. */
export const GRANTABLE_BY: Record<Role, readonly Role[]> = {
  admin: ROLES,
  organizer: ['organizer', 'unit_manager', 'proctor', 'lecturer', 'participant'],
  unit_manager: ['proctor', 'lecturer', 'participant'],
  proctor: [],
  lecturer: [],
  participant: [],
};

export interface Grant {
  role: Role;
  unitId: number;
  /** The granted unit's materialised path, '/1/5/'. */
  unitPath: string;
}

export interface Actor {
  userId: number;
  personId: number | null;
  username: string;
  grants: Grant[];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isWithin(unitPath: string, scopePath: string): boolean {
  return unitPath.startsWith(scopePath);
}

export function can(actor: Actor, capability: Capability, unitPath: string): boolean {
  const roles = CAPABILITY_ROLES[capability];
  return actor.grants.some((g) => roles.includes(g.role) && isWithin(unitPath, g.unitPath));
}

/** The subtrees where the actor holds the capability, none nested in another. */
export function scopeOf(actor: Actor, capability: Capability): string[] {
  const roles = CAPABILITY_ROLES[capability];
  const paths = [...new Set(actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.unitPath))].sort();
  return paths.filter((p, i) => !paths.slice(0, i).some((q) => isWithin(p, q)));
}

export function canGrant(actor: Actor, role: Role, unitPath: string): boolean {
  return actor.grants.some((g) => GRANTABLE_BY[g.role].includes(role) && isWithin(unitPath, g.unitPath));
}

/** True when the actor has any staff role at all (otherwise: a participant only). */
export function isStaff(actor: Actor): boolean {
  return actor.grants.some((g) => g.role !== 'participant');
}
