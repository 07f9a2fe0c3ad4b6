/**
 * The province's side of an edge's sync: each record is the current state of one attempt on the edge. Applied in one
 * transaction per batch, so a batch is acknowledged whole or not at all; every step is idempotent (the attempt by the
 * edge's id, answers by the edge's version, the close once), so a batch sent again after a lost reply changes nothing.
 */
import { attemptDeadline, effectiveExtraMinutes } from '../../../domain/assessment/extra-time.ts';
import type { SubmitKind } from '../../../domain/assessment/views.ts';
import {
  checkRecord,
  edgeTimeReader,
  leaseDigest,
  type EdgeAttemptRecord,
  type EdgeGrade,
  type EdgeSyncBody,
  type EdgeSyncReply,
} from '../../../domain/edge/sync.ts';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/database.ts';
import { fail } from '../../errors.ts';
import { findAssessment, findVariantByCode } from '../assessments/repository.ts';
import { hashToken } from '../auth/password.ts';
import { frozenFacts } from '../exam/content.ts';
import { closeAndGrade } from '../exam/grading.ts';
import * as exam from '../exam/repository.ts';
import { variantFor } from '../exam/start-service.ts';
import * as repo from './repository.ts';

export const EDGE_WRITER_PREFIX = 'edge:';

export async function edgeOfToken(ctx: AppContext, authorization: string | undefined): Promise<repo.EdgeRow> {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  const edge = token ? await repo.edgeByTokenHash(ctx.db, hashToken(token)) : undefined;
  if (!edge) throw fail('edge_unauthorised');
  return edge;
}

type Refusal = { edgeAttemptId: number; reason: string };

export async function applySync(ctx: AppContext, edge: repo.EdgeRow, body: EdgeSyncBody): Promise<EdgeSyncReply> {
  const now = ctx.clock.now();
  const offsetMs = Number.isNaN(Date.parse(body.edgeNow)) ? Number.MAX_SAFE_INTEGER : now.getTime() - Date.parse(body.edgeNow);
  const clock = edgeTimeReader(offsetMs);
  const graded: EdgeGrade[] = [];
  const refused: Refusal[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    for (const record of body.attempts) {
      const outcome = await applyRecord(ctx, trx, edge, record, clock);
      if ('reason' in outcome) refused.push(outcome);
      else if (outcome.grade) graded.push(outcome.grade);
    }
    await repo.touchEdge(trx, edge.id, now.toISOString(), Math.max(-2e9, Math.min(2e9, offsetMs)), body.pending);
  });
  const reply: EdgeSyncReply = { ackedSeq: body.throughSeq, provinceNow: now.toISOString(), graded, refused };
  if (body.leaseDigest !== undefined) {
    const leases = await repo.leasesOf(ctx.db, edge.id);
    if (leaseDigest(leases) !== body.leaseDigest) reply.leases = leases;
  }
  return reply;
}

