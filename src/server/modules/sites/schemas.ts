import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable } from '../../lib/nullable.ts';

export const SiteView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  address: Nullable(Type.String()),
  capacity: Nullable(Type.Integer()),
  onlineUrl: Nullable(Type.String()),
  participants: Type.Integer(),
  sessions: Type.Integer(),
  proctors: Type.Array(Type.Object({ personId: Type.Integer(), fullName: Type.String() })),
});
export type SiteView = Static<typeof SiteView>;

export const ParticipantView = Type.Object({
  personId: Type.Integer(),
  fullName: Type.String(),
  staffId: Nullable(Type.String()),
  position: Type.String(),
  unitId: Type.Integer(),
  unitName: Type.String(),
});
export type ParticipantView = Static<typeof ParticipantView>;

export const AssignReply = Type.Object({
  added: Type.Integer(),
  moved: Type.Integer(),
  total: Type.Integer(),
  capacity: Nullable(Type.Integer()),
  overCapacity: Type.Boolean(),
});
export const RemoveReply = Type.Object({ removed: Type.Integer() });

/** A training session (local Vietnam date and times). */
export const SessionView = Type.Object({
  id: Type.Integer(),
  siteId: Type.Integer(),
  date: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  topicId: Nullable(Type.Integer()),
  topicName: Nullable(Type.String()),
  lecturerId: Nullable(Type.Integer()),
  lecturerName: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
export type SessionView = Static<typeof SessionView>;

// Requests.
const Text = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
export const SiteBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  unitId: Type.Integer(),
  address: Text(300),
  capacity: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 100_000 }), Type.Null()])),
  onlineUrl: Text(1000),
});
const Position = Type.Union([Type.Literal('manager'), Type.Literal('teacher'), Type.Literal('staff')]);
export const AssignBody = Type.Object({
  unitId: Type.Optional(Type.Integer()),
  positions: Type.Optional(Type.Array(Position, { maxItems: 3 })),
  personIds: Type.Optional(Type.Array(Type.Integer(), { maxItems: 20_000 })),
});
export const PeopleBody = Type.Object({ personIds: Type.Array(Type.Integer(), { maxItems: 20_000 }) });
const Time = Type.String({ pattern: '^\\d{2}:\\d{2}$' });
export const SessionBody = Type.Object({
  date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  startsAt: Time,
  endsAt: Time,
  topicId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  lecturerId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  note: Text(500),
});
export type SiteBody = Static<typeof SiteBody>;
export type AssignBody = Static<typeof AssignBody>;
export type SessionBody = Static<typeof SessionBody>;
