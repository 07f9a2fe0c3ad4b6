import type { AttendanceStatus } from '../../domain/training/attendance.ts';
import { api, downloadFile, putJson, uploadJson, withQuery } from './client.ts';

export type { AttendanceStatus };

export interface CampaignSummary {
  id: number; name: string; schoolYear: string; unitId: number; unitName: string; startsOn: string | null; endsOn: string | null;
  siteCount: number; participantCount: number;
}
export interface CampaignTopic { id: number; name: string; description: string | null; lecturerId: number | null; lecturerName: string | null }
export interface Campaign {
  id: number; name: string; schoolYear: string; unitId: number; unitName: string; startsOn: string | null; endsOn: string | null;
  description: string | null; attendanceRequiredPercent: number | null; canManage: boolean; limitedToOwnUnits: boolean;
  targets: { unitId: number; unitName: string; positions: string[] }[];
  topics: CampaignTopic[];
}
export interface CampaignInput {
  name: string; schoolYear: string; unitId: number; startsOn?: string | null; endsOn?: string | null; description?: string | null;
  attendanceRequiredPercent?: number | null;
}
export interface Material {
  id: number; title: string; kind: 'file' | 'link'; url: string | null; fileName: string | null; contentType: string | null; size: number | null;
  topicId: number | null; topicName: string | null; inline: boolean; readers?: number; opens?: number;
}
export interface Site {
  id: number; name: string; unitId: number; unitName: string; address: string | null; capacity: number | null; onlineUrl: string | null;
  participants: number; sessions: number; proctors: { personId: number; fullName: string }[];
}
export interface SiteInput { name: string; unitId: number; address?: string | null; capacity?: number | null; onlineUrl?: string | null }
export interface TrainingSession {
  id: number; siteId: number; date: string; startsAt: string; endsAt: string; topicId: number | null; topicName: string | null;
  lecturerId: number | null; lecturerName: string | null; note: string | null;
}
export interface SessionInput { date: string; startsAt: string; endsAt: string; topicId?: number | null; lecturerId?: number | null; note?: string | null }
export interface Participant { personId: number; fullName: string; staffId: string | null; position: string; unitId: number; unitName: string }
export interface Lecturer { id: number; unitId: number; unitName: string; personId: number | null; fullName: string; title: string | null;
  workplace: string | null; kind: 'full_time' | 'part_time'; active: boolean }
export interface MarkingList {
  session: { id: number; date: string; startsAt: string; endsAt: string; topicName: string | null; lecturerName: string | null; siteId: number;
    siteName: string; checkin: 'not_yet' | 'open' | 'closed' };
  canMark: boolean;
  items: { personId: number; fullName: string; staffId: string | null; unitName: string; status: AttendanceStatus | null; reason: string | null;
    via: 'proctor' | 'self' | null }[];
}
export interface Tally { participants: number; expected: number; present: number; late: number; absent: number; unmarked: number; rate: number | null }
export interface AttendanceSummary {
  heldSessions: number; totalSessions: number; total: Tally;
  sites: (Tally & { siteId: number; siteName: string; held: number })[];
  units: (Tally & { unitId: number; unitName: string })[];
}
export interface Absentee { personId: number; fullName: string; unitName: string; siteName: string; date: string; startsAt: string;
  topicName: string | null; status: 'absent' | 'unmarked'; reason: string | null }
export interface CheckinDisplay { code: string; url: string; qrSvg: string; state: 'not_yet' | 'open' | 'closed'; date: string; startsAt: string; endsAt: string }
export interface MyTraining {
  campaigns: { id: number; name: string; schoolYear: string; startsOn: string | null; endsOn: string | null;
    site: { id: number; name: string; address: string | null; onlineUrl: string | null };
    sessions: (TrainingSession & { myStatus: AttendanceStatus | null })[]; materials: Material[] }[];
  proctoring: { siteId: number; siteName: string; campaignId: number; campaignName: string; sessions: TrainingSession[] }[];
  lecturing: { sessionId: number; date: string; startsAt: string; endsAt: string; siteName: string; address: string | null; onlineUrl: string | null;
    campaignName: string; topicName: string | null }[];
}

