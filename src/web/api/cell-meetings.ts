import type { Static } from '@fastify/type-provider-typebox';
import type {
  CriteriaSet as CriteriaSetSchema,
  ListQuery,
  MeetingBody,
  MeetingDetail as MeetingDetailSchema,
  MeetingList as MeetingListSchema,
  UpdateMeetingBody,
} from '../../server/modules/cell-meetings/schemas.ts';
import { api, uploadJson, withQuery } from './client.ts';

export type CriteriaSet = Static<typeof CriteriaSetSchema>;
export type MeetingList = Static<typeof MeetingListSchema>;
export type MeetingSummary = MeetingList['meetings'][number];
export type Vote = MeetingSummary['vote'];
export type MeetingInput = Static<typeof MeetingBody>;
export type MeetingDetail = Static<typeof MeetingDetailSchema>;

export const meetingsApi = {
  sets: async () => (await api.get<{ items: CriteriaSet[] }>('/api/criteria-sets')).items,
  list: (q: Static<typeof ListQuery>) => api.get<MeetingList>(withQuery('/api/cell-meetings', { ...q })),
  get: (id: number) => api.get<MeetingDetail>(`/api/cell-meetings/${id}`),
  create: (input: MeetingInput) => api.post<{ id: number }>('/api/cell-meetings', input),
  update: (id: number, input: Static<typeof UpdateMeetingBody>) => api.patch<{ ok: true }>(`/api/cell-meetings/${id}`, input),
  uploadDraft: (id: number, file: File) => uploadJson<{ fileName: string }>(`/api/cell-meetings/${id}/draft`, file, () => {}),
};
