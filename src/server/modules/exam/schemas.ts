import { Type, type Static } from '@fastify/type-provider-typebox';
import { replyOf, RichBlockView } from '../../lib/schemas.ts';
import type {
  AttemptResult,
  ExamPayload,
  ExamQuestion,
  HeldAnswer,
  MyAssessment,
  PingReply,
  SaveAnswersReply,
} from '../../../domain/assessment/views.ts';
import { Nullable, StringEnum } from '../../lib/nullable.ts';

const Answer = Type.Object({
  position: Type.Integer({ minimum: 0, maximum: 299 }),
  choice: Nullable(Type.Integer({ minimum: 0, maximum: 7 })),
  flagged: Type.Boolean(),
  seq: Type.Integer({ minimum: 1, maximum: 2_000_000_000 }),
  base: Type.Integer({ minimum: 0, maximum: 2_000_000_000 }),
});
// 'edge:…' marks an attempt an edge server holds (edges/sync-service.ts): no device may claim it.
const ClientId = Type.String({ minLength: 1, maxLength: 64, pattern: '^(?!edge:)' });
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

// Replies: the types of domain/assessment/views.ts (the participant's pages import them), each schema checked against its
// type (replyOf). The hot paths (answers, ping) hold only integers, strings and booleans: plain code to the serializer.
const Int = Type.Integer();
const Text = Type.String();
export const AttemptStatusView = StringEnum(['in_progress', 'submitted', 'voided'] as const);

export const MyAssessmentView = replyOf<MyAssessment>()(
  Type.Object({
    id: Int,
    title: Text,
    instructions: Nullable(Text),
    opensAt: Text,
    closesAt: Text,
    durationMin: Int,
    questionCount: Int,
    state: StringEnum(['upcoming', 'open', 'in_progress', 'submitted', 'missed'] as const),
    attemptsLeft: Int,
    extraMinutes: Int,
    attempt: Nullable(
      Type.Object({
        id: Int,
        status: AttemptStatusView,
        deadlineAt: Text,
        submittedAt: Nullable(Text),
        score: Nullable(Type.Number()),
        band: Nullable(Text),
      }),
    ),
  }),
);
export const MyAssessmentsReply = Type.Object({ items: Type.Array(MyAssessmentView), serverNow: Text });
export const StartReply = Type.Object({ attemptId: Type.Integer() });

const RichStemView = Type.Optional(Nullable(Type.Array(RichBlockView)));
export const ExamQuestionView = replyOf<ExamQuestion>()(
  Type.Object({
    position: Int,
    stem: Text,
    stemRich: RichStemView,
    stemImages: Type.Array(Text),
    options: Type.Array(Type.Object({ text: Text, images: Type.Array(Text) })),
  }),
);
export const HeldAnswerView = replyOf<HeldAnswer>()(
  Type.Object({
    position: Int,
    choice: Nullable(Type.Integer()),
    flagged: Type.Boolean(),
    version: Int,
    writer: Nullable(Text),
    seq: Int,
  }),
);
export const ExamPayloadReply = replyOf<ExamPayload>()(
  Type.Object({
    serverNow: Text,
    attempt: Type.Object({ id: Int, status: AttemptStatusView, startedAt: Text, deadlineAt: Text, variantCode: Text }),
    assessment: Type.Object({ id: Int, title: Text, instructions: Nullable(Text), questionCount: Int, durationMin: Int }),
    questions: Type.Array(ExamQuestionView),
    answers: Type.Array(HeldAnswerView),
  }),
);
export const SaveAnswersReplyView = replyOf<SaveAnswersReply>()(Type.Object({ held: Type.Array(HeldAnswerView), serverNow: Text }));
export const PingReplyView = replyOf<PingReply>()(
  Type.Object({
    status: AttemptStatusView,
    serverNow: Text,
    deadlineAt: Text,
    answers: Type.Optional(Type.Array(HeldAnswerView)),
    otherDeviceActive: Type.Boolean(),
  }),
);
export const AttemptResultView = replyOf<AttemptResult>()(
  Type.Object({
    attemptId: Int,
    assessmentTitle: Text,
    status: AttemptStatusView,
    submittedAt: Nullable(Text),
    submitKind: Nullable(StringEnum(['participant', 'deadline', 'server'] as const)),
    total: Int,
    answered: Nullable(Type.Integer()),
    score: Nullable(Type.Number()),
    correct: Nullable(Type.Integer()),
    band: Nullable(Text),
    scoreVisibleFrom: Nullable(Text),
    reviewAvailable: Type.Optional(Type.Boolean()),
    awaitingSync: Type.Optional(Type.Boolean()),
    refusedByProvince: Type.Optional(Type.Boolean()),
    rejectedAnswers: Type.Optional(Int),
    supersededAnswers: Type.Optional(Int),
    questions: Nullable(
      Type.Array(
        Type.Object({
          position: Int,
          stem: Text,
          stemRich: RichStemView,
          options: Type.Array(Text),
          choice: Nullable(Type.Integer()),
          correct: Nullable(Type.Integer()),
        }),
      ),
    ),
  }),
);
