import { api, withQuery } from './client.ts';

export interface GrantRow {
  grantId: number;
  role: string;
  roleLabel: string;
  unitId: number;
  unitName: string;
  userId: number;
  username: string;
  displayName: string;
  personId: number | null;
  hasLoggedIn: boolean;
  disabled: boolean;
}

export const accountsApi = {
  grants: async (unitId?: number) => (await api.get<{ items: GrantRow[] }>(withQuery('/api/grants', { unitId }))).items,
  grant: (userId: number, role: string, unitId: number) => api.post<{ grantId: number }>('/api/grants', { userId, role, unitId }),
  revoke: (grantId: number) => api.delete<{ ok: true }>(`/api/grants/${grantId}`),
  resetPassword: (userId: number) => api.post<{ username: string; password: string }>(`/api/accounts/${userId}/reset-password`),
  setDisabled: (userId: number, disabled: boolean) => api.post<{ ok: true }>(`/api/accounts/${userId}/disabled`, { disabled }),
};
