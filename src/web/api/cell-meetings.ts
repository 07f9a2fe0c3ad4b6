import type { Static } from '@fastify/type-provider-typebox';
import type {
  CriteriaSet as CriteriaSetSchema, MeetingDetail as MeetingDetailSchema, MeetingList as MeetingListSchema,
} from '../../server/modules/cell-meetings/schemas.ts';
import { api, uploadJson, withQuery } from './client.ts';

export type CriteriaSet = Static<typeof CriteriaSetSchema>;
export type MeetingList = Static<typeof MeetingListSchema>;
export type MeetingSummary = MeetingList['meetings'][number];
export type Vote = MeetingSummary['vote'];
export interface MeetingInput {
  cellUnitId?: number; topic: string; heldOn: string; chair?: string | null; secretary?: string | null; guests?: string | null;
  membersTotal?: number | null; membersPresent?: number | null; absentMembers?: string | null; criteriaSetId?: number | null;
  voteFor?: number | null; voteAgainst?: number | null; voteAbstain?: number | null; conclusion?: string | null;
  opinions?: { speaker: string; summary: string }[]; scores?: { criterionId: number; score: number }[];
}
export type MeetingDetail = Static<typeof MeetingDetailSchema>;

export const meetingsApi = {
  sets: async () => (await api.get<{ items: CriteriaSet[] }>('/api/criteria-sets')).items,
  list: (q: { year: number; month?: number; quarter?: number; unitId?: number }) => api.get<MeetingList>(withQuery('/api/cell-meetings', { ...q })),
  get: (id: number) => api.get<MeetingDetail>(`/api/cell-meetings/${id}`),
  create: (input: MeetingInput) => api.post<{ id: number }>('/api/cell-meetings', input),
  update: (id: number, input: Partial<MeetingInput>) => api.patch<{ ok: true }>(`/api/cell-meetings/${id}`, input),
  uploadDraft: (id: number, file: File) => uploadJson<{ fileName: string }>(`/api/cell-meetings/${id}/draft`, file, () => {}),
};
