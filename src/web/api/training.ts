import type { AttendanceStatus } from '../../domain/training/attendance.ts';
import type { Static } from '@fastify/type-provider-typebox';
import type {
  Absentee as AbsenteeSchema,
  AttendanceSummary as AttendanceSummarySchema,
  CheckinDisplay as CheckinDisplaySchema,
  CheckinReply as CheckinReplySchema,
  MarkingList as MarkingListSchema,
} from '../../server/modules/attendance/schemas.ts';
import type {
  CampaignBody,
  CampaignDetail,
  CampaignSummary as CampaignSummarySchema,
  CampaignTopic as CampaignTopicSchema,
  TargetsBody,
  TopicBody,
  UpdateCampaignBody,
} from '../../server/modules/campaigns/schemas.ts';
import type { LecturerBody, LecturerView } from '../../server/modules/lecturers/schemas.ts';
import type { MaterialView } from '../../server/modules/materials/schemas.ts';
import type { MyTraining as MyTrainingSchema } from '../../server/modules/my-training/schemas.ts';
import type { EdgeLeaseView, EdgeView } from '../../server/modules/edges/schemas.ts';
import type { AssignBody, ParticipantView, SessionBody, SessionView, SiteBody, SiteView } from '../../server/modules/sites/schemas.ts';
import { api, downloadFile, putJson, uploadJson, withQuery } from './client.ts';

export type { AttendanceStatus };

export type CampaignSummary = Static<typeof CampaignSummarySchema>;
export type CampaignTopic = Static<typeof CampaignTopicSchema>;
export type Campaign = Static<typeof CampaignDetail>;
export type CampaignInput = Static<typeof CampaignBody>;
export type Material = Static<typeof MaterialView>;
export type Site = Static<typeof SiteView>;
export type EdgeServer = Static<typeof EdgeView>;
export type EdgeLease = Static<typeof EdgeLeaseView>;
export type SiteInput = Static<typeof SiteBody>;
export type TrainingSession = Static<typeof SessionView>;
export type SessionInput = Static<typeof SessionBody>;
export type Participant = Static<typeof ParticipantView>;
export type Lecturer = Static<typeof LecturerView>;
export type MarkingList = Static<typeof MarkingListSchema>;
export type AttendanceSummary = Static<typeof AttendanceSummarySchema>;
export type Tally = AttendanceSummary['total'];
export type Absentee = Static<typeof AbsenteeSchema>;
export type CheckinDisplay = Static<typeof CheckinDisplaySchema>;
export type CheckinReply = Static<typeof CheckinReplySchema>;
export type MyTraining = Static<typeof MyTrainingSchema>;

export const trainingApi = {
  campaigns: async () => (await api.get<{ items: CampaignSummary[] }>('/api/campaigns')).items,
  createCampaign: (input: CampaignInput) => api.post<{ id: number }>('/api/campaigns', input),
  campaign: (id: number) => api.get<Campaign>(`/api/campaigns/${id}`),
  updateCampaign: (id: number, input: Static<typeof UpdateCampaignBody>) => api.patch<{ ok: true }>(`/api/campaigns/${id}`, input),
  setTargets: (id: number, targets: Static<typeof TargetsBody>['targets']) => putJson(`/api/campaigns/${id}/targets`, { targets }),
  createTopic: (id: number, input: Static<typeof TopicBody>) => api.post<{ id: number }>(`/api/campaigns/${id}/topics`, input),
  lecturers: async () => (await api.get<{ items: Lecturer[] }>('/api/lecturers')).items,
  createLecturer: (input: Static<typeof LecturerBody>) => api.post<{ id: number }>('/api/lecturers', input),
  materials: async (id: number) => (await api.get<{ items: Material[] }>(`/api/campaigns/${id}/materials`)).items,
  uploadMaterial: (id: number, file: File, topicId: number | undefined, onProgress: (p: number) => void) =>
    uploadJson<{ id: number; title: string }>(withQuery(`/api/campaigns/${id}/materials`, { topicId }), file, onProgress),
  addLink: (id: number, input: { title: string; url: string; topicId?: number | null }) =>
    api.post<{ id: number }>(`/api/campaigns/${id}/links`, input),
  openLink: (materialId: number) => api.post<{ url: string }>(`/api/materials/${materialId}/open`),
  deleteMaterial: (materialId: number) => api.delete<{ ok: true }>(`/api/materials/${materialId}`),
  sites: async (id: number) => (await api.get<{ items: Site[] }>(`/api/campaigns/${id}/sites`)).items,
  edges: async (id: number) => (await api.get<{ items: EdgeServer[] }>(`/api/campaigns/${id}/edges`)).items,
  revokeEdge: (edgeId: number) => api.post<{ returned: number }>(`/api/edges/${edgeId}/revoke`),
  edgeLeases: async (edgeId: number) => (await api.get<{ items: EdgeLease[] }>(`/api/edges/${edgeId}/leases`)).items,
  returnToProvince: (edgeId: number, personIds: number[]) => api.post<{ returned: number }>(`/api/edges/${edgeId}/return`, { personIds }),
  createSite: (id: number, input: SiteInput) => api.post<{ id: number }>(`/api/campaigns/${id}/sites`, input),
  participants: async (siteId: number) => (await api.get<{ items: Participant[] }>(`/api/sites/${siteId}/participants`)).items,
  assign: (siteId: number, input: Static<typeof AssignBody>) =>
    api.post<{ added: number; moved: number; total: number; capacity: number | null; overCapacity: boolean }>(
      `/api/sites/${siteId}/participants`,
      input,
    ),
  removeParticipants: (siteId: number, personIds: number[]) =>
    api.post<{ removed: number }>(`/api/sites/${siteId}/participants/remove`, { personIds }),
  setProctors: (siteId: number, personIds: number[]) => putJson(`/api/sites/${siteId}/proctors`, { personIds }),
  sessions: async (siteId: number) => (await api.get<{ items: TrainingSession[] }>(`/api/sites/${siteId}/sessions`)).items,
  createSession: (siteId: number, input: SessionInput) => api.post<{ id: number }>(`/api/sites/${siteId}/sessions`, input),
  deleteSession: (sessionId: number) => api.delete<{ ok: true }>(`/api/training-sessions/${sessionId}`),
  schedulePdf: (siteId: number) => downloadFile(`/api/sites/${siteId}/schedule.pdf`, { fallbackName: 'lich-boi-duong.pdf' }),
  markingList: (sessionId: number) => api.get<MarkingList>(`/api/training-sessions/${sessionId}/attendance`),
  mark: (sessionId: number, personId: number, input: { status: AttendanceStatus; reason?: string | null }) =>
    putJson(`/api/training-sessions/${sessionId}/attendance/${personId}`, input),
  markRest: (sessionId: number, status: AttendanceStatus) =>
    api.post<{ marked: number }>(`/api/training-sessions/${sessionId}/attendance/rest`, { status }),
  checkinDisplay: (sessionId: number) => api.post<CheckinDisplay>(`/api/training-sessions/${sessionId}/checkin-code`),
  checkin: (code: string) => api.post<CheckinReply>('/api/checkin', { code }),
  summary: (id: number) => api.get<AttendanceSummary>(`/api/campaigns/${id}/attendance`),
  absentees: async (id: number) => (await api.get<{ items: Absentee[] }>(`/api/campaigns/${id}/absentees`)).items,
  absenteesXlsx: (id: number) => downloadFile(`/api/campaigns/${id}/absentees.xlsx`, { fallbackName: 'vang-mat.xlsx' }),
  myTraining: () => api.get<MyTraining>('/api/my/training'),
};
