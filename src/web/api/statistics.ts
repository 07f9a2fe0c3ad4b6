import type { StatisticsView } from '../../domain/statistics/views.ts';
import { api, downloadFile, withQuery } from './client.ts';

export type { StatisticsView };

export const statisticsApi = {
  view: (assessmentId: number, unitId?: number) => api.get<StatisticsView>(withQuery(`/api/assessments/${assessmentId}/statistics`, { unitId })),
  correctKey: (assessmentId: number, ordinal: number, correctIndex: number) =>
    api.post<{ total: number; changed: number; key: string }>(`/api/assessments/${assessmentId}/questions/${ordinal}/key`, { correctIndex }),
  report: (assessmentId: number, format: 'xlsx' | 'pdf' | 'csv', unitId?: number) =>
    downloadFile(withQuery(`/api/assessments/${assessmentId}/report`, { format, unitId }), { fallbackName: `ket-qua.${format}` }),
};
