import type { Static } from '@fastify/type-provider-typebox';
import type { GrantRow as GrantRowSchema } from '../../server/modules/accounts/schemas.ts';
import { api, withQuery } from './client.ts';

export type GrantRow = Static<typeof GrantRowSchema>;

export const accountsApi = {
  grants: async (unitId?: number) => (await api.get<{ items: GrantRow[] }>(withQuery('/api/grants', { unitId }))).items,
  grant: (userId: number, role: string, unitId: number) => api.post<{ grantId: number }>('/api/grants', { userId, role, unitId }),
  revoke: (grantId: number) => api.delete<{ ok: true }>(`/api/grants/${grantId}`),
  resetPassword: (userId: number) => api.post<{ username: string; password: string }>(`/api/accounts/${userId}/reset-password`),
  setDisabled: (userId: number, disabled: boolean) => api.post<{ ok: true }>(`/api/accounts/${userId}/disabled`, { disabled }),
};
