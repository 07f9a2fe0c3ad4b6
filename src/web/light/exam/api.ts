import type { Static } from '@fastify/type-provider-typebox';
import type {
  AttemptResultView,
  ExamPayloadReply,
  ExamQuestionView,
  HeldAnswerView,
  MyAssessmentsReply,
  PingBody as PingBodySchema,
  PingReplyView,
  SaveAnswersBody as SaveAnswersBodySchema,
  SaveAnswersReplyView,
  StartReply,
  SubmitBody as SubmitBodySchema,
} from '../../../server/modules/exam/schemas.ts';
import { api, type CallOptions } from '../../api/client.ts';
import type { Me } from '../../api/auth.ts';

/** The exam's own calls: a stuck request is given up (and retried) rather than waited on, and a 401 is handled in place. */
const EXAM_CALL: CallOptions = { timeoutMs: 15_000, quiet: true };

// The replies as the server's schemas write them (each checked against its type in domain/assessment/views.ts).
export type MyAssessments = Static<typeof MyAssessmentsReply>;
export type MyAssessment = MyAssessments['items'][number];
export type ExamQuestion = Static<typeof ExamQuestionView>;
export type HeldAnswer = Static<typeof HeldAnswerView>;
export type ExamPayload = Static<typeof ExamPayloadReply>;
export type SaveAnswersReply = Static<typeof SaveAnswersReplyView>;
export type PingReply = Static<typeof PingReplyView>;
export type AttemptResult = Static<typeof AttemptResultView>;
// The bodies the server validates.
export type SaveAnswersBody = Static<typeof SaveAnswersBodySchema>;
export type AnswerChange = SaveAnswersBody['answers'][number];
export type PingBody = Static<typeof PingBodySchema>;
export type SubmitBody = Static<typeof SubmitBodySchema>;

export const examApi = {
  mine: () => api.get<MyAssessments>('/api/my/assessments'),
  start: (assessmentId: number) => api.post<Static<typeof StartReply>>(`/api/my/assessments/${assessmentId}/start`),
  load: (attemptId: number) => api.get<ExamPayload>(`/api/attempts/${attemptId}`, EXAM_CALL),
  save: (attemptId: number, body: SaveAnswersBody) => api.post<SaveAnswersReply>(`/api/attempts/${attemptId}/answers`, body, EXAM_CALL),
  ping: (attemptId: number, body: PingBody) => api.post<PingReply>(`/api/attempts/${attemptId}/ping`, body, EXAM_CALL),
  submit: (attemptId: number, body: SubmitBody) =>
    api.post<AttemptResult>(`/api/attempts/${attemptId}/submit`, body, { ...EXAM_CALL, timeoutMs: 30_000 }),
  result: (attemptId: number) => api.get<AttemptResult>(`/api/attempts/${attemptId}/result`),
  /** Who this browser is signed in as now (another tab may have signed in as someone else). */
  whoami: () => api.get<Me>('/api/auth/me', EXAM_CALL),
  login: (username: string, password: string) =>
    api.post<{ mustChangePassword: boolean; csrfToken: string }>('/api/auth/login', { username, password }, EXAM_CALL),
};
