import type { Static } from '@fastify/type-provider-typebox';
import type {
  AssemblyCheckView,
  AssessmentBody,
  AssessmentDetailView,
  AssessmentSummaryView,
  ExtraTimeView as ExtraTimeViewSchema,
  MonitorQuery as MonitorQuerySchema,
  MonitorViewReply,
} from '../../server/modules/assessments/schemas.ts';
import { api, downloadFile, withQuery } from './client.ts';

/** What the editor sends: the same body creates and edits. */
export type AssessmentInput = Static<typeof AssessmentBody>;
export type AssemblyCheck = Static<typeof AssemblyCheckView>;
export type AssessmentDetail = Static<typeof AssessmentDetailView>;
export type AssessmentSummary = Static<typeof AssessmentSummaryView>;
export type ExtraTimeView = Static<typeof ExtraTimeViewSchema>;
export type MonitorView = Static<typeof MonitorViewReply>;

export type MonitorQuery = Static<typeof MonitorQuerySchema>;

export const assessmentsApi = {
  list: async (campaignId?: number) => (await api.get<{ items: AssessmentSummary[] }>(withQuery('/api/assessments', { campaignId }))).items,
  get: (id: number) => api.get<AssessmentDetail>(`/api/assessments/${id}`),
  create: (input: AssessmentInput) => api.post<{ id: number }>('/api/assessments', input),
  update: (id: number, input: AssessmentInput) => api.put<{ ok: true }>(`/api/assessments/${id}`, input),
  remove: (id: number) => api.delete<{ ok: true }>(`/api/assessments/${id}`),
  check: (id: number) => api.post<AssemblyCheck>(`/api/assessments/${id}/check`),
  publish: (id: number) => api.post<{ ok: true; variants: string[] }>(`/api/assessments/${id}/publish`),
  paper: (id: number, code: string, format: 'docx' | 'pdf') =>
    downloadFile(`/api/assessments/${id}/variants/${encodeURIComponent(code)}/paper?format=${format}`, {
      fallbackName: `ma-de-${code}.${format}`,
    }),
  monitor: (id: number, query: MonitorQuery) => api.get<MonitorView>(withQuery(`/api/assessments/${id}/monitor`, { ...query })),
  extend: (attemptId: number, minutes: number, reason?: string) =>
    api.post<{ deadlineAt: string }>(`/api/attempts/${attemptId}/extend`, { minutes, reason }),
  reopen: (attemptId: number, minutes: number, reason?: string) =>
    api.post<{ deadlineAt: string }>(`/api/attempts/${attemptId}/reopen`, { minutes, reason }),
  void: (attemptId: number, reason: string) => api.post<{ ok: true }>(`/api/attempts/${attemptId}/void`, { reason }),
  setExtraTime: (id: number, personId: number, minutes: number, reason?: string) =>
    api.put<ExtraTimeView>(`/api/assessments/${id}/extra-time/${personId}`, { minutes, reason }),
  clearExtraTime: (id: number, personId: number) => api.delete<ExtraTimeView>(`/api/assessments/${id}/extra-time/${personId}`),
};
