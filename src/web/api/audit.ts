import { api, withQuery } from './client.ts';

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  entityType: string;
  entityId: number | null;
  summary: string;
  unitName: string | null;
  actor: string;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export const auditApi = {
  list: (query: { unitId?: number; page: number; pageSize: number }) => api.get<AuditPage>(withQuery('/api/audit', query)),
};