async function applyRecord(
  ctx: AppContext,
  trx: Executor,
  edge: repo.EdgeRow,
  record: EdgeAttemptRecord,
  clock: ReturnType<typeof edgeTimeReader>,
): Promise<{ grade: EdgeGrade | null } | Refusal> {
  const refuse = (reason: string) => ({ edgeAttemptId: record.edgeAttemptId, reason });
  const lease = await repo.leaseOf(trx, record.assessmentId, record.personId);
  if (lease?.edge_id !== edge.id) return refuse('no_lease');
  const survey = await findAssessment(trx, record.assessmentId);
  if (!survey || survey.status !== 'published') return refuse('unknown_survey');
  const facts = await frozenFacts(ctx.db, survey.id, trx);
  const extra = await exam.extraTimeOfPerson(trx, record.personId, survey.id);
  const startedAt = clock.read(record.startedAt);
  const expectedDeadline = new Date(
    attemptDeadline(
      Date.parse(startedAt),
      survey.duration_min,
      Date.parse(survey.closes_at),
      effectiveExtraMinutes(extra.personDefault, extra.bySurvey.get(survey.id)),
    ),
  ).toISOString();
  const times = {
    startedAt,
    deadlineAt: clock.read(record.deadlineAt),
    submittedAt: record.submittedAt === null ? null : clock.read(record.submittedAt),
    answers: record.answers.map((a) => ({ ...a, savedAt: clock.read(a.savedAt) })),
  };
  const check = checkRecord(times, {
    expectedDeadline,
    graceMs: facts.graceSeconds * 1000,
    opensAt: survey.opens_at,
    closesAt: survey.closes_at,
    clockTrusted: clock.trusted,
  });

  let attempt = await repo.mappedAttempt(trx, edge.id, record.edgeAttemptId);
  const flagged = new Set<string>();
  if (!attempt) {
    const variantId =
      facts.variantMode === 'fixed'
        ? (await findVariantByCode(trx, survey.id, record.variantCode))?.id
        : await variantFor(ctx, trx, survey.id, record.personId, startedAt);
    if (variantId === undefined) return refuse('unknown_variant');
    const user = await trx.selectFrom('users').select('id').where('person_id', '=', record.personId).orderBy('id').executeTakeFirst();
    if (!user) return refuse('no_account');
    const { id } = await trx
      .insertInto('attempts')
      .values(
        exam.startedAttemptRow({
          assessment_id: survey.id,
          person_id: record.personId,
          user_id: user.id,
          attempt_no: record.attemptNo,
          variant_id: variantId,
          started_at: startedAt,
          deadline_at: check.deadline,
          last_ip: null,
          client_id: `${EDGE_WRITER_PREFIX}${edge.id}`,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await repo.mapAttempt(trx, edge.id, record.edgeAttemptId, id);
    await exam.recordEvent(trx, {
      attempt_id: id,
      kind: 'start',
      at: startedAt,
      detail: { edge: edge.id, edgeAttemptId: record.edgeAttemptId },
    });
    for (const flag of check.flags) if (flag !== 'late_answers' && flag !== 'late_submit') flagged.add(flag);
    attempt = (await exam.findAttempt(trx, id))!;
  }

  if (attempt.status === 'in_progress') {
    const onTime = times.answers.filter(check.onTime);
    if (onTime.length < times.answers.length) flagged.add('late_answers');
    if (onTime.length > 0) {
      await exam.saveAnswers(
        trx,
        ctx.dialect,
        { attemptId: attempt.id, personId: record.personId, writer: `${EDGE_WRITER_PREFIX}${edge.id}` },
        onTime.map((a) => ({ position: a.position, choice: a.choice, flagged: a.flagged, seq: a.version, base: 0 })),
        '',
        onTime.reduce((latest, a) => (a.savedAt > latest ? a.savedAt : latest), onTime[0].savedAt),
      );
    }
    if (record.status === 'submitted' && times.submittedAt !== null) {
      if (check.flags.includes('late_submit')) flagged.add('late_submit');
      const kind: SubmitKind = record.submitKind ?? 'participant';
      await closeAndGrade(ctx, trx, { id: attempt.id, assessment_id: survey.id, variant_id: attempt.variant_id }, kind, times.submittedAt);
      attempt = (await exam.findAttempt(trx, attempt.id))!;
    }
  }
  if (flagged.size > 0) {
    await exam.recordEvent(trx, {
      attempt_id: attempt.id,
      kind: 'edge_flag',
      at: ctx.clock.now().toISOString(),
      detail: { edge: edge.id, flags: [...flagged] },
    });
  }
  const grade =
    attempt.status === 'submitted' && attempt.score !== null
      ? {
          edgeAttemptId: record.edgeAttemptId,
          answered: attempt.answered_count ?? 0,
          correct: attempt.correct_count ?? 0,
          score: attempt.score,
          band: attempt.band ?? '',
        }
      : null;
  return { grade };
}
