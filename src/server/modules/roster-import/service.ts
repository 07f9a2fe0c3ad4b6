import { can, scopeOf, type Actor } from '../../../domain/roles.ts';
import { personSnapshot, startPlan, type ImportPlan, type UnitRef } from '../../../domain/roster-import/plan.ts';
import type { ImportPreview, RosterRecord } from '../../../domain/roster-import/types.ts';
import { fold, nameSortKey } from '../../../domain/text.ts';
import type { Executor } from '../../db/database.ts';
import type { UnitRow } from '../../db/schema.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { nextTurn } from '../../lib/next-turn.ts';
import { fail } from '../../errors.ts';
import { parseUpload } from '../../files/parse-upload.ts';
import type { UploadBytes } from '../../files/upload-bytes.ts';
import { recordAudit } from '../audit/repository.ts';
import { openHistory, updatePerson } from '../people/repository.ts';
import { unitsUnder } from '../units/repository.ts';
import { insertUnitUnder, unitForActor } from '../units/service.ts';
import { unpackRecords } from './packed-records.ts';
import { readRosterFileJob } from './read-file.ts';
import { applyTitleMappings, describeMappings, saveTitleMappings } from './titles.ts';
import { CATEGORY_CHOICES, keptTitle } from '../../../domain/roster-import/titles.ts';
import type { Position } from '../../../domain/roster.ts';
import * as repo from './repository.ts';

export type Progress = (event: { phase: 'read' | 'check' | 'write'; done: number; total: number }) => void;

const SAMPLE_SIZE = 200;
const IMPORT_TTL_MS = 24 * 3_600_000;
/** Rows planned between two turns of the event loop (a few milliseconds of work). */
const PLAN_SLICE = 1000;

async function planFor(db: Executor, actor: Actor, under: UnitRow, records: RosterRecord[]): Promise<ImportPlan> {
  const units = await unitsUnder(db, under.path);
  const people = await repo.peopleByIdentifiers(
    db,
    records.flatMap((r) => (r.staffId ? [r.staffId] : [])),
    records.flatMap((r) => (r.citizenId ? [r.citizenId] : [])),
  );
  const planner = startPlan(
    toPlanUnit(under),
    units.map(toPlanUnit),
    people.map((p) => ({
      id: p.id,
      fullName: p.full_name,
      staffId: p.staff_id,
      citizenId: p.citizen_id,
      unitId: p.unit_id,
      writable: can(actor, 'roster.write', p.unit_path),
      snapshot: personSnapshot(
        {
          fullName: p.full_name,
          birthDate: p.birth_date,
          gender: p.gender as RosterRecord['gender'],
          staffId: p.staff_id,
          citizenId: p.citizen_id,
          position: p.position as RosterRecord['position'],
          title: p.title,
          partyMember: p.party_member === 1,
          partyJoinedOn: p.party_joined_on,
          theoryLevel: p.theory_level,
          phone: p.phone,
          email: p.email,
        },
        p.unit_id,
      ),
      extraMinutes: p.extra_minutes,
    })),
  );
  for (let i = 0; i < records.length; i++) {
    planner.add(records[i]);
    if (i % PLAN_SLICE === PLAN_SLICE - 1) await nextTurn();
  }
  return planner.finish();
}

function toPlanUnit(u: UnitRow) {
  return { id: u.id, parentId: u.parent_id, name: u.name, kind: u.kind, path: u.path };
}

function summarise(plan: ImportPlan) {
  const count = (a: string) => plan.people.filter((p) => p.action === a).length;
  return { toCreate: count('create'), toUpdate: count('update'), unchanged: count('unchanged') };
}

/**
 * Reads and checks a file against the database; writes nothing but the pending import (only when it has no problem).
 * The file is read and its rows parsed under the upload budgets, off the event loop on the server (files/parse-upload.ts).
 */
