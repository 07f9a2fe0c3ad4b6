/** The edge's queue for its province: which attempts changed since the last acknowledgement, and their current state. */
import { leaseDigest, type EdgeAttemptRecord, type EdgeSyncBody, type EdgeSyncReply } from '../../domain/edge/sync.ts';
import type { SubmitKind } from '../../domain/assessment/views.ts';
import type { Db, Executor } from '../db/database.ts';
import { hasEvent, recordEvent } from '../modules/exam/repository.ts';

export interface EdgeIdentity {
  edgeId: number;
  siteId: number;
  siteName: string;
  upstream: string;
  token: string;
  ackedSeq: number;
}

export async function edgeIdentity(db: Db): Promise<EdgeIdentity | undefined> {
  const row = await db.selectFrom('edge_identity').selectAll().executeTakeFirst();
  return (
    row && {
      edgeId: row.edge_id,
      siteId: row.site_id,
      siteName: row.site_name,
      upstream: row.upstream,
      token: row.token,
      ackedSeq: Number(row.acked_seq),
    }
  );
}

export async function recordsOf(db: Db, attemptIds: number[]): Promise<EdgeAttemptRecord[]> {
  if (attemptIds.length === 0) return [];
  const [attempts, answers] = await Promise.all([
    db
      .selectFrom('attempts as a')
      .innerJoin('assessment_variants as v', 'v.id', 'a.variant_id')
      .selectAll('a')
      .select('v.code')
      .where('a.id', 'in', attemptIds)
      .execute(),
    db.selectFrom('attempt_answers').selectAll().where('attempt_id', 'in', attemptIds).orderBy('position').execute(),
  ]);
  return attempts.map((a) => ({
    edgeAttemptId: a.id,
    assessmentId: a.assessment_id,
    personId: a.person_id,
    attemptNo: a.attempt_no,
    variantCode: a.code,
    status: a.status as EdgeAttemptRecord['status'],
    startedAt: a.started_at,
    deadlineAt: a.deadline_at,
    submittedAt: a.submitted_at,
    submitKind: a.submit_kind as SubmitKind | null,
    answers: answers
      .filter((x) => x.attempt_id === a.id)
      .map((x) => ({ position: x.position, choice: x.choice, flagged: x.flagged === 1, version: Number(x.version), savedAt: x.saved_at })),
  }));
}

/**
 * The next batch: the attempts behind the oldest unacknowledged outbox entries (at most `maxAttempts`), each as it is
 * now. With none waiting, the submitted attempts still without a province grade are asked about again.
 */
export async function nextBatch(db: Db, maxAttempts: number, now: Date): Promise<EdgeSyncBody> {
  const identity = (await edgeIdentity(db))!;
  const entries = await db
    .selectFrom('edge_outbox')
    .select(['seq', 'attempt_id'])
    .where('seq', '>', identity.ackedSeq)
    .orderBy('seq')
    .limit(maxAttempts * 60)
    .execute();
  const ids = new Set<number>();
  let throughSeq = identity.ackedSeq;
  for (const e of entries) {
    if (!ids.has(e.attempt_id) && ids.size === maxAttempts) break;
    ids.add(e.attempt_id);
    throughSeq = Number(e.seq);
  }
  if (ids.size === 0) {
    // Refused ones are not asked about again: the province's answer will not change.
    const ungraded = await db
      .selectFrom('attempts')
      .select('id')
      .where('status', '=', 'submitted')
      .where('score', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('attempt_events as ev')
              .select('ev.id')
              .whereRef('ev.attempt_id', '=', 'attempts.id')
              .where('ev.kind', '=', 'edge_refused'),
          ),
        ),
      )
      .limit(maxAttempts)
      .execute();
    for (const a of ungraded) ids.add(a.id);
  }
  const left = await db
    .selectFrom('edge_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('seq', '>', throughSeq)
    .executeTakeFirst();
  return {
    edgeNow: now.toISOString(),
    throughSeq,
    pending: Number(left?.n ?? 0),
    attempts: await recordsOf(db, [...ids]),
    leaseDigest: leaseDigest(await leasesHere(db)),
  };
}

/** On the edge the province's leases are the surveys' invitees (server/edge/import-bundle.ts): who may start here. */
function leasesHere(db: Db | Executor) {
  return db.selectFrom('assessment_invitees').select(['assessment_id as assessmentId', 'person_id as personId']).execute();
}

/** The province's acknowledgement: the queue up to it is done, and its grades are the edge's scores. */
export async function applyReply(db: Db, reply: EdgeSyncReply, at: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('edge_identity')
      .set({ acked_seq: reply.ackedSeq, last_sync_at: at, last_error: null })
      .where('acked_seq', '<=', reply.ackedSeq)
      .execute();
    await trx.deleteFrom('edge_outbox').where('seq', '<=', reply.ackedSeq).execute();
    for (const g of reply.graded) {
      await trx
        .updateTable('attempts')
        .set({ score: g.score, band: g.band, correct_count: g.correct, answered_count: g.answered })
        .where('id', '=', g.edgeAttemptId)
        .where('status', '=', 'submitted')
        .execute();
    }
    if (reply.leases) {
      // People the province took back: they no longer start here (an attempt already here goes on, and is refused there).
      const kept = new Set(reply.leases.map((l) => `${l.assessmentId}:${l.personId}`));
      for (const l of await leasesHere(trx)) {
        if (kept.has(`${l.assessmentId}:${l.personId}`)) continue;
        await trx
          .deleteFrom('assessment_invitees')
          .where('assessment_id', '=', l.assessmentId)
          .where('person_id', '=', l.personId)
          .execute();
      }
    }
    for (const r of reply.refused) {
      if (await hasEvent(trx, r.edgeAttemptId, 'edge_refused')) continue;
      await recordEvent(trx, { attempt_id: r.edgeAttemptId, kind: 'edge_refused', at, detail: { reason: r.reason } });
    }
  });
}

export async function noteSyncError(db: Db, message: string): Promise<void> {
  await db
    .updateTable('edge_identity')
    .set({ last_error: message.slice(0, 500) })
    .execute();
}
