import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable } from '../../lib/nullable.ts';

export const GrantRow = Type.Object({
  grantId: Type.Integer(),
  role: Type.String(),
  roleLabel: Type.String(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  userId: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  personId: Nullable(Type.Integer()),
  hasLoggedIn: Type.Boolean(),
  disabled: Type.Boolean(),
});
export type GrantRow = Static<typeof GrantRow>;
export const ResetPasswordReply = Type.Object({ username: Type.String(), password: Type.String() });
/** Accounts of a subtree that have not logged in: without a password yet, and with printed slips not used yet. */
export const LoginSlipsSummary = Type.Object({ pending: Type.Integer(), issued: Type.Integer(), lastIssuedAt: Nullable(Type.String()) });
export type LoginSlipsSummary = Static<typeof LoginSlipsSummary>;
