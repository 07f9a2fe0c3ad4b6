import type {
  AttemptResult, ExamPayload, MyAssessment, PingBody, PingReply, SaveAnswersBody, SaveAnswersReply, SubmitBody,
} from '../../../domain/assessment/views.ts';
import { api, type CallOptions } from '../../api/client.ts';
import type { Me } from '../../api/auth.ts';

/** The exam's own calls: a stuck request is given up (and retried) rather than waited on, and a 401 is handled in place. */
const EXAM_CALL: CallOptions = { timeoutMs: 15_000, quiet: true };

export const examApi = {
  mine: () => api.get<{ items: MyAssessment[]; serverNow: string }>('/api/my/assessments'),
  start: (assessmentId: number) => api.post<{ attemptId: number }>(`/api/my/assessments/${assessmentId}/start`),
  load: (attemptId: number) => api.get<ExamPayload>(`/api/attempts/${attemptId}`, EXAM_CALL),
  save: (attemptId: number, body: SaveAnswersBody) =>
    api.post<SaveAnswersReply>(`/api/attempts/${attemptId}/answers`, body, EXAM_CALL),
  ping: (attemptId: number, body: PingBody) => api.post<PingReply>(`/api/attempts/${attemptId}/ping`, body, EXAM_CALL),
  submit: (attemptId: number, body: SubmitBody) =>
    api.post<AttemptResult>(`/api/attempts/${attemptId}/submit`, body, { ...EXAM_CALL, timeoutMs: 30_000 }),
  result: (attemptId: number) => api.get<AttemptResult>(`/api/attempts/${attemptId}/result`),
  /** Who this browser is signed in as now (another tab may have signed in as someone else). */
  whoami: () => api.get<Me>('/api/auth/me', EXAM_CALL),
  login: (username: string, password: string) =>
    api.post<{ mustChangePassword: boolean; csrfToken: string }>('/api/auth/login', { username, password }, EXAM_CALL),
};
