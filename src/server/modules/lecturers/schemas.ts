import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable } from '../../lib/nullable.ts';

export const LecturerView = Type.Object({
  id: Type.Integer(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  personId: Nullable(Type.Integer()),
  fullName: Type.String(),
  title: Nullable(Type.String()),
  workplace: Nullable(Type.String()),
  kind: Type.Union([Type.Literal('full_time'), Type.Literal('part_time')]),
  active: Type.Boolean(),
});
export type LecturerView = Static<typeof LecturerView>;

// Requests.
const Kind = Type.Union([Type.Literal('full_time'), Type.Literal('part_time')]);
const Text = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
export const LecturerBody = Type.Object({
  unitId: Type.Integer(),
  personId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  fullName: Type.Optional(Type.String({ maxLength: 200 })),
  title: Text(200),
  workplace: Text(300),
  kind: Kind,
});
export const UpdateLecturerBody = Type.Object({
  fullName: Type.Optional(Type.String({ maxLength: 200 })),
  title: Text(200),
  workplace: Text(300),
  kind: Type.Optional(Kind),
  active: Type.Optional(Type.Boolean()),
});
export type LecturerBody = Static<typeof LecturerBody>;
