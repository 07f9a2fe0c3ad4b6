import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable, NullableEnum, OneOf } from '../../lib/nullable.ts';
import { SCHOOL_LEVELS, UNIT_KINDS } from '../../../domain/roster.ts';

const Kind = OneOf(UNIT_KINDS);
const Level = NullableEnum(SCHOOL_LEVELS);

export const UnitView = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  kind: Kind,
  schoolLevel: Level,
  legacyDistrict: Type.Union([Type.String(), Type.Null()]),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  depth: Type.Integer(),
  active: Type.Boolean(),
  peopleCount: Type.Integer(),
});
export type UnitView = Static<typeof UnitView>;

export const UnitTreeReply = Type.Object({ units: Type.Array(UnitView) });

export const CreateUnitBody = Type.Object({
  parentId: Type.Integer(),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  code: Type.Optional(Type.String({ maxLength: 40 })),
  kind: Kind,
  schoolLevel: Type.Optional(Level),
  legacyDistrict: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
});
export type CreateUnitBody = Static<typeof CreateUnitBody>;

export const UpdateUnitBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  code: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  kind: Type.Optional(Kind),
  schoolLevel: Type.Optional(Level),
  legacyDistrict: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  active: Type.Optional(Type.Boolean()),
});
export type UpdateUnitBody = Static<typeof UpdateUnitBody>;

export const MoveUnitBody = Type.Object({ parentId: Type.Integer() });
export type MoveUnitBody = Static<typeof MoveUnitBody>;

export const IdParams = Type.Object({ id: Type.Integer() });
export type IdParams = Static<typeof IdParams>;
