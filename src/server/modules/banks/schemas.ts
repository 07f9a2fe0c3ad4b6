import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable } from '../../lib/nullable.ts';

export const BankView = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  unitId: Type.Integer(),
  unitName: Type.String(),
  active: Type.Boolean(),
  owns: Type.Boolean(),
  topicCount: Type.Integer(),
  sharedWith: Type.Array(Type.Object({ unitId: Type.Integer(), unitName: Type.String() })),
});
export type BankView = Static<typeof BankView>;

export const DifficultyCounts = Type.Object({
  total: Type.Integer(),
  recognition: Type.Integer(),
  comprehension: Type.Integer(),
  application: Type.Integer(),
  unrated: Type.Integer(),
});
export type DifficultyCounts = Static<typeof DifficultyCounts>;

export const TopicView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  materialUrl: Nullable(Type.String()),
  counts: DifficultyCounts,
});
export type TopicView = Static<typeof TopicView>;
export const TopicList = Type.Object({ items: Type.Array(TopicView), withoutTopic: DifficultyCounts });

export const CreateBankBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  unitId: Type.Integer(),
  code: Type.Optional(Type.String({ maxLength: 40 })),
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});
export type CreateBankBody = Static<typeof CreateBankBody>;

export const UpdateBankBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  active: Type.Optional(Type.Boolean()),
});
export type UpdateBankBody = Static<typeof UpdateBankBody>;

export const ShareParams = Type.Object({ id: Type.Integer(), unitId: Type.Integer() });
export type ShareParams = Static<typeof ShareParams>;

export const TopicBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 300 }),
  materialUrl: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
});
export type TopicBody = Static<typeof TopicBody>;

export const UpdateTopicBody = Type.Partial(TopicBody);
export type UpdateTopicBody = Static<typeof UpdateTopicBody>;
