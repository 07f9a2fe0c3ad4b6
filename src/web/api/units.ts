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

export const unitsApi = {
  list: async () => (await api.get<{ units: Unit[] }>('/api/units')).units,
  create: (input: UnitInput & { parentId: number }) => api.post<Unit>('/api/units', input),
  update: (id: number, input: Partial<UnitInput> & { active?: boolean }) => api.patch<Unit>(`/api/units/${id}`, input),
  move: (id: number, parentId: number) => api.post<Unit>(`/api/units/${id}/move`, { parentId }),
  remove: (id: number) => api.delete<{ ok: true }>(`/api/units/${id}`),
  loginSlips: (id: number, format: 'pdf' | 'xlsx') => downloadFile(`/api/units/${id}/login-slips`, {
    method: 'POST', body: { format }, fallbackName: `phieu-dang-nhap.${format}`,
  }),
};
