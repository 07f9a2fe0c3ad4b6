import { can, scopeOf, type Actor } from '../../../domain/roles.ts';
import { normalizeText } from '../../../domain/text.ts';
import { isIsoDate } from '../../../domain/training/attendance.ts';
import {
  DEFAULT_BANDS,
  meetingResult,
  monthOrQuarter,
  scoreProblems,
  votePercentages,
  type Band,
} from '../../../domain/training/meeting-score.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { FIELD_LABELS } from '../../plugins/field-labels.ts';
import { fileStoreFor } from '../../files/storage.ts';
import { sniffFile } from '../../files/sniff.ts';
import { recordAudit } from '../audit/repository.ts';
import { unitForActor } from '../units/service.ts';
import * as repo from './repository.ts';

const text = (v: string | null | undefined) => (v ? normalizeText(v) || null : null);

/** Criteria sets an actor may use: the province's (no unit) and those of units on their line (above or inside their scope). */
export async function listCriteriaSets(ctx: AppContext, actor: Actor) {
  const scopes = scopeOf(actor, 'meetings.record');
  if (scopes.length === 0) throw fail('forbidden', { action: 'xem bộ tiêu chí sinh hoạt chuyên đề' });
  const sets = (await repo.criteriaSets(ctx.db)).filter(
    (s) => s.unit_path === null || scopes.some((p) => p.startsWith(s.unit_path!) || s.unit_path!.startsWith(p)),
  );
  const criteria = await repo.criteriaOf(
    ctx.db,
    sets.map((s) => s.id),
  );
  return sets.map((s) => ({
    id: s.id,
    name: s.name,
    unitName: s.unit_name,
    active: s.active === 1,
    bands: JSON.parse(s.bands_json) as Band[],
    criteria: criteria.filter((c) => c.set_id === s.id).map((c) => ({ id: c.id, name: c.name, maxPoints: Number(c.max_points) })),
  }));
}

export async function createCriteriaSet(
  ctx: AppContext,
  actor: Actor,
  input: { unitId: number; name: string; criteria: { name: string; maxPoints: number }[]; bands?: Band[] },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await unitForActor(trx, actor, input.unitId, 'training.manage');
    const name = normalizeText(input.name);
    const criteria = input.criteria.map((c) => ({ name: normalizeText(c.name), max_points: c.maxPoints }));
    if (!name || criteria.length === 0 || criteria.some((c) => !c.name)) {
      throw fail('criteria_required');
    }
    const bands = input.bands?.length ? input.bands.map((b) => ({ label: normalizeText(b.label), min: b.min })) : DEFAULT_BANDS;
    const id = await repo.insertCriteriaSet(
      trx,
      { unit_id: unit.id, name, bands_json: JSON.stringify(bands), created_at: nowIso(ctx) },
      criteria,
    );
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'criteria_set.create',
      entityType: 'criteria_set',
      entityId: id,
      unitId: unit.id,
      summary: `Tạo bộ tiêu chí "${name}" (${criteria.length} tiêu chí)`,
    });
    return { id };
  });
}

async function meetingFor(db: Executor, actor: Actor, id: number) {
  const meeting = await repo.findMeeting(db, id);
  if (!meeting || !can(actor, 'meetings.record', meeting.cell_path)) throw fail('meeting_not_found');
  return meeting;
}

async function cellFor(db: Executor, actor: Actor, unitId: number) {
  const unit = await unitForActor(db, actor, unitId, 'meetings.record');
  if (unit.kind !== 'party_cell') throw fail('not_a_party_cell', { unit: unit.name });
  return unit;
}

export interface MeetingInput {
  cellUnitId: number;
  topic: string;
  heldOn: string;
  chair?: string | null;
  secretary?: string | null;
  guests?: string | null;
  membersTotal?: number | null;
  membersPresent?: number | null;
  absentMembers?: string | null;
  criteriaSetId?: number | null;
  voteFor?: number | null;
  voteAgainst?: number | null;
  voteAbstain?: number | null;
  conclusion?: string | null;
  opinions?: { speaker: string; summary: string }[];
  scores?: { criterionId: number; score: number }[];
}

