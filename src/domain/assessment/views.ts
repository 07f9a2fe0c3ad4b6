/** JSON shapes of the assessment and exam API, shared by the server and the web app. */
import type { Band, ScoringRule } from './scoring.ts';
import type { ReviewPolicy } from './review.ts';
import type { Selection } from './assemble.ts';
import type { RichBlock } from '../question-bank/rich-text.ts';

export type AssessmentStatus = 'draft' | 'published';
export type VariantMode = 'fixed' | 'per_person';
export type AttemptStatus = 'in_progress' | 'submitted' | 'voided';
export type SubmitKind = 'participant' | 'deadline' | 'server';

/** What an organiser fills in; the same body creates and edits. */
export interface AssessmentInput {
  title: string;
  instructions?: string | null;
  bankId: number;
  /** Owning unit: whose organisers manage it. */
  unitId: number;
  campaignId?: number | null;
  /** An earlier assessment (e.g. the same campaign last year) shown beside this one in the statistics. */
  compareWithId?: number | null;
  durationMin: number;
  questionCount: number;
  opensAt: string;
  closesAt: string;
  attemptsAllowed: number;
  selection: Selection;
  variantMode: VariantMode;
  variantCount: number;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  scoring: ScoringRule;
  review: ReviewPolicy;
  graceSeconds: number;
  targetUnitIds: number[];
  inviteePersonIds: number[];
}

export interface AssessmentSummary {
  id: number;
  title: string;
  status: AssessmentStatus;
  unitId: number;
  unitName: string;
  bankId: number;
  bankName: string;
  opensAt: string;
  closesAt: string;
  durationMin: number;
  questionCount: number;
  variantMode: VariantMode;
  variantCount: number;
  canManage: boolean;
  campaignId: number | null;
  counts: { eligible: number; started: number; submitted: number };
}

export interface AssessmentDetail extends AssessmentSummary {
  input: AssessmentInput;
  roundingRule: string;
  publishedAt: string | null;
  variants: { code: string }[];
  targets: { unitId: number; unitName: string }[];
  invitees: { personId: number; fullName: string; unitName: string }[];
  /** The bank's topics, to name the selection rules. */
  topics: { id: number; name: string }[];
}

export interface AssemblyCheck {
  ok: boolean;
  /** Vietnamese, one per problem: "Quy tắc 2 (Chuyên đề …, Nhận biết) cần 10 câu, ngân hàng chỉ có 6." */
  problems: string[];
  available: number;
}

export type MyAssessmentState = 'upcoming' | 'open' | 'in_progress' | 'submitted' | 'missed';

export interface MyAssessment {
  id: number;
  title: string;
  instructions: string | null;
  opensAt: string;
  closesAt: string;
  durationMin: number;
  questionCount: number;
  state: MyAssessmentState;
  attemptsLeft: number;
  /** Minutes added to the duration when the person starts; may run past the close. */
  extraMinutes: number;
  attempt: null | {
    id: number;
    status: AttemptStatus;
    deadlineAt: string;
    submittedAt: string | null;
    score: number | null;
    band: string | null;
  };
}

export interface ExamQuestion {
  /** 0-based position in the attempt's variant. */
  position: number;
  stem: string;
  /** Bold/italic/underline and tables, when the stem has any. */
  stemRich?: RichBlock[] | null;
  /** URLs under /api/attempts/:id/images/:imageId */
  stemImages: string[];
  options: { text: string; images: string[] }[];
}

/** One change of an answer as a device sends it. */
export interface AnswerChange {
  position: number;
  choice: number | null;
  flagged: boolean;
  /** The device's own counter: a replay, or an older change of the same device, never replaces a newer one. */
  seq: number;
  /** The version of this answer the device had seen (0: none). A change made over an older version is refused. */
  base: number;
}

/** One answer as the server holds it: the one truth every device converges to. */
export interface HeldAnswer {
  position: number;
  choice: number | null;
  flagged: boolean;
  /** Bumped by every stored change. */
  version: number;
  /** The device that stored it (null: stored before devices were told apart), and that device's counter. */
  writer: string | null;
  seq: number;
}

export interface ExamPayload {
  serverNow: string;
  attempt: {
    id: number;
    status: AttemptStatus;
    startedAt: string;
    deadlineAt: string;
    variantCode: string;
  };
  assessment: { id: number; title: string; instructions: string | null; questionCount: number; durationMin: number };
  questions: ExamQuestion[];
  answers: HeldAnswer[];
}

export interface SaveAnswersBody {
  /** This tab (two tabs at once are a signal for proctors). */
  clientId: string;
  /** This browser: its tabs share one queue and one counter. */
  deviceId: string;
  answers: AnswerChange[];
}

