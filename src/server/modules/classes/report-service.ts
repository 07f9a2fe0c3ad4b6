import { buildClassReport, reportPeriod, type ClassReport } from '../../../domain/training/class-report.ts';
import { scopeOf, type Actor } from '../../../domain/roles.ts';
import type { AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { findRootUnit } from '../units/repository.ts';
import { unitForActor } from '../units/service.ts';
import type { UnitRow } from '../../db/schema.ts';
import * as repo from './repository.ts';

export interface ClassReportResult extends ClassReport {
  unitName: string;
  generatedAt: Date;
}

/** The report of a unit's subtree (a centre, a commune, the province) for a year or one of its quarters. */
export async function classReportFor(ctx: AppContext, unit: UnitRow, year: number, quarter?: number): Promise<ClassReportResult> {
  let period;
  try {
    period = reportPeriod(year, quarter);
  } catch {
    throw fail('invalid_period');
  }
  const [types, classes] = await Promise.all([repo.classTypes(ctx.db, true), repo.classesIn(ctx.db, [unit.path], period.from, period.to)]);
  const evaluations = await repo.evaluationsOf(
    ctx.db,
    classes.map((c) => c.id),
  );
  const report = buildClassReport(
    period,
    types.map((t) => ({ id: t.id, name: t.name })),
    classes.map((c) => ({
      id: c.id,
      typeId: c.type_id,
      plannedStart: c.planned_start,
      actualStart: c.actual_start,
      plannedTrainees: c.planned_trainees,
      trainees: Number(c.trainees ?? 0),
      completed: Number(c.completed ?? 0),
      certificates: Number(c.certificates ?? 0),
    })),
    evaluations.map((e) => ({
      lecturerId: e.lecturer_id,
      lecturerName: e.full_name,
      lecturerKind: e.kind,
      classId: e.class_id,
      score: e.score,
    })),
  );
  // Types neither used in the period nor active any more are left out of the table.
  const activeIds = new Set(types.filter((t) => t.active === 1).map((t) => t.id));
  report.rows = report.rows.filter((r) => activeIds.has(r.typeId) || r.plannedClasses > 0 || r.openedClasses > 0);
  return { ...report, unitName: unit.name, generatedAt: ctx.clock.now() };
}

export async function classReport(ctx: AppContext, actor: Actor, query: { unitId?: number; year: number; quarter?: number }) {
  let unit: UnitRow;
  if (query.unitId !== undefined) unit = await unitForActor(ctx.db, actor, query.unitId, 'training.read');
  else {
    const scopes = scopeOf(actor, 'training.read');
    if (scopes.length === 0) throw fail('forbidden', { action: 'xem báo cáo lớp bồi dưỡng' });
    const root = (await findRootUnit(ctx.db))!;
    unit =
      scopes[0] === root.path
        ? root
        : await unitForActor(ctx.db, actor, Number(scopes[0].split('/').filter(Boolean).pop()), 'training.read');
  }
  return classReportFor(ctx, unit, query.year, query.quarter);
}
