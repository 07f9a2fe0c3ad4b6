/** A proctor prepares a laptop for a site: the bundle it imports, the leases that keep each attempt on one side, the codes. */
import crypto from 'node:crypto';
import {
  EDGE_BUNDLE_FORMAT,
  SITE_CODE_ALPHABET,
  type EdgeBundle,
  type EdgeSlip,
  type LeftOnProvince,
} from '../../../domain/edge/bundle.ts';
import { LEFT_REASON_LABELS, planLeases, type LeftReason } from '../../../domain/edge/leases.ts';
import type { Actor } from '../../../domain/roles.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { recordAudit } from '../audit/repository.ts';
import { hashPassword, hashToken, newToken } from '../auth/password.ts';
import { imageIdsOf, readContent } from '../questions/content.ts';
import { missingRequiredAttendance } from '../attendance/repository.ts';
import { siteForMarking } from '../sites/access.ts';
import * as repo from './repository.ts';

export function siteCode(): string {
  const bytes = crypto.randomBytes(8);
  let code = '';
  for (const b of bytes) code += SITE_CODE_ALPHABET[b % SITE_CODE_ALPHABET.length];
  return code;
}

async function hashAll(codes: string[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < codes.length; i += 8) out.push(...(await Promise.all(codes.slice(i, i + 8).map(hashPassword))));
  return out;
}