async function checkedScores(db: Executor, setId: number | null, scores: { criterionId: number; score: number }[] | undefined) {
  if (!scores) return undefined;
  if (setId === null && scores.length) throw fail('criteria_set_required');
  const criteria =
    setId === null ? [] : (await repo.criteriaOf(db, [setId])).map((c) => ({ id: c.id, name: c.name, maxPoints: Number(c.max_points) }));
  const problems = scoreProblems(criteria, scores);
  if (problems.length) throw fail('invalid_score', { reason: problems[0]! }, { problems });
  return scores.map((s) => ({ criterion_id: s.criterionId, score: s.score }));
}

function checkCounts(input: Partial<MeetingInput>) {
  const present = input.membersPresent ?? null;
  if (present !== null && input.membersTotal != null && present > input.membersTotal) {
    throw fail('invalid_members');
  }
  const votes = (input.voteFor ?? 0) + (input.voteAgainst ?? 0) + (input.voteAbstain ?? 0);
  if (present !== null && votes > present) throw fail('invalid_vote');
  if (input.heldOn !== undefined && !isIsoDate(input.heldOn)) throw fail('invalid_date', { field: FIELD_LABELS.heldOn! });
}

function columns(input: Partial<MeetingInput>) {
  const out: Record<string, unknown> = {};
  if (input.topic !== undefined) {
    out.topic = normalizeText(input.topic);
    if (!out.topic) throw fail('topic_required');
  }
  if (input.heldOn !== undefined) out.held_on = input.heldOn;
  for (const [key, column] of [
    ['chair', 'chair'],
    ['secretary', 'secretary'],
    ['guests', 'guests'],
    ['absentMembers', 'absent_members'],
  ] as const) {
    if (input[key] !== undefined) out[column] = text(input[key]);
  }
  if (input.conclusion !== undefined) out.conclusion = input.conclusion ? input.conclusion.normalize('NFC').trim() || null : null;
  for (const [key, column] of [
    ['membersTotal', 'members_total'],
    ['membersPresent', 'members_present'],
    ['voteFor', 'vote_for'],
    ['voteAgainst', 'vote_against'],
    ['voteAbstain', 'vote_abstain'],
    ['criteriaSetId', 'criteria_set_id'],
  ] as const) {
    if (input[key] !== undefined) out[column] = input[key];
  }
  return out;
}

export async function createMeeting(ctx: AppContext, actor: Actor, input: MeetingInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const cell = await cellFor(trx, actor, input.cellUnitId);
    checkCounts(input);
    const scores = await checkedScores(trx, input.criteriaSetId ?? null, input.scores);
    const at = nowIso(ctx);
    const c = columns(input);
    const id = await repo.insertMeeting(trx, {
      cell_unit_id: cell.id,
      topic: c.topic as string,
      held_on: input.heldOn,
      chair: null,
      secretary: null,
      guests: null,
      members_total: null,
      members_present: null,
      absent_members: null,
      criteria_set_id: null,
      vote_for: null,
      vote_against: null,
      vote_abstain: null,
      conclusion: null,
      draft_storage_key: null,
      draft_file_name: null,
      draft_content_type: null,
      ...c,
      created_by: actor.userId || null,
      created_at: at,
      updated_at: at,
    } as Parameters<typeof repo.insertMeeting>[1]);
    if (input.opinions)
      await repo.replaceOpinions(
        trx,
        id,
        input.opinions.map((o) => ({ speaker: normalizeText(o.speaker), summary: normalizeText(o.summary) })),
      );
    if (scores) await repo.replaceScores(trx, id, scores);
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'cell_meeting.create',
      entityType: 'cell_meeting',
      entityId: id,
      unitId: cell.id,
      summary: `Ghi buổi sinh hoạt chuyên đề "${c.topic}" của ${cell.name} ngày ${input.heldOn.split('-').reverse().join('/')}`,
    });
    return { id };
  });
}