export async function previewImport(
  ctx: AppContext,
  actor: Actor,
  input: { file: UploadBytes; fileName: string; underUnitId: number; store: boolean },
  progress: Progress = () => {},
): Promise<ImportPreview & { records: RosterRecord[] }> {
  const under = await unitForActor(ctx.db, actor, input.underUnitId, 'roster.write');
  progress({ phase: 'read', done: 0, total: 1 });
  const parsed = await parseUpload(ctx, readRosterFileJob, input.file, ctx.clock.now(), ctx.config.uploads.limits);
  progress({ phase: 'read', done: 1, total: 1 });
  progress({ phase: 'check', done: parsed.rows, total: parsed.rows });
  const unknownTitles = await applyTitleMappings(ctx.db, parsed.records);
  const plan = await planFor(ctx.db, actor, under, parsed.records);
  const problems = [...parsed.problems, ...plan.problems].sort((a, b) => a.row - b.row);
  let importId: number | null = null;
  if (input.store && problems.length === 0 && unknownTitles.length === 0 && parsed.records.length > 0) {
    importId = await repo.saveImport(ctx.db, {
      created_by: actor.userId,
      under_unit_id: under.id,
      file_name: input.fileName.slice(0, 200),
      rows_json: '[]',
      rows_packed: parsed.packed,
      created_at: nowIso(ctx),
    });
  }
  return {
    importId,
    fileName: input.fileName,
    underUnit: { id: under.id, name: under.name },
    rows: parsed.rows,
    valid: plan.people.length,
    problems,
    unitsToCreate: plan.unitsToCreate.map((u) => u.label),
    unknownTitles,
    skipped: parsed.skipped ?? [],
    ...summarise(plan),
    // Rows that change something come first: they are what the organiser must check.
    sample: [...plan.people.filter((p) => p.action !== 'unchanged'), ...plan.people.filter((p) => p.action === 'unchanged')]
      .slice(0, SAMPLE_SIZE)
      .map((p) => ({ ...p.record, action: p.action })),
    records: parsed.records,
  };
}

/** Remembers what category each title belongs to; anyone who may import a roster somewhere may answer it. */
export async function mapPositionTitles(ctx: AppContext, actor: Actor, mappings: { title: string; position: Position }[]) {
  if (scopeOf(actor, 'roster.write').length === 0) throw fail('forbidden');
  const clean = mappings.filter((m) => keptTitle(m.title) !== null);
  if (clean.length === 0) throw fail('invalid_title');
  const at = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await saveTitleMappings(trx, actor.userId, at, clean);
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'roster.position_titles',
      entityType: 'position_title',
      summary: `Xếp nhóm chức vụ: ${describeMappings(clean)}`,
      details: clean,
    });
  });
  return { saved: clean.length };
}

/** Commits a previewed import: all of it in one transaction, after checking it again against the current data. */
export async function commitStoredImport(
  ctx: AppContext,
  actor: Actor,
  importId: number,
  confirmedUnits: string[],
  progress: Progress = () => {},
) {
  const stored = await repo.findImport(ctx.db, importId);
  if (!stored || stored.created_by !== actor.userId) throw fail('import_not_found');
  if (stored.status !== 'previewed') throw fail('import_done');
  if (ctx.clock.now().getTime() - Date.parse(stored.created_at) > IMPORT_TTL_MS) {
    throw fail('import_expired');
  }
  const records = stored.rows_packed ? await unpackRecords(stored.rows_packed) : (JSON.parse(stored.rows_json) as RosterRecord[]);
  return applyImport(
    ctx,
    actor,
    { underUnitId: stored.under_unit_id, records, fileName: stored.file_name, importId, confirmedUnits },
    progress,
  );
}

export interface ImportToApply {
  underUnitId: number;
  records: RosterRecord[];
  fileName: string;
  /** The new units the organiser confirmed in the preview (their labels): nothing else is created. */
  confirmedUnits: string[];
  importId?: number;
}

