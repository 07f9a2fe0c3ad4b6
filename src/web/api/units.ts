import type { Static } from '@fastify/type-provider-typebox';
import type { LoginSlipsSummary as LoginSlipsSummarySchema } from '../../server/modules/accounts/schemas.ts';
import type { CreateUnitBody, UnitView, UpdateUnitBody } from '../../server/modules/units/schemas.ts';
import { api, downloadFile } from './client.ts';

export type Unit = Static<typeof UnitView>;

/** A unit as the form fills it in; the parent is given apart. */
export type UnitInput = Omit<Static<typeof CreateUnitBody>, 'parentId'>;

/** Accounts of a subtree that have not logged in: without a password yet, and with printed slips not used yet. */
export type LoginSlipsSummary = Static<typeof LoginSlipsSummarySchema>;

/** 'both': one .zip with the PDF and the Excel list of the same passwords. */
export type SlipFormat = 'pdf' | 'xlsx' | 'both';

export const unitsApi = {
  list: async () => (await api.get<{ units: Unit[] }>('/api/units')).units,
  create: (input: Static<typeof CreateUnitBody>) => api.post<Unit>('/api/units', input),
  update: (id: number, input: Static<typeof UpdateUnitBody>) => api.patch<Unit>(`/api/units/${id}`, input),
  move: (id: number, parentId: number) => api.post<Unit>(`/api/units/${id}/move`, { parentId }),
  remove: (id: number) => api.delete<{ ok: true }>(`/api/units/${id}`),
  loginSlipsSummary: (id: number) => api.get<LoginSlipsSummary>(`/api/units/${id}/login-slips`),
  /** `reissue` also replaces initial passwords whose slips are out already (those slips stop working). */
  loginSlips: (id: number, format: SlipFormat, reissue = false) =>
    downloadFile(`/api/units/${id}/login-slips`, {
      method: 'POST',
      body: { format, reissue },
      fallbackName: `phieu-dang-nhap.${format === 'both' ? 'zip' : format}`,
    }),
};
