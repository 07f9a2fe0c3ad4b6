import type { Static } from '@fastify/type-provider-typebox';
import type {
  ClassBody,
  ClassDetail as ClassDetailSchema,
  ClassReport as ClassReportSchema,
  ClassSummary as ClassSummarySchema,
  ClassType as ClassTypeSchema,
  ReportQuery as ReportQuerySchema,
  TraineeBody,
  TraineesBody,
  UpdateClassBody,
} from '../../server/modules/classes/schemas.ts';
import { api, downloadFile, putJson, withQuery } from './client.ts';

export type ClassType = Static<typeof ClassTypeSchema>;
export type ClassSummary = Static<typeof ClassSummarySchema>;
export type ClassDetail = Static<typeof ClassDetailSchema>;
export type ClassInput = Static<typeof ClassBody>;
export type ClassReport = Static<typeof ClassReportSchema>;
export type TypeRow = ClassReport['rows'][number];
export type ReportQuery = Static<typeof ReportQuerySchema>;

export const classesApi = {
  types: async () => (await api.get<{ items: ClassType[] }>('/api/class-types')).items,
  list: async (year: number) => (await api.get<{ items: ClassSummary[] }>(withQuery('/api/classes', { year }))).items,
  create: (input: ClassInput) => api.post<{ id: number }>('/api/classes', input),
  get: (id: number) => api.get<ClassDetail>(`/api/classes/${id}`),
  update: (id: number, input: Static<typeof UpdateClassBody>) => api.patch<{ ok: true }>(`/api/classes/${id}`, input),
  setLecturers: (id: number, lecturerIds: number[]) => putJson<{ ok: true }>(`/api/classes/${id}/lecturers`, { lecturerIds }),
  addTrainees: (id: number, input: Static<typeof TraineesBody>) => api.post<{ added: number }>(`/api/classes/${id}/trainees`, input),
  updateTrainee: (id: number, input: Static<typeof TraineeBody>) => api.patch<{ ok: true }>(`/api/class-trainees/${id}`, input),
  report: (q: ReportQuery) => api.get<ClassReport>(withQuery('/api/class-reports', { ...q })),
  download: (q: ReportQuery, format: 'xlsx' | 'pdf') =>
    downloadFile(withQuery(`/api/class-reports.${format}`, { ...q }), { fallbackName: `bao-cao-lop.${format}` }),
};
