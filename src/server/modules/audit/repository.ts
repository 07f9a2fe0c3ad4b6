import type { Executor } from '../../db/database.ts';

export interface AuditEntry {
  at: string;
  actorUserId: number | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  unitId?: number | null;
  summary: string;
  details?: unknown;
}

export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor_user_id: entry.actorUserId || null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId == null ? null : String(entry.entityId),
      unit_id: entry.unitId ?? null,
      summary: entry.summary,
      details: entry.details === undefined ? null : JSON.stringify(entry.details),
    })
    .execute();
}

export async function listAudit(db: Executor, opts: { scopePaths: string[]; offset: number; limit: number }) {
  const base = db
    .selectFrom('audit_log')
    .leftJoin('units', 'units.id', 'audit_log.unit_id')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .where((eb) => eb.or(opts.scopePaths.map((p) => eb('units.path', 'like', `${p}%`))));
  const [rows, total] = await Promise.all([
    base
      .select([
        'audit_log.id',
        'audit_log.at',
        'audit_log.action',
        'audit_log.entity_type',
        'audit_log.entity_id',
        'audit_log.summary',
        'audit_log.details',
        'units.name as unit_name',
        'users.username as actor_username',
        'users.display_name as actor_name',
      ])
      .orderBy('audit_log.id', 'desc')
      .offset(opts.offset)
      .limit(opts.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}
