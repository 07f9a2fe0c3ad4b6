import type { Static } from '@fastify/type-provider-typebox';
import type { AuditPage as AuditPageSchema } from '../../server/modules/audit/schemas.ts';
import { api, withQuery } from './client.ts';

export type AuditPage = Static<typeof AuditPageSchema>;
export type AuditEntry = AuditPage['items'][number];

export const auditApi = {
  list: (query: { unitId?: number; page: number; pageSize: number }) => api.get<AuditPage>(withQuery('/api/audit', query)),
};
