import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable } from '../../lib/nullable.ts';
import { replyOf } from '../../lib/schemas.ts';
import type { getMeeting, listMeetings } from './service.ts';

export const CriteriaSet = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  unitName: Nullable(Type.String()),
  active: Type.Boolean(),
  bands: Type.Array(Type.Object({ label: Type.String(), min: Type.Number() })),
  criteria: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), maxPoints: Type.Number() })),
});
export type CriteriaSet = Static<typeof CriteriaSet>;

const Int = Type.Integer();
const Text = Type.String();
const Count = Nullable(Type.Integer());
const Share = Nullable(Type.Number());
/** The members' vote and its shares of the members present (percent, two decimals). */
const Vote = Type.Object({
  for: Count,
  against: Count,
  abstain: Count,
  percentages: Nullable(Type.Object({ for: Share, against: Share, abstain: Share })),
});
/** The score out of the set's maximum and its rating; all null without a criteria set, total and rating until fully scored. */
const Result = { total: Nullable(Type.Number()), max: Nullable(Type.Number()), rating: Nullable(Text) };

/** Meetings of a period, with the cells that held none. */
export const MeetingList = replyOf<Awaited<ReturnType<typeof listMeetings>>>()(
  Type.Object({
    from: Text,
    to: Text,
    meetings: Type.Array(
      Type.Object({
        id: Int,
        cellUnitId: Int,
        cellName: Text,
        topic: Text,
        heldOn: Text,
        membersTotal: Count,
        membersPresent: Count,
        opinions: Int,
        vote: Vote,
        ...Result,
      }),
    ),
    cellsWithout: Type.Array(Type.Object({ unitId: Int, name: Text, parentName: Nullable(Text) })),
    cellCount: Int,
  }),
);
export type MeetingList = Static<typeof MeetingList>;

export const MeetingDetail = replyOf<Awaited<ReturnType<typeof getMeeting>>>()(
  Type.Object({
    id: Int,
    cellUnitId: Int,
    cellName: Text,
    topic: Text,
    heldOn: Text,
    chair: Nullable(Text),
    secretary: Nullable(Text),
    guests: Nullable(Text),
    membersTotal: Count,
    membersPresent: Count,
    absentMembers: Nullable(Text),
    criteriaSetId: Count,
    conclusion: Nullable(Text),
    draftFileName: Nullable(Text),
    opinions: Type.Array(Type.Object({ speaker: Text, summary: Text })),
    scores: Type.Array(Type.Object({ criterionId: Int, score: Type.Number() })),
    vote: Vote,
    ...Result,
  }),
);
export type MeetingDetail = Static<typeof MeetingDetail>;
export const DraftReply = Type.Object({ fileName: Type.String() });

// Requests.
const OptionalText = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
const OptionalCount = Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 10_000 }), Type.Null()]));
const MeetingFields = {
  topic: Type.String({ minLength: 1, maxLength: 500 }),
  heldOn: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  chair: OptionalText(200),
  secretary: OptionalText(200),
  guests: OptionalText(1000),
  absentMembers: OptionalText(2000),
  membersTotal: OptionalCount,
  membersPresent: OptionalCount,
  voteFor: OptionalCount,
  voteAgainst: OptionalCount,
  voteAbstain: OptionalCount,
  criteriaSetId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  conclusion: OptionalText(20_000),
  opinions: Type.Optional(
    Type.Array(
      Type.Object({ speaker: Type.String({ minLength: 1, maxLength: 200 }), summary: Type.String({ minLength: 1, maxLength: 5000 }) }),
      { maxItems: 200 },
    ),
  ),
  scores: Type.Optional(
    Type.Array(Type.Object({ criterionId: Type.Integer(), score: Type.Number({ minimum: 0, maximum: 1000 }) }), { maxItems: 100 }),
  ),
};
export const MeetingBody = Type.Object({ cellUnitId: Type.Integer(), ...MeetingFields });
export const UpdateMeetingBody = Type.Partial(Type.Object(MeetingFields));
export const ListQuery = Type.Object({
  unitId: Type.Optional(Type.Integer()),
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  month: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
  quarter: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
});
export const SetBody = Type.Object({
  unitId: Type.Integer(),
  name: Type.String({ minLength: 1, maxLength: 300 }),
  criteria: Type.Array(
    Type.Object({ name: Type.String({ minLength: 1, maxLength: 500 }), maxPoints: Type.Number({ minimum: 0.5, maximum: 1000 }) }),
    { minItems: 1, maxItems: 50 },
  ),
  bands: Type.Optional(
    Type.Array(Type.Object({ label: Type.String({ minLength: 1, maxLength: 50 }), min: Type.Number({ minimum: 0 }) }), { maxItems: 10 }),
  ),
});
export type MeetingBody = Static<typeof MeetingBody>;
export type UpdateMeetingBody = Static<typeof UpdateMeetingBody>;
export type ListQuery = Static<typeof ListQuery>;
