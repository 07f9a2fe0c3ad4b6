import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable } from '../../lib/nullable.ts';
import { Passthrough } from '../../lib/schemas.ts';
import type { getMeeting, listMeetings } from './service.ts';

export const CriteriaSet = Type.Object({
  id: Type.Integer(), name: Type.String(), unitName: Nullable(Type.String()), active: Type.Boolean(),
  bands: Type.Array(Type.Object({ label: Type.String(), min: Type.Number() })),
  criteria: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), maxPoints: Type.Number() })),
});
export type CriteriaSet = Static<typeof CriteriaSet>;

/** Meetings of a period, with the cells that held none. */
export const MeetingList = Passthrough<Awaited<ReturnType<typeof listMeetings>>>('meetings of a period (cell-meetings/service.ts)');
export type MeetingList = Static<typeof MeetingList>;
export const MeetingDetail = Passthrough<Awaited<ReturnType<typeof getMeeting>>>('one meeting (cell-meetings/service.ts)');
export type MeetingDetail = Static<typeof MeetingDetail>;
export const DraftReply = Type.Object({ fileName: Type.String() });