export async function applyImport(ctx: AppContext, actor: Actor, input: ImportToApply, progress: Progress = () => {}) {
  const { underUnitId, records, fileName, importId } = input;
  return ctx.db.transaction().execute(async (trx) => {
    const under = await unitForActor(trx, actor, underUnitId, 'roster.write');
    const unknownTitles = await applyTitleMappings(trx, records);
    const plan = await planFor(trx, actor, under, records);
    const titleProblems = unknownTitles.flatMap((t) =>
      t.rows.map((row) => ({ row, column: 'Chức vụ', message: `Chức vụ "${t.title}" chưa được xếp vào nhóm nào (${CATEGORY_CHOICES})` })),
    );
    if (plan.problems.length > 0 || titleProblems.length > 0) {
      throw fail('import_has_problems', undefined, { problems: [...titleProblems, ...plan.problems] });
    }
    const confirmed = new Set(input.confirmedUnits);
    const unconfirmed = plan.unitsToCreate.filter((u) => !confirmed.has(u.label)).map((u) => u.label);
    if (unconfirmed.length > 0) {
      throw fail('units_not_confirmed', { units: unconfirmed }, { units: unconfirmed });
    }
    const unitIds = await createUnits(trx, ctx, actor, under, plan);
    const resolve = (ref: UnitRef) => ('existingId' in ref ? ref.existingId : unitIds.get(ref.newKey)!);
    const now = nowIso(ctx);
    const creates = plan.people.filter((p) => p.action === 'create');
    const updates = plan.people.filter((p) => p.action === 'update');
    const total = creates.length + updates.length;

    const ids = await repo.insertPeople(
      trx,
      creates.map((p) => ({
        ...columnsOf(p.record),
        extra_minutes: p.record.extraMinutes ?? 0,
        unit_id: resolve(p.unit),
        active: 1,
        created_at: now,
        updated_at: now,
      })),
    );
    await repo.insertHistory(
      trx,
      creates.map((p, i) => ({ person_id: ids[i], unit_id: resolve(p.unit), from_at: now })),
    );
    const usernames = creates.map((p) => (p.record.staffId ?? p.record.citizenId)!);
    const taken = await repo.existingUsernames(trx, usernames);
    await repo.insertAccounts(
      trx,
      creates.flatMap((p, i) =>
        taken.has(usernames[i])
          ? []
          : [
              {
                username: usernames[i],
                person_id: ids[i],
                display_name: p.record.fullName,
                created_at: now,
              },
            ],
      ),
    );
    progress({ phase: 'write', done: creates.length, total });

    let done = creates.length;
    for (const p of updates) {
      const unitId = resolve(p.unit);
      const stored = p.existing!;
      const columns = columnsOf(p.record);
      // A file without the extra-time column keeps the stored minutes.
      await updatePerson(trx, p.existingId!, {
        ...columns,
        staff_id: columns.staff_id ?? stored.staffId,
        citizen_id: columns.citizen_id ?? stored.citizenId,
        extra_minutes: p.record.extraMinutes ?? stored.extraMinutes,
        unit_id: unitId,
        active: 1,
        updated_at: now,
      });
      if (stored.unitId !== unitId) await openHistory(trx, p.existingId!, unitId, now);
      if (++done % 500 === 0) progress({ phase: 'write', done, total });
    }
    progress({ phase: 'write', done: total, total });
    if (importId) await repo.markImport(trx, importId, 'committed');
    const summary = {
      created: creates.length,
      updated: updates.length,
      unchanged: plan.people.length - total,
      unitsCreated: plan.unitsToCreate.length,
    };
    await recordAudit(trx, {
      at: now,
      actorUserId: actor.userId,
      action: 'roster.import',
      entityType: 'unit',
      entityId: under.id,
      unitId: under.id,
      summary: `Nhập danh sách từ tệp "${fileName}" vào ${under.name}: ${summary.created} người mới, ${summary.updated} cập nhật, ${summary.unitsCreated} đơn vị mới`,
      details: summary,
    });
    return summary;
  });
}

function columnsOf(r: RosterRecord) {
  return {
    full_name: r.fullName,
    name_folded: fold(r.fullName),
    sort_key: nameSortKey(r.fullName),
    birth_date: r.birthDate,
    // applyTitleMappings has given every record its category before anything is written.
    gender: r.gender,
    staff_id: r.staffId,
    citizen_id: r.citizenId,
    position: r.position!,
    title: r.title,
    party_member: r.partyMember ? 1 : 0,
    party_joined_on: r.partyJoinedOn,
    theory_level: r.theoryLevel,
    phone: r.phone,
    email: r.email,
  };
}

async function createUnits(trx: Executor, ctx: AppContext, actor: Actor, under: UnitRow, plan: ImportPlan) {
  const created = new Map<string, number>();
  const pending = [...plan.unitsToCreate];
  while (pending.length) {
    const i = pending.findIndex((u) => 'existingId' in u.parent || created.has(u.parent.newKey));
    const [u] = pending.splice(i, 1);
    const parentId = 'existingId' in u.parent ? u.parent.existingId : created.get(u.parent.newKey)!;
    const parent =
      parentId === under.id ? under : await trx.selectFrom('units').selectAll().where('id', '=', parentId).executeTakeFirstOrThrow();
    const unit = await insertUnitUnder(trx, ctx, actor, parent, {
      name: u.name,
      kind: u.kind,
      schoolLevel: u.schoolLevel,
      legacyDistrict: u.legacyDistrict,
    });
    created.set(u.key, unit.id);
  }
  return created;
}
