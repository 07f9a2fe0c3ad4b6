import { Type, type Static } from '@fastify/type-provider-typebox';
import { StringEnum } from '../../lib/nullable.ts';
import { POSITIONS } from '../../../domain/roster.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const CampaignBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 300 }),
  schoolYear: Type.String({ minLength: 4, maxLength: 20 }),
  unitId: Type.Integer(),
  startsOn: Type.Optional(Nullable(IsoDate)),
  endsOn: Type.Optional(Nullable(IsoDate)),
  description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  attendanceRequiredPercent: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 100 }), Type.Null()])),
});
export type CampaignBody = Static<typeof CampaignBody>;

export const UpdateCampaignBody = Type.Partial(Type.Omit(CampaignBody, ['unitId']));
export type UpdateCampaignBody = Static<typeof UpdateCampaignBody>;

export const TargetsBody = Type.Object({
  targets: Type.Array(
    Type.Object({
      unitId: Type.Integer(),
      positions: Type.Optional(Type.Array(Type.Union([Type.Literal('manager'), Type.Literal('teacher'), Type.Literal('staff')]))),
    }),
    { maxItems: 500 },
  ),
});
export type TargetsBody = Static<typeof TargetsBody>;

export const TopicBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 300 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  lecturerId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
});
export type TopicBody = Static<typeof TopicBody>;
export const UpdateTopicBody = Type.Partial(TopicBody);
export type UpdateTopicBody = Static<typeof UpdateTopicBody>;

// Replies.
const NullableText = Type.Union([Type.String(), Type.Null()]);
export const CampaignSummary = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  schoolYear: Type.String(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  startsOn: NullableText,
  endsOn: NullableText,
  siteCount: Type.Integer(),
  participantCount: Type.Integer(),
});
export type CampaignSummary = Static<typeof CampaignSummary>;
export const CampaignTopic = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  description: NullableText,
  lecturerId: Type.Union([Type.Integer(), Type.Null()]),
  lecturerName: NullableText,
});
export type CampaignTopic = Static<typeof CampaignTopic>;
export const CampaignDetail = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  schoolYear: Type.String(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  startsOn: NullableText,
  endsOn: NullableText,
  description: NullableText,
  attendanceRequiredPercent: Type.Union([Type.Number(), Type.Null()]),
  canManage: Type.Boolean(),
  limitedToOwnUnits: Type.Boolean(),
  targets: Type.Array(Type.Object({ unitId: Type.Integer(), unitName: Type.String(), positions: Type.Array(StringEnum(POSITIONS)) })),
  topics: Type.Array(CampaignTopic),
});
export type CampaignDetail = Static<typeof CampaignDetail>;
