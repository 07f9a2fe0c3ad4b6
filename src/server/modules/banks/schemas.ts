import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../lib/nullable.ts';

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
