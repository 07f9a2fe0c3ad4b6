import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable } from '../../lib/nullable.ts';
import { replyOf } from '../../lib/schemas.ts';
import type { attendanceSheet } from './service.ts';
import { ATTENDANCE_STATUSES } from '../../../domain/training/attendance.ts';
import { StringEnum } from '../../lib/nullable.ts';

const Half = Type.Union([Type.Literal('morning'), Type.Literal('afternoon')]);

const EventFields = {
  id: Type.Integer(), unitId: Type.Integer(), unitName: Type.String(), kind: Type.Union([Type.Literal('conference'), Type.Literal('course')]),
  name: Type.String(), startsOn: Type.String(), endsOn: Type.String(), halves: Type.Union([Type.Literal('both'), Half]),
  location: Nullable(Type.String()), programme: Nullable(Type.String()),
  halfDays: Type.Array(Type.Object({ day: Type.String(), half: Half })),
};
export const EventSummary = Type.Object({ ...EventFields, invitees: Type.Integer() });
export type EventSummary = Static<typeof EventSummary>;
export const EventDetail = Type.Object({ ...EventFields, canManage: Type.Boolean(), limitedToOwnUnits: Type.Boolean() });
export type EventDetail = Static<typeof EventDetail>;
export const InviteReply = Type.Object({ added: Type.Integer(), total: Type.Integer() });

/** The invitees and their marks by `day/half` (e.g. `2026-07-01/morning`), only the half-days marked. */
export const EventSheet = replyOf<Awaited<ReturnType<typeof attendanceSheet>>>()(Type.Object({
  event: Type.Object({ ...EventFields, canManage: Type.Boolean() }),
  items: Type.Array(Type.Object({
    personId: Type.Integer(), fullName: Type.String(), position: Type.String(), unitId: Type.Integer(), unitName: Type.String(),
    marks: Type.Record(Type.String(), Type.Object({ status: StringEnum(ATTENDANCE_STATUSES), reason: Nullable(Type.String()) })),
  })),
}));
export type EventSheet = Static<typeof EventSheet>;

export const EventAbsentee = Type.Object({
  personId: Type.Integer(), fullName: Type.String(), position: Type.String(), unitName: Type.String(), day: Type.String(), half: Half,
  status: Type.Union([Type.Literal('absent'), Type.Literal('unmarked')]), reason: Nullable(Type.String()),
});
