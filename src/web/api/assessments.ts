import type { Static } from '@fastify/type-provider-typebox';
import type { AssessmentInput } from '../../domain/assessment/views.ts';
import type {
  AssemblyCheckView, AssessmentDetailView, AssessmentSummaryView, ExtraTimeView as ExtraTimeViewSchema, MonitorViewReply,
} from '../../server/modules/assessments/schemas.ts';
import { api, downloadFile, withQuery } from './client.ts';

export type { AssessmentInput };
export type AssemblyCheck = Static<typeof AssemblyCheckView>;
export type AssessmentDetail = Static<typeof AssessmentDetailView>;
export type AssessmentSummary = Static<typeof AssessmentSummaryView>;
export type ExtraTimeView = Static<typeof ExtraTimeViewSchema>;
export type MonitorView = Static<typeof MonitorViewReply>;

export interface MonitorQuery {
  unitId?: number;
  siteId?: number;
  state?: 'not_started' | 'in_progress' | 'submitted' | 'voided' | 'disconnected' | 'signals';
  q?: string;
  disconnectedMinutes?: number;
  offset?: number;
  limit?: number;
}

export const assessmentsApi = {
  list: async (campaignId?: number) => (await api.get<{ items: AssessmentSummary[] }>(withQuery('/api/assessments', { campaignId }))).items,
  get: (id: number) => api.get<AssessmentDetail>(`/api/assessments/${id}`),
  create: (input: AssessmentInput) => api.post<{ id: number }>('/api/assessments', input),
  update: (id: number, input: AssessmentInput) => api.put<{ ok: true }>(`/api/assessments/${id}`, input),
  remove: (id: number) => api.delete<{ ok: true }>(`/api/assessments/${id}`),
  check: (id: number) => api.post<AssemblyCheck>(`/api/assessments/${id}/check`),
  publish: (id: number) => api.post<{ ok: true; variants: string[] }>(`/api/assessments/${id}/publish`),
  paper: (id: number, code: string, format: 'docx' | 'pdf') =>
    downloadFile(`/api/assessments/${id}/variants/${encodeURIComponent(code)}/paper?format=${format}`, { fallbackName: `ma-de-${code}.${format}` }),
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
