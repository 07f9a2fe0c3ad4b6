import { api, downloadFile, putJson, withQuery } from './client.ts';

export interface ClassType { id: number; code: string; name: string; active: boolean }
export interface ClassSummary {
  id: number; name: string; typeId: number; typeName: string; unitId: number; unitName: string; plannedStart: string; plannedEnd: string | null;
  actualStart: string | null; actualEnd: string | null; plannedTrainees: number | null; trainees: number; completed: number; canManage: boolean;
}
export interface ClassDetail extends Omit<ClassSummary, 'trainees' | 'completed'> {
  location: string | null; notes: string | null;
  lecturers: { id: number; fullName: string; title: string | null; kind: string; evaluations: number; average: number | null }[];
  trainees: { id: number; personId: number | null; fullName: string; workplace: string | null; completed: boolean; certificateNo: string | null }[];
}
export interface ClassInput {
  unitId: number; typeId: number; name: string; plannedStart: string; plannedEnd?: string | null; actualStart?: string | null;
  actualEnd?: string | null; plannedTrainees?: number | null; location?: string | null;
}
export interface TypeRow { typeId: number; typeName: string; plannedClasses: number; openedClasses: number; plannedTrainees: number;
  trainees: number; completed: number; certificates: number }
export interface ClassReport {
  unitName: string; summary: string; rows: TypeRow[]; total: Omit<TypeRow, 'typeId' | 'typeName'>;
  lecturers: { lecturerId: number; lecturerName: string; lecturerKind: string; classes: number; evaluations: number; average: number | null }[];
}
export interface ReportQuery { unitId?: number; year: number; quarter?: number }

export const classesApi = {
  types: async () => (await api.get<{ items: ClassType[] }>('/api/class-types')).items,
  list: async (year: number) => (await api.get<{ items: ClassSummary[] }>(withQuery('/api/classes', { year }))).items,
  create: (input: ClassInput) => api.post<{ id: number }>('/api/classes', input),
  get: (id: number) => api.get<ClassDetail>(`/api/classes/${id}`),
  update: (id: number, input: Partial<Omit<ClassInput, 'unitId'>>) => api.patch<{ ok: true }>(`/api/classes/${id}`, input),
  setLecturers: (id: number, lecturerIds: number[]) => putJson<{ ok: true }>(`/api/classes/${id}/lecturers`, { lecturerIds }),
  addTrainees: (id: number, input: { entries: { fullName: string; workplace?: string | null }[] }) =>
    api.post<{ added: number }>(`/api/classes/${id}/trainees`, input),
  updateTrainee: (id: number, input: { completed?: boolean; certificateNo?: string | null }) => api.patch<{ ok: true }>(`/api/class-trainees/${id}`, input),
  report: (q: ReportQuery) => api.get<ClassReport>(withQuery('/api/class-reports', { ...q })),
  download: (q: ReportQuery, format: 'xlsx' | 'pdf') => downloadFile(withQuery(`/api/class-reports.${format}`, { ...q }),
    { fallbackName: `bao-cao-lop.${format}` }),
};
