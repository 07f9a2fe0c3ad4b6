import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable } from '../../lib/nullable.ts';

export const LecturerView = Type.Object({
  id: Type.Integer(), unitId: Type.Integer(), unitName: Type.String(), personId: Nullable(Type.Integer()), fullName: Type.String(),
  title: Nullable(Type.String()), workplace: Nullable(Type.String()),
  kind: Type.Union([Type.Literal('full_time'), Type.Literal('part_time')]), active: Type.Boolean(),
});
export type LecturerView = Static<typeof LecturerView>;
