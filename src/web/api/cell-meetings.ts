import { api, uploadJson, withQuery } from './client.ts';

export interface CriteriaSet { id: number; name: string; unitName: string | null; active: boolean; bands: { label: string; min: number }[];
  criteria: { id: number; name: string; maxPoints: number }[] }
export interface Vote { for: number | null; against: number | null; abstain: number | null;
  percentages: { for: number | null; against: number | null; abstain: number | null } | null }
export interface MeetingSummary { id: number; cellUnitId: number; cellName: string; topic: string; heldOn: string; membersTotal: number | null;
  membersPresent: number | null; opinions: number; vote: Vote; total: number | null; max: number | null; rating: string | null }
export interface MeetingList { from: string; to: string; meetings: MeetingSummary[]; cellsWithout: { unitId: number; name: string; parentName: string | null }[];
  cellCount: number }
export interface MeetingInput {
  cellUnitId?: number; topic: string; heldOn: string; chair?: string | null; secretary?: string | null; guests?: string | null;
  membersTotal?: number | null; membersPresent?: number | null; absentMembers?: string | null; criteriaSetId?: number | null;
  voteFor?: number | null; voteAgainst?: number | null; voteAbstain?: number | null; conclusion?: string | null;
  opinions?: { speaker: string; summary: string }[]; scores?: { criterionId: number; score: number }[];
}
export interface MeetingDetail extends Omit<MeetingInput, 'voteFor' | 'voteAgainst' | 'voteAbstain'> {
  id: number; cellUnitId: number; cellName: string; draftFileName: string | null; vote: Vote; total: number | null; max: number | null; rating: string | null;
  opinions: { speaker: string; summary: string }[]; scores: { criterionId: number; score: number }[];
}

export const meetingsApi = {
  sets: async () => (await api.get<{ items: CriteriaSet[] }>('/api/criteria-sets')).items,
  list: (q: { year: number; month?: number; quarter?: number; unitId?: number }) => api.get<MeetingList>(withQuery('/api/cell-meetings', { ...q })),
  get: (id: number) => api.get<MeetingDetail>(`/api/cell-meetings/${id}`),
  create: (input: MeetingInput) => api.post<{ id: number }>('/api/cell-meetings', input),
  update: (id: number, input: Partial<MeetingInput>) => api.patch<{ ok: true }>(`/api/cell-meetings/${id}`, input),
  uploadDraft: (id: number, file: File) => uploadJson<{ fileName: string }>(`/api/cell-meetings/${id}/draft`, file, () => {}),
};
