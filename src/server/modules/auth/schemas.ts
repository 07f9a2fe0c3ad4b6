import { Type, type Static } from '@fastify/type-provider-typebox';

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});
export type LoginBody = Static<typeof LoginBody>;

export const ChangePasswordBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
  newPassword: Type.String({ minLength: 1, maxLength: 200 }),
});
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const LoginReply = Type.Object({ mustChangePassword: Type.Boolean(), csrfToken: Type.String() });
export type LoginReply = Static<typeof LoginReply>;

/** What the login page says before anyone signs in: on a site's edge server, participants type their site exam code. */
export const LoginInfoReply = Type.Object({ edgeSite: Type.Union([Type.String(), Type.Null()]) });

export const GrantView = Type.Object({
  role: Type.String(),
  roleLabel: Type.String(),
  unitId: Type.Integer(),
  unitName: Type.String(),
});

export const MeReply = Type.Object({
  userId: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  personId: Type.Union([Type.Integer(), Type.Null()]),
  mustChangePassword: Type.Boolean(),
  csrfToken: Type.String(),
  grants: Type.Array(GrantView),
});
export type MeReply = Static<typeof MeReply>;
