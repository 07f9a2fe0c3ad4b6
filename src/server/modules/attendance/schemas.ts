import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable, NullableEnum, OneOf } from '../../lib/nullable.ts';
import { ATTENDANCE_STATUSES } from '../../../domain/training/attendance.ts';

const CheckinState = Type.Union([Type.Literal('not_yet'), Type.Literal('open'), Type.Literal('closed')]);
const Status = OneOf(ATTENDANCE_STATUSES);

export const MarkingList = Type.Object({
  session: Type.Object({
    id: Type.Integer(),
    date: Type.String(),
    startsAt: Type.String(),
    endsAt: Type.String(),
    topicName: Nullable(Type.String()),
    lecturerName: Nullable(Type.String()),
    siteId: Type.Integer(),
    siteName: Type.String(),
    checkin: CheckinState,
  }),
  canMark: Type.Boolean(),
  items: Type.Array(
    Type.Object({
      personId: Type.Integer(),
      fullName: Type.String(),
      staffId: Nullable(Type.String()),
      unitName: Type.String(),
      status: NullableEnum(ATTENDANCE_STATUSES),
      reason: Nullable(Type.String()),
      note: Nullable(Type.String()),
      via: NullableEnum(['proctor', 'self'] as const),
      markedAt: Nullable(Type.String()),
    }),
  ),
});
export type MarkingList = Static<typeof MarkingList>;

export const MarkReply = Type.Object({ status: Status, reason: Nullable(Type.String()) });
export const MarkRestReply = Type.Object({ marked: Type.Integer() });
export const CheckinDisplay = Type.Object({
  code: Type.String(),
  url: Type.String(),
  qrSvg: Type.String(),
  state: CheckinState,
  date: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
});
export type CheckinDisplay = Static<typeof CheckinDisplay>;
export const CheckinReply = Type.Object({
  status: Status,
  already: Type.Boolean(),
  siteName: Type.String(),
  topicName: Nullable(Type.String()),
});

const Tally = {
  participants: Type.Integer(),
  expected: Type.Integer(),
  present: Type.Integer(),
  late: Type.Integer(),
  absent: Type.Integer(),
  unmarked: Type.Integer(),
  rate: Nullable(Type.Number()),
};
export const AttendanceSummary = Type.Object({
  heldSessions: Type.Integer(),
  totalSessions: Type.Integer(),
  total: Type.Object(Tally),
  sites: Type.Array(Type.Object({ siteId: Type.Integer(), siteName: Type.String(), held: Type.Integer(), ...Tally })),
  units: Type.Array(Type.Object({ unitId: Type.Integer(), unitName: Type.String(), ...Tally })),
});
export type AttendanceSummary = Static<typeof AttendanceSummary>;

export const Absentee = Type.Object({
  personId: Type.Integer(),
  fullName: Type.String(),
  staffId: Nullable(Type.String()),
  unitId: Type.Integer(),
  unitName: Type.String(),
  siteName: Type.String(),
  sessionId: Type.Integer(),
  date: Type.String(),
  startsAt: Type.String(),
  topicName: Nullable(Type.String()),
  status: Type.Union([Type.Literal('absent'), Type.Literal('unmarked')]),
  reason: Nullable(Type.String()),
});
export type Absentee = Static<typeof Absentee>;