export async function updateMeeting(ctx: AppContext, actor: Actor, id: number, input: Partial<Omit<MeetingInput, 'cellUnitId'>>) {
  await ctx.db.transaction().execute(async (trx) => {
    const meeting = await meetingFor(trx, actor, id);
    checkCounts({
      membersTotal: meeting.members_total,
      membersPresent: meeting.members_present,
      voteFor: meeting.vote_for,
      voteAgainst: meeting.vote_against,
      voteAbstain: meeting.vote_abstain,
      ...input,
    });
    const setId = input.criteriaSetId !== undefined ? input.criteriaSetId : meeting.criteria_set_id;
    const scores = await checkedScores(trx, setId, input.scores);
    await repo.updateMeeting(trx, meeting.id, { ...columns(input), updated_at: nowIso(ctx) });
    if (input.opinions) {
      await repo.replaceOpinions(
        trx,
        meeting.id,
        input.opinions.map((o) => ({ speaker: normalizeText(o.speaker), summary: normalizeText(o.summary) })),
      );
    }
    if (scores) await repo.replaceScores(trx, meeting.id, scores);
    else if (input.criteriaSetId !== undefined && input.criteriaSetId !== meeting.criteria_set_id)
      await repo.replaceScores(trx, meeting.id, []);
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'cell_meeting.update',
      entityType: 'cell_meeting',
      entityId: meeting.id,
      unitId: meeting.cell_unit_id,
      summary: `Cập nhật buổi sinh hoạt "${meeting.topic}" của ${meeting.cell_name}`,
    });
  });
}

async function resultOf(db: Executor, meetings: repo.MeetingRow[]) {
  const [scores, sets] = await Promise.all([
    repo.scoresOf(
      db,
      meetings.map((m) => m.id),
    ),
    repo.criteriaSets(db),
  ]);
  const criteria = await repo.criteriaOf(db, [...new Set(meetings.map((m) => m.criteria_set_id).filter((x): x is number => x !== null))]);
  return (m: repo.MeetingRow): { total: number | null; max: number | null; rating: string | null } => {
    if (m.criteria_set_id === null) return { total: null, max: null, rating: null };
    const bands = JSON.parse(sets.find((s) => s.id === m.criteria_set_id)?.bands_json ?? '[]') as Band[];
    return meetingResult(
      criteria
        .filter((c) => c.set_id === m.criteria_set_id)
        .map((c) => ({
          criterionId: c.id,
          maxPoints: Number(c.max_points),
          score: scores.find((s) => s.meeting_id === m.id && s.criterion_id === c.id)?.score ?? null,
        })),
      bands,
    );
  };
}

const vote = (m: repo.MeetingRow) => ({
  for: m.vote_for,
  against: m.vote_against,
  abstain: m.vote_abstain,
  percentages:
    m.vote_for === null
      ? null
      : votePercentages({ for: m.vote_for ?? 0, against: m.vote_against ?? 0, abstain: m.vote_abstain ?? 0 }, m.members_present ?? 0),
});

export async function getMeeting(ctx: AppContext, actor: Actor, id: number) {
  const m = await meetingFor(ctx.db, actor, id);
  const [opinions, scores, result] = await Promise.all([
    repo.opinionsOf(ctx.db, m.id),
    repo.scoresOf(ctx.db, [m.id]),
    resultOf(ctx.db, [m]),
  ]);
  return {
    id: m.id,
    cellUnitId: m.cell_unit_id,
    cellName: m.cell_name,
    topic: m.topic,
    heldOn: m.held_on,
    chair: m.chair,
    secretary: m.secretary,
    guests: m.guests,
    membersTotal: m.members_total,
    membersPresent: m.members_present,
    absentMembers: m.absent_members,
    criteriaSetId: m.criteria_set_id,
    conclusion: m.conclusion,
    draftFileName: m.draft_file_name,
    opinions,
    scores: scores.map((s) => ({ criterionId: s.criterion_id, score: s.score })),
    vote: vote(m),
    ...result(m),
  };
}

