/**
 * What an edge server sends its province, and the rules the province applies to the times in it. An edge's record is
 * the current state of one attempt (its start, every answer with the edge's version of it, its close): applying the
 * same record twice, or an older one after a newer, changes nothing — that is what makes a re-sent batch harmless.
 */
import type { SubmitKind } from '../assessment/views.ts';

/** An edge's clock is believed when it is within this of the province's at the moment of the sync. */
export const EDGE_CLOCK_TOLERANCE_MS = 120_000;
/** The edge's sweep closes overdue attempts every few seconds: a close this late after deadline and grace is on time. */
export const EDGE_CLOSE_SLACK_MS = 60_000;

export interface EdgeAnswer {
  position: number;
  choice: number | null;
  flagged: boolean;
  /** The edge's version of the answer: it only grows, so the province keeps the highest. */
  version: number;
  savedAt: string;
}

export interface EdgeAttemptRecord {
  edgeAttemptId: number;
  assessmentId: number;
  personId: number;
  attemptNo: number;
  variantCode: string;
  status: 'in_progress' | 'submitted' | 'voided';
  startedAt: string;
  deadlineAt: string;
  submittedAt: string | null;
  submitKind: SubmitKind | null;
  answers: EdgeAnswer[];
}

export interface EdgeSyncBody {
  /** The edge's clock when it sent this. */
  edgeNow: string;
  /** The last outbox entry this batch covers: the province acknowledges it once everything is applied. */
  throughSeq: number;
  /** Outbox entries after `throughSeq` still waiting on the edge. */
  pending: number;
  attempts: EdgeAttemptRecord[];
  /** leaseDigest() of the (survey, person) pairs the edge still lets start: the province answers with its list when they differ. */
  leaseDigest?: string;
}

export interface LeasePair {
  assessmentId: number;
  personId: number;
}

/**
 * A short fingerprint of a set of leases (FNV-1a over the sorted pairs, with the count): equal sets give equal digests,
 * so the province sends its list only after it changed (a person returned to the province). A collision would only keep
 * a returned person startable on the edge, whose record the province then refuses.
 */
export function leaseDigest(pairs: LeasePair[]): string {
  const text = pairs
    .map((p) => `${p.assessmentId}:${p.personId}`)
    .sort()
    .join(',');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${pairs.length}-${hash.toString(16)}`;
}

export interface EdgeGrade {
  edgeAttemptId: number;
  answered: number;
  correct: number;
  score: number;
  band: string;
}

export interface EdgeSyncReply {
  ackedSeq: number;
  provinceNow: string;
  graded: EdgeGrade[];
  /** Records the province would not take (no lease for this edge, an unknown survey): flagged for the organiser. */
  refused: { edgeAttemptId: number; reason: string }[];
  /** The edge's leases as the province holds them, when the edge's digest differs: the edge lets only these start. */
  leases?: LeasePair[];
}

export type EdgeFlag = 'clock' | 'deadline_changed' | 'start_outside_window' | 'late_answers' | 'late_submit';

export const EDGE_FLAG_LABELS: Record<EdgeFlag, string> = {
  clock: 'đồng hồ máy điểm cầu lệch quá mức cho phép',
  deadline_changed: 'hạn nộp do máy điểm cầu ghi khác quy định của bài',
  start_outside_window: 'bắt đầu ngoài thời gian mở bài',
  late_answers: 'có câu trả lời ghi sau hạn nộp (không được tính)',
  late_submit: 'nộp bài sau hạn nộp',
};

/** Province time for an edge instant: as written when the edge's clock was believed, corrected by the offset otherwise. */
export function edgeTimeReader(offsetMs: number): { trusted: boolean; read(iso: string): string } {
  const trusted = Math.abs(offsetMs) <= EDGE_CLOCK_TOLERANCE_MS;
  return { trusted, read: (iso) => (trusted ? iso : new Date(Date.parse(iso) + offsetMs).toISOString()) };
}

/**
 * The flags of one record, with the deadline the province holds it to (its own rule, from the start) and the answers
 * that count (saved before deadline and grace).
 */
export function checkRecord(
  rec: { startedAt: string; deadlineAt: string; submittedAt: string | null; answers: { savedAt: string }[] },
  rule: { expectedDeadline: string; graceMs: number; opensAt: string; closesAt: string; clockTrusted: boolean },
): { flags: EdgeFlag[]; deadline: string; onTime: (a: { savedAt: string }) => boolean } {
  const flags: EdgeFlag[] = [];
  if (!rule.clockTrusted) flags.push('clock');
  const expected = Date.parse(rule.expectedDeadline);
  const claimed = Date.parse(rec.deadlineAt);
  if (Math.abs(claimed - expected) > 1000) flags.push('deadline_changed');
  const deadline = Math.min(claimed, expected);
  const started = Date.parse(rec.startedAt);
  if (started < Date.parse(rule.opensAt) - EDGE_CLOCK_TOLERANCE_MS || started > Date.parse(rule.closesAt)) {
    flags.push('start_outside_window');
  }
  const lastAccepted = deadline + rule.graceMs;
  const onTime = (a: { savedAt: string }) => Date.parse(a.savedAt) <= lastAccepted;
  if (rec.answers.some((a) => !onTime(a))) flags.push('late_answers');
  if (rec.submittedAt !== null && Date.parse(rec.submittedAt) > lastAccepted + EDGE_CLOSE_SLACK_MS) flags.push('late_submit');
  return { flags, deadline: new Date(deadline).toISOString(), onTime };
}