export async function prepareEdge(
  ctx: AppContext,
  actor: Actor,
  siteId: number,
  input: { name?: string },
): Promise<{ bundle: EdgeBundle; slips: EdgeSlip[]; leftOnProvince: LeftOnProvince[] }> {
  const { site } = await siteForMarking(ctx.db, actor, siteId);
  const at = nowIso(ctx);
  const participants = await repo.siteParticipantIds(ctx.db, site.id);
  const candidates: { survey: repo.OpenSurvey; eligible: number[]; started: Set<number>; otherEdge: Set<number> }[] = [];
  for (const survey of await repo.openSurveysOf(ctx.db, at)) {
    const eligible = await repo.eligibleAmong(ctx.db, survey.id, participants);
    if (eligible.length > 0) candidates.push({ survey, eligible, ...(await repo.takenElsewhere(ctx.db, survey.id, site.id)) });
  }
  const accounts = await repo.peopleWithAccounts(ctx.db, [...new Set(candidates.flatMap((c) => c.eligible))]);
  const withAccount = new Set(accounts.map((p) => p.id));
  const surveys: repo.OpenSurvey[] = [];
  const leased: { assessment_id: number; person_id: number }[] = [];
  const left: { personId: number; survey: string; reason: LeftReason }[] = [];
  for (const c of candidates) {
    const attendanceMissing =
      c.survey.campaign_id === null ? new Set<number>() : await missingRequiredAttendance(ctx.db, c.survey.campaign_id, c.eligible);
    const plan = planLeases({ ...c, attendanceMissing, withAccount });
    if (plan.leased.length > 0) surveys.push(c.survey);
    leased.push(...plan.leased.map((person_id) => ({ assessment_id: c.survey.id, person_id })));
    left.push(...plan.left.map((l) => ({ ...l, survey: c.survey.title })));
  }
  if (leased.length === 0) throw fail('edge_nothing_to_prepare');
  const onLaptop = new Set(leased.map((l) => l.person_id));
  const people = accounts.filter((p) => onLaptop.has(p.id));
  const surveyIds = [...new Set(leased.map((l) => l.assessment_id))];

  const unitIds = new Set<number>();
  for (const survey of surveys) if (surveyIds.includes(survey.id)) unitIds.add(survey.unit_id);
  for (const p of people) for (const id of p.unit_path.split('/').filter(Boolean)) unitIds.add(Number(id));
  const [units, frozen, variants, extraTime, banks] = await Promise.all([
    repo.unitsByIds(ctx.db, [...unitIds]),
    repo.frozenRowsOf(ctx.db, surveyIds),
    repo.sharedVariantsOf(ctx.db, surveyIds),
    repo.extraTimeOf(ctx.db, surveyIds, [...onLaptop]),
    repo.banksByIds(ctx.db, [...new Set(surveys.filter((s) => surveyIds.includes(s.id)).map((s) => s.bank_id))]),
  ]);
  const imageIds = new Set<number>();
  for (const row of frozen) for (const id of imageIdsOf(readContent(row.content_json))) imageIds.add(id);
  const images = await repo.imagesOf(ctx.db, [...imageIds]);

  const codes = people.map(() => siteCode());
  const hashes = await hashAll(codes);
  const token = newToken();
  const name = input.name?.trim() || site.name;
  const edgeId = await ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertEdge(trx, {
      site_id: site.id,
      name,
      token_hash: hashToken(token),
      created_by: actor.userId,
      created_at: at,
    });
    await repo.leaseTo(trx, id, leased, at);
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'edge.prepare',
      entityType: 'edge',
      entityId: String(id),
      unitId: site.unit_id,
      summary: `Chuẩn bị máy chủ điểm cầu "${name}" (${site.name}): ${people.length} người, ${surveyIds.length} bài khảo sát`,
    });
    return id;
  });

  const versions = new Map(frozen.map((r) => [r.version_id, r]));
  const bundle: EdgeBundle = {
    format: EDGE_BUNDLE_FORMAT,
    preparedAt: at,
    edge: { id: edgeId, token, siteId: site.id, siteName: site.name },
    units,
    people: people.map((p) => ({
      id: p.id,
      full_name: p.full_name,
      name_folded: p.name_folded,
      sort_key: p.sort_key,
      gender: p.gender,
      unit_id: p.unit_id,
      position: p.position,
      title: p.title,
      party_member: p.party_member,
      extra_minutes: p.extra_minutes,
      active: 1,
      created_at: p.created_at,
      updated_at: p.updated_at,
    })),
    users: people.map((p, i) => ({
      id: p.user_id,
      username: p.username,
      person_id: p.id,
      display_name: p.display_name,
      password_hash: hashes[i],
      created_at: p.user_created_at,
    })),
    assessments: surveys
      .filter((s) => surveyIds.includes(s.id))
      .map((s) => ({ ...s, campaign_id: null, compare_with_id: null, created_by: null })),
    banks: banks.map((b) => ({ ...b, description: null, created_by: null })),
    questionVersions: [...versions.values()].map((r) => ({
      id: r.version_id,
      question_id: r.question_id,
      version: r.version,
      content_json: r.content_json,
      created_at: r.created_at,
    })),
    assessmentQuestions: frozen.map((r) => ({
      assessment_id: r.assessment_id,
      ordinal: r.ordinal,
      question_id: r.question_id,
      version_id: r.version_id,
      option_count: r.option_count,
    })),
    variants,
    leases: leased,
    extraTime,
    images: images.map((img) => ({
      id: img.id,
      sha256: img.sha256,
      content_type: img.content_type,
      data: Buffer.from(img.data).toString('base64'),
      created_at: img.created_at,
    })),
  };
  const names = new Map((await repo.peopleNames(ctx.db, [...new Set(left.map((l) => l.personId))])).map((p) => [p.id, p]));
  const leftOnProvince = left
    .filter((l) => names.has(l.personId))
    .map((l) => ({
      personId: l.personId,
      fullName: names.get(l.personId)!.full_name,
      unitName: names.get(l.personId)!.unit_name,
      survey: l.survey,
      reason: LEFT_REASON_LABELS[l.reason],
    }));
  const slips = people.map((p, i) => ({
    personId: p.id,
    fullName: p.full_name,
    unitName: p.unit_name,
    username: p.username,
    code: codes[i],
  }));
  return { bundle, slips, leftOnProvince };
}

/** The sites whose laptop this proctor may prepare (an organiser types the site's number from the campaign's tab). */
export async function preparableSites(ctx: AppContext, actor: Actor) {
  const rows = actor.personId === null ? [] : await repo.sitesOfProctor(ctx.db, actor.personId);
  return rows.map((r) => ({ id: r.id, name: r.name, campaignName: r.campaign_name, participants: Number(r.participants ?? 0) }));
}
