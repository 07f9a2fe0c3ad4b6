import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable } from '../../lib/nullable.ts';

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Nullable(Type.String()),
  summary: Type.String(),
  unitName: Nullable(Type.String()),
  actor: Type.String(),
});
export const AuditPage = Type.Object({
  items: Type.Array(AuditEntry),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type AuditPage = Static<typeof AuditPage>;
