import { api, downloadFile } from './client.ts';

export interface Unit {
  id: number;
  code: string;
  name: string;
  kind: string;
  schoolLevel: string | null;
  legacyDistrict: string | null;
  parentId: number | null;
  depth: number;
  active: boolean;
  /** Active people attached directly to this unit (not its subtree). */
  peopleCount: number;
}

export interface UnitInput {
  name: string;
  code?: string;
  kind: string;
  schoolLevel?: string | null;
  legacyDistrict?: string | null;
}

/** Accounts of a subtree that have not logged in: without a password yet, and with printed slips not used yet. */
export interface LoginSlipsSummary {
  pending: number;
  issued: number;
  lastIssuedAt: string | null;
}

/** 'both': one .zip with the PDF and the Excel list of the same passwords. */
export type SlipFormat = 'pdf' | 'xlsx' | 'both';

export const unitsApi = {
  list: async () => (await api.get<{ units: Unit[] }>('/api/units')).units,
  create: (input: UnitInput & { parentId: number }) => api.post<Unit>('/api/units', input),
  update: (id: number, input: Partial<UnitInput> & { active?: boolean }) => api.patch<Unit>(`/api/units/${id}`, input),
  move: (id: number, parentId: number) => api.post<Unit>(`/api/units/${id}/move`, { parentId }),
  remove: (id: number) => api.delete<{ ok: true }>(`/api/units/${id}`),
  loginSlipsSummary: (id: number) => api.get<LoginSlipsSummary>(`/api/units/${id}/login-slips`),
  /** `reissue` also replaces initial passwords whose slips are out already (those slips stop working). */
  loginSlips: (id: number, format: SlipFormat, reissue = false) => downloadFile(`/api/units/${id}/login-slips`, {
    method: 'POST', body: { format, reissue }, fallbackName: `phieu-dang-nhap.${format === 'both' ? 'zip' : format}`,
  }),
};
