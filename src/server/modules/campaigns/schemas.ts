import { Type, type Static } from '@sinclair/typebox';

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
  targets: Type.Array(Type.Object({
    unitId: Type.Integer(),
    positions: Type.Optional(Type.Array(Type.Union([Type.Literal('manager'), Type.Literal('teacher'), Type.Literal('staff')]))),
  }), { maxItems: 500 }),
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
