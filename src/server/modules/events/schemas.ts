import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable } from '../../lib/nullable.ts';
import { replyOf } from '../../lib/schemas.ts';
import type { attendanceSheet } from './service.ts';
import { ATTENDANCE_STATUSES } from '../../../domain/training/attendance.ts';
import { StringEnum } from '../../lib/nullable.ts';

const Half = Type.Union([Type.Literal('morning'), Type.Literal('afternoon')]);

const EventFields = {
  id: Type.Integer(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  kind: Type.Union([Type.Literal('conference'), Type.Literal('course')]),
  name: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  halves: Type.Union([Type.Literal('both'), Half]),
  location: Nullable(Type.String()),
  programme: Nullable(Type.String()),
  halfDays: Type.Array(Type.Object({ day: Type.String(), half: Half })),
};
export const EventSummary = Type.Object({ ...EventFields, invitees: Type.Integer() });
export type EventSummary = Static<typeof EventSummary>;
export const EventDetail = Type.Object({ ...EventFields, canManage: Type.Boolean(), limitedToOwnUnits: Type.Boolean() });
export type EventDetail = Static<typeof EventDetail>;
export const InviteReply = Type.Object({ added: Type.Integer(), total: Type.Integer() });

/** The invitees and their marks by `day/half` (e.g. `2026-07-01/morning`), only the half-days marked. */
export const EventSheet = replyOf<Awaited<ReturnType<typeof attendanceSheet>>>()(
  Type.Object({
    event: Type.Object({ ...EventFields, canManage: Type.Boolean() }),
    items: Type.Array(
      Type.Object({
        personId: Type.Integer(),
        fullName: Type.String(),
        position: Type.String(),
        unitId: Type.Integer(),
        unitName: Type.String(),
        marks: Type.Record(Type.String(), Type.Object({ status: StringEnum(ATTENDANCE_STATUSES), reason: Nullable(Type.String()) })),
      }),
    ),
  }),
);
export type EventSheet = Static<typeof EventSheet>;

export const EventAbsentee = Type.Object({
  personId: Type.Integer(),
  fullName: Type.String(),
  position: Type.String(),
  unitName: Type.String(),
  day: Type.String(),
  half: Half,
  status: Type.Union([Type.Literal('absent'), Type.Literal('unmarked')]),
  reason: Nullable(Type.String()),
});

// Requests.
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const OptionalText = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
export const EventBody = Type.Object({
  unitId: Type.Integer(),
  kind: Type.Union([Type.Literal('conference'), Type.Literal('course')]),
  name: Type.String({ minLength: 1, maxLength: 300 }),
  startsOn: IsoDate,
  endsOn: IsoDate,
  halves: Type.Union([Type.Literal('both'), Half]),
  location: OptionalText(300),
  programme: OptionalText(20_000),
});
export const InviteBody = Type.Object({
  unitId: Type.Integer(),
  positions: Type.Optional(
    Type.Array(Type.Union([Type.Literal('manager'), Type.Literal('teacher'), Type.Literal('staff')]), { maxItems: 3 }),
  ),
});
export const MarkBody = Type.Object({
  day: IsoDate,
  half: Half,
  status: Type.Union([Type.Literal('present'), Type.Literal('late'), Type.Literal('absent')]),
  reason: OptionalText(200),
});
export const MarkParams = Type.Object({ id: Type.Integer(), personId: Type.Integer() });
export const ProgrammeBody = Type.Object({ programme: OptionalText(20_000), location: OptionalText(300) });
export type EventBody = Static<typeof EventBody>;
export type InviteBody = Static<typeof InviteBody>;
export type MarkBody = Static<typeof MarkBody>;
