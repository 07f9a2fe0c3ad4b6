import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable, NullableEnum, OneOf } from '../../lib/nullable.ts';
import { GENDERS, POSITIONS } from '../../../domain/roster.ts';
import { EXTRA_MINUTES_MAX } from '../../../domain/assessment/extra-time.ts';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

const Position = OneOf(POSITIONS);

export const PersonInput = Type.Object({
  fullName: Type.String({ minLength: 1, maxLength: 120 }),
  unitId: Type.Integer(),
  position: OneOf(POSITIONS),
  birthDate: Type.Optional(Nullable(IsoDate)),
  gender: Type.Optional(NullableEnum(GENDERS)),
  staffId: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
  citizenId: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
  partyMember: Type.Optional(Type.Boolean()),
  partyJoinedOn: Type.Optional(Nullable(IsoDate)),
  theoryLevel: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
  email: Type.Optional(Nullable(Type.String({ maxLength: 120 }))),
  active: Type.Optional(Type.Boolean()),
  /** Minutes added to the person's time in every survey. */
  extraMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: EXTRA_MINUTES_MAX })),
});
export type PersonInput = Static<typeof PersonInput>;

export const PersonUpdateInput = Type.Partial(PersonInput);
export type PersonUpdateInput = Static<typeof PersonUpdateInput>;

export const PersonView = Type.Object({
  id: Type.Integer(),
  fullName: Type.String(),
  birthDate: Type.Union([Type.String(), Type.Null()]),
  gender: NullableEnum(GENDERS),
  staffId: Type.Union([Type.String(), Type.Null()]),
  citizenId: Type.Union([Type.String(), Type.Null()]),
  unitId: Type.Integer(),
  unitName: Type.String(),
  position: Position,
  partyMember: Type.Boolean(),
  partyJoinedOn: Type.Union([Type.String(), Type.Null()]),
  theoryLevel: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  extraMinutes: Type.Integer(),
  username: Type.Union([Type.String(), Type.Null()]),
  userId: Type.Union([Type.Integer(), Type.Null()]),
  hasLoggedIn: Type.Boolean(),
  accountDisabled: Type.Boolean(),
});
export type PersonView = Static<typeof PersonView>;

export const PeopleQuery = Type.Object({
  unitId: Type.Optional(Type.Integer()),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  position: Type.Optional(OneOf(POSITIONS)),
  partyMember: Type.Optional(Type.Boolean()),
  includeInactive: Type.Optional(Type.Boolean()),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});
export type PeopleQuery = Static<typeof PeopleQuery>;

export const PeoplePage = Type.Object({
  items: Type.Array(PersonView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const PersonDetail = Type.Intersect([
  PersonView,
  Type.Object({
    history: Type.Array(
      Type.Object({
        unitId: Type.Integer(),
        unitName: Type.String(),
        fromAt: Type.String(),
        toAt: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
    roles: Type.Array(
      Type.Object({
        grantId: Type.Integer(),
        role: Type.String(),
        roleLabel: Type.String(),
        unitId: Type.Integer(),
        unitName: Type.String(),
      }),
    ),
  }),
]);
export type PersonDetail = Static<typeof PersonDetail>;
