import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable } from '../../lib/nullable.ts';

export const SiteView = Type.Object({
  id: Type.Integer(), name: Type.String(), unitId: Type.Integer(), unitName: Type.String(), address: Nullable(Type.String()),
  capacity: Nullable(Type.Integer()), onlineUrl: Nullable(Type.String()), participants: Type.Integer(), sessions: Type.Integer(),
  proctors: Type.Array(Type.Object({ personId: Type.Integer(), fullName: Type.String() })),
});
export type SiteView = Static<typeof SiteView>;

export const ParticipantView = Type.Object({
  personId: Type.Integer(), fullName: Type.String(), staffId: Nullable(Type.String()), position: Type.String(), unitId: Type.Integer(),
  unitName: Type.String(),
});
export type ParticipantView = Static<typeof ParticipantView>;

export const AssignReply = Type.Object({
  added: Type.Integer(), moved: Type.Integer(), total: Type.Integer(), capacity: Nullable(Type.Integer()), overCapacity: Type.Boolean(),
});
export const RemoveReply = Type.Object({ removed: Type.Integer() });

/** A training session (local Vietnam date and times). */
export const SessionView = Type.Object({
  id: Type.Integer(), siteId: Type.Integer(), date: Type.String(), startsAt: Type.String(), endsAt: Type.String(),
  topicId: Nullable(Type.Integer()), topicName: Nullable(Type.String()), lecturerId: Nullable(Type.Integer()),
  lecturerName: Nullable(Type.String()), note: Nullable(Type.String()),
});
export type SessionView = Static<typeof SessionView>;