export const trainingApi = {
  campaigns: async () => (await api.get<{ items: CampaignSummary[] }>('/api/campaigns')).items,
  createCampaign: (input: CampaignInput) => api.post<{ id: number }>('/api/campaigns', input),
  campaign: (id: number) => api.get<Campaign>(`/api/campaigns/${id}`),
  updateCampaign: (id: number, input: Partial<CampaignInput>) => api.patch<{ ok: true }>(`/api/campaigns/${id}`, input),
  setTargets: (id: number, targets: { unitId: number; positions: string[] }[]) => putJson(`/api/campaigns/${id}/targets`, { targets }),
  createTopic: (id: number, input: { name: string; lecturerId?: number | null }) => api.post<{ id: number }>(`/api/campaigns/${id}/topics`, input),
  lecturers: async () => (await api.get<{ items: Lecturer[] }>('/api/lecturers')).items,
  createLecturer: (input: { unitId: number; fullName: string; title?: string | null; workplace?: string | null; kind: 'full_time' | 'part_time' }) =>
    api.post<{ id: number }>('/api/lecturers', input),
  materials: async (id: number) => (await api.get<{ items: Material[] }>(`/api/campaigns/${id}/materials`)).items,
  uploadMaterial: (id: number, file: File, topicId: number | undefined, onProgress: (p: number) => void) =>
    uploadJson<{ id: number; title: string }>(withQuery(`/api/campaigns/${id}/materials`, { topicId }), file, onProgress),
  addLink: (id: number, input: { title: string; url: string; topicId?: number | null }) => api.post<{ id: number }>(`/api/campaigns/${id}/links`, input),
  openLink: (materialId: number) => api.post<{ url: string }>(`/api/materials/${materialId}/open`),
  deleteMaterial: (materialId: number) => api.delete<{ ok: true }>(`/api/materials/${materialId}`),
  sites: async (id: number) => (await api.get<{ items: Site[] }>(`/api/campaigns/${id}/sites`)).items,
  createSite: (id: number, input: SiteInput) => api.post<{ id: number }>(`/api/campaigns/${id}/sites`, input),
  participants: async (siteId: number) => (await api.get<{ items: Participant[] }>(`/api/sites/${siteId}/participants`)).items,
  assign: (siteId: number, input: { unitId?: number; positions?: string[]; personIds?: number[] }) =>
    api.post<{ added: number; moved: number; total: number; capacity: number | null; overCapacity: boolean }>(`/api/sites/${siteId}/participants`, input),
  removeParticipants: (siteId: number, personIds: number[]) => api.post<{ removed: number }>(`/api/sites/${siteId}/participants/remove`, { personIds }),
  setProctors: (siteId: number, personIds: number[]) => putJson(`/api/sites/${siteId}/proctors`, { personIds }),
  sessions: async (siteId: number) => (await api.get<{ items: TrainingSession[] }>(`/api/sites/${siteId}/sessions`)).items,
  createSession: (siteId: number, input: SessionInput) => api.post<{ id: number }>(`/api/sites/${siteId}/sessions`, input),
  deleteSession: (sessionId: number) => api.delete<{ ok: true }>(`/api/training-sessions/${sessionId}`),
  schedulePdf: (siteId: number) => downloadFile(`/api/sites/${siteId}/schedule.pdf`, { fallbackName: 'lich-boi-duong.pdf' }),
  markingList: (sessionId: number) => api.get<MarkingList>(`/api/training-sessions/${sessionId}/attendance`),
  mark: (sessionId: number, personId: number, input: { status: AttendanceStatus; reason?: string | null }) =>
    putJson(`/api/training-sessions/${sessionId}/attendance/${personId}`, input),
  markRest: (sessionId: number, status: AttendanceStatus) => api.post<{ marked: number }>(`/api/training-sessions/${sessionId}/attendance/rest`, { status }),
  checkinDisplay: (sessionId: number) => api.post<CheckinDisplay>(`/api/training-sessions/${sessionId}/checkin-code`),
  checkin: (code: string) => api.post<{ status: AttendanceStatus; already: boolean; siteName: string; topicName: string | null }>('/api/checkin', { code }),
  summary: (id: number) => api.get<AttendanceSummary>(`/api/campaigns/${id}/attendance`),
  absentees: async (id: number) => (await api.get<{ items: Absentee[] }>(`/api/campaigns/${id}/absentees`)).items,
  absenteesXlsx: (id: number) => downloadFile(`/api/campaigns/${id}/absentees.xlsx`, { fallbackName: 'vang-mat.xlsx' }),
  myTraining: () => api.get<MyTraining>('/api/my/training'),
};

