import type {
  AttemptResult, ExamPayload, MyAssessment, PingReply, SaveAnswersReply, SavedAnswer,
} from '../../../domain/assessment/views.ts';
import { api } from '../../api/client.ts';

export const examApi = {
  mine: () => api.get<{ items: MyAssessment[]; serverNow: string }>('/api/my/assessments'),
  start: (assessmentId: number) => api.post<{ attemptId: number }>(`/api/my/assessments/${assessmentId}/start`),
  load: (attemptId: number) => api.get<ExamPayload>(`/api/attempts/${attemptId}`),
  save: (attemptId: number, clientId: string, answers: SavedAnswer[]) =>
    api.post<SaveAnswersReply>(`/api/attempts/${attemptId}/answers`, { clientId, answers }),
  ping: (attemptId: number, body: { clientId: string; hiddenCount: number; hiddenMs: number }) =>
    api.post<PingReply>(`/api/attempts/${attemptId}/ping`, body),
  submit: (attemptId: number, body: { clientId: string; answers: SavedAnswer[]; kind: 'participant' | 'deadline' }) =>
    api.post<AttemptResult>(`/api/attempts/${attemptId}/submit`, body),
  result: (attemptId: number) => api.get<AttemptResult>(`/api/attempts/${attemptId}/result`),
};
