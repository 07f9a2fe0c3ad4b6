import type { AttendanceStatus, Half } from '../../domain/training/attendance.ts';
import { api, downloadFile, putJson, uploadJson } from './client.ts';
import type { Material } from './training.ts';

export interface EventSummary {
  id: number; unitId: number; unitName: string; kind: 'conference' | 'course'; name: string; startsOn: string; endsOn: string;
  halves: 'both' | Half; location: string | null; programme: string | null; halfDays: { day: string; half: Half }[]; invitees?: number;
}
export interface EventSheet {
  event: EventSummary & { canManage: boolean };
  items: { personId: number; fullName: string; position: string; unitId: number; unitName: string;
    marks: Record<string, { status: AttendanceStatus; reason: string | null }> }[];
}
export interface EventInput { unitId: number; kind: 'conference' | 'course'; name: string; startsOn: string; endsOn: string; halves: 'both' | Half;
  location?: string | null; programme?: string | null }

export const eventsApi = {
  list: async () => (await api.get<{ items: EventSummary[] }>('/api/events')).items,
  create: (input: EventInput) => api.post<{ id: number }>('/api/events', input),
  sheet: (id: number) => api.get<EventSheet>(`/api/events/${id}/attendance`),
  invite: (id: number, input: { unitId: number; positions?: string[] }) => api.post<{ added: number; total: number }>(`/api/events/${id}/invitees`, input),
  mark: (id: number, personId: number, input: { day: string; half: Half; status: AttendanceStatus; reason?: string | null }) =>
    putJson(`/api/events/${id}/attendance/${personId}`, input),
  absenteesXlsx: (id: number) => downloadFile(`/api/events/${id}/absentees.xlsx`, { fallbackName: 'vang-mat.xlsx' }),
  materials: async (id: number) => (await api.get<{ items: Material[] }>(`/api/events/${id}/materials`)).items,
  upload: (id: number, file: File, onProgress: (p: number) => void) => uploadJson<{ id: number }>(`/api/events/${id}/materials`, file, onProgress),
};
