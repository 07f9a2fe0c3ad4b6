import { Type, type Static } from '@fastify/type-provider-typebox';
import { Passthrough } from '../../lib/schemas.ts';
import type { AttemptResult, ExamPayload, MyAssessment, PingReply, SaveAnswersReply } from '../../../domain/assessment/views.ts';
import { Nullable } from '../../lib/nullable.ts';

const Answer = Type.Object({
  position: Type.Integer({ minimum: 0, maximum: 299 }),
  choice: Nullable(Type.Integer({ minimum: 0, maximum: 7 })),
  flagged: Type.Boolean(),
  seq: Type.Integer({ minimum: 1, maximum: 2_000_000_000 }),
  base: Type.Integer({ minimum: 0, maximum: 2_000_000_000 }),
});
const ClientId = Type.String({ minLength: 1, maxLength: 64 });
const DeviceId = Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

export const SaveAnswersBody = Type.Object({ clientId: ClientId, deviceId: DeviceId, answers: Type.Array(Answer, { maxItems: 600 }) });
export type SaveAnswersBody = Static<typeof SaveAnswersBody>;

export const PingBody = Type.Object({
  clientId: ClientId,
  hiddenCount: Type.Integer({ minimum: 0, maximum: 10000 }),
  hiddenMs: Type.Integer({ minimum: 0 }),
  known: Type.Integer({ minimum: 0 }),
});
export type PingBody = Static<typeof PingBody>;

export const SubmitBody = Type.Object({
  clientId: ClientId,
  deviceId: DeviceId,
  answers: Type.Array(Answer, { maxItems: 600 }),
  kind: Type.Union([Type.Literal('participant'), Type.Literal('deadline')]),
});
export type SubmitBody = Static<typeof SubmitBody>;

export const ImageParams = Type.Object({ id: Type.Integer(), imageId: Type.Integer() });
export type ImageParams = Static<typeof ImageParams>;

// Replies: the types of domain/assessment/views.ts (the participant's pages import them), sent as they are — the
// exam's hot paths keep JSON.stringify's speed and every field of those types.
export const MyAssessmentsReply = Passthrough<{ items: MyAssessment[]; serverNow: string }>('MyAssessment[] (domain/assessment/views.ts)');
export const StartReply = Type.Object({ attemptId: Type.Integer() });
export const ExamPayloadReply = Passthrough<ExamPayload>('ExamPayload (domain/assessment/views.ts)');
export const SaveAnswersReplyView = Passthrough<SaveAnswersReply>('SaveAnswersReply (domain/assessment/views.ts)');
export const PingReplyView = Passthrough<PingReply>('PingReply (domain/assessment/views.ts)');
export const AttemptResultView = Passthrough<AttemptResult>('AttemptResult (domain/assessment/views.ts)');