/**
 * Meetings held in a month or quarter by the cells under a unit (default: the actor's scope), with their score and
 * rating, and the cells that held none in the period.
 */
export async function listMeetings(
  ctx: AppContext,
  actor: Actor,
  query: { unitId?: number; year: number; month?: number; quarter?: number },
) {
  const scopes =
    query.unitId !== undefined
      ? [(await unitForActor(ctx.db, actor, query.unitId, 'meetings.record')).path]
      : scopeOf(actor, 'meetings.record');
  if (scopes.length === 0) throw fail('forbidden', { action: 'xem sinh hoạt chuyên đề chi bộ' });
  const { from, to } = monthOrQuarter(query.year, query);
  const [meetings, cells] = await Promise.all([repo.meetingsIn(ctx.db, scopes, from, to), repo.cellsIn(ctx.db, scopes)]);
  const [result, opinions] = await Promise.all([
    resultOf(ctx.db, meetings),
    repo.opinionCounts(
      ctx.db,
      meetings.map((m) => m.id),
    ),
  ]);
  const held = new Set(meetings.map((m) => m.cell_unit_id));
  return {
    from,
    to,
    meetings: meetings.map((m) => ({
      id: m.id,
      cellUnitId: m.cell_unit_id,
      cellName: m.cell_name,
      topic: m.topic,
      heldOn: m.held_on,
      membersTotal: m.members_total,
      membersPresent: m.members_present,
      opinions: opinions.get(m.id) ?? 0,
      vote: vote(m),
      ...result(m),
    })),
    cellsWithout: cells.filter((c) => !held.has(c.id)).map((c) => ({ unitId: c.id, name: c.name, parentName: c.parent_name })),
    cellCount: cells.length,
  };
}

/** Checked before the upload is read. */
export async function assertCanEditMeeting(ctx: AppContext, actor: Actor, id: number) {
  await meetingFor(ctx.db, actor, id);
}

/** The draft report (PDF or Word) of the meeting, stored like any material. */
export async function uploadDraft(ctx: AppContext, actor: Actor, id: number, fileName: string, bytes: Buffer) {
  const type = await sniffFile(bytes);
  if (!type || !['pdf', 'docx'].includes(type.ext)) {
    throw fail('unsupported_draft', { name: normalizeText(fileName) });
  }
  const meeting = await meetingFor(ctx.db, actor, id);
  const store = fileStoreFor(ctx.config.dataDir);
  const key = await store.put(bytes);
  const name =
    normalizeText(fileName)
      .replace(/[\\/:*?"<>|]/g, '_')
      .replace(/\.[a-z0-9]{1,5}$/i, '')
      .slice(0, 180) || 'du-thao';
  await repo.updateMeeting(ctx.db, meeting.id, {
    draft_storage_key: key,
    draft_file_name: `${name}.${type.ext}`,
    draft_content_type: type.contentType,
    updated_at: nowIso(ctx),
  });
  if (meeting.draft_storage_key) await store.delete(meeting.draft_storage_key);
  return { fileName: `${name}.${type.ext}` };
}

export async function draftFile(ctx: AppContext, actor: Actor, id: number) {
  const meeting = await meetingFor(ctx.db, actor, id);
  if (!meeting.draft_storage_key) throw fail('draft_not_found');
  return {
    bytes: await fileStoreFor(ctx.config.dataDir).get(meeting.draft_storage_key),
    fileName: meeting.draft_file_name!,
    contentType: meeting.draft_content_type!,
  };
}