export interface SaveAnswersReply {
  /** What the server holds for every position sent: the sent change if it was stored, else the change that won. */
  held: HeldAnswer[];
  serverNow: string;
}

export interface PingBody {
  clientId: string;
  /** Since the previous ping: times the page was hidden and for how long. */
  hiddenCount: number;
  hiddenMs: number;
  /** The sum of the versions the device holds: when the server's differs, the reply carries every answer. */
  known: number;
}

export interface PingReply {
  status: AttemptStatus;
  serverNow: string;
  deadlineAt: string;
  /** Every answer the server holds, when the device's `known` is out of date. */
  answers?: HeldAnswer[];
  /** Another tab or device pinged this attempt within the last minute: the page pings more often to converge. */
  otherDeviceActive: boolean;
}

export interface SubmitBody {
  clientId: string;
  deviceId: string;
  /** Answers still queued on the device, saved in the same transaction before grading. */
  answers: AnswerChange[];
  /** 'deadline': the device's countdown ran out; refused (409 deadline_not_reached) before the server's deadline. */
  kind: 'participant' | 'deadline';
}

/** Details of a 409 attempt_closed: what the server counted. */
export interface ClosedDetails {
  status: AttemptStatus;
  /** Questions with an answer the server holds. */
  answered: number;
}

/** Details of a 409 deadline_not_reached. */
export interface DeadlineDetails {
  serverNow: string;
  deadlineAt: string;
}

export interface AttemptResult {
  attemptId: number;
  assessmentTitle: string;
  status: AttemptStatus;
  submittedAt: string | null;
  submitKind: SubmitKind | null;
  total: number;
  answered: number | null;
  /** Present when the review policy allows. */
  score: number | null;
  correct: number | null;
  band: string | null;
  /** When the score is hidden: when it will be shown ('after_close' → the close time), or null if never. */
  scoreVisibleFrom: string | null;
  /** The review may show questions (answers or key) now; the submit's reply leaves them to the result page. */
  reviewAvailable?: boolean;
  /** Submitted on a site's edge server, which holds no key: the score comes when the edge has synced with the province. */
  awaitingSync?: boolean;
  /** On an edge: the province would not take this attempt (the person was returned to it, or the laptop revoked). */
  refusedByProvince?: boolean;
  /** Answers sent with a submit that arrived after the deadline and its grace: not counted. */
  rejectedAnswers?: number;
  /** Answers sent with the submit that another device had changed first: the other device's answer counts. */
  supersededAnswers?: number;
  questions:
    | null
    | {
        position: number;
        stem: string;
        stemRich?: RichBlock[] | null;
        options: string[];
        choice: number | null;
        /** Present when the key may be shown. */
        correct: number | null;
      }[];
}

export type MonitorState = 'not_started' | 'in_progress' | 'submitted' | 'voided';

export interface MonitorPerson {
  personId: number;
  fullName: string;
  unitName: string;
  state: MonitorState;
  attemptId: number | null;
  answered: number;
  startedAt: string | null;
  deadlineAt: string | null;
  lastSeenAt: string | null;
  disconnected: boolean;
  signals: { hiddenCount: number; hiddenMs: number; ipChanges: number; secondClient: number };
  score: number | null;
  band: string | null;
  /** Minutes added when the person starts (domain/assessment/extra-time.ts). */
  extraMinutes: number;
  /** 'survey' when set for this survey, 'person' when it is the person's default (possibly 0). */
  extraMinutesSource: 'survey' | 'person';
}

/** A person's extra minutes in one survey, as set or cleared by the organiser or proctor. */
export interface ExtraTimeView {
  personId: number;
  /** What the person gets when they start. */
  minutes: number;
  /** 'survey': set for this survey; 'person': the person's default (possibly 0). */
  source: 'survey' | 'person';
  personDefault: number;
}

export interface MonitorView {
  serverNow: string;
  /** Sites (điểm cầu) of the assessment's campaign the reader may pick, and the one shown. */
  sites: { id: number; name: string }[];
  siteId: number | null;
  assessment: { id: number; title: string; opensAt: string; closesAt: string; questionCount: number };
  counts: { eligible: number; notStarted: number; inProgress: number; submitted: number; voided: number; disconnected: number };
  /** Mean share of questions answered among attempts in progress, 0..1. */
  averageProgress: number;
  byUnit: { unitId: number; unitName: string; eligible: number; inProgress: number; submitted: number }[];
  people: MonitorPerson[];
  total: number;
}

export type { Band, ScoringRule, ReviewPolicy, Selection };
