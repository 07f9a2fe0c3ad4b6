import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable, NullableEnum, StringEnum } from '../../lib/nullable.ts';
import { replyOf } from '../../lib/schemas.ts';
import type {
  AssessmentDetail,
  AssessmentSummary,
  ExtraTimeView as ExtraTimeViewType,
  MonitorPerson,
  MonitorView,
} from '../../../domain/assessment/views.ts';
import { EXTRA_MINUTES_MAX } from '../../../domain/assessment/extra-time.ts';

const DIFFICULTIES = ['recognition', 'comprehension', 'application'] as const;
const Moment = Type.Union([Type.Literal('immediately'), Type.Literal('after_close'), Type.Literal('never')]);

export const AssessmentBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 300 }),
  instructions: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  bankId: Type.Integer(),
  unitId: Type.Integer(),
  campaignId: Type.Optional(Nullable(Type.Integer())),
  compareWithId: Type.Optional(Nullable(Type.Integer())),
  durationMin: Type.Integer({ minimum: 1, maximum: 600 }),
  questionCount: Type.Integer({ minimum: 1, maximum: 300 }),
  opensAt: Type.String({ format: 'date-time' }),
  closesAt: Type.String({ format: 'date-time' }),
  attemptsAllowed: Type.Integer({ minimum: 1, maximum: 20 }),
  selection: Type.Union([
    Type.Object({ mode: Type.Literal('fixed'), questionIds: Type.Array(Type.Integer(), { maxItems: 300 }) }),
    Type.Object({
      mode: Type.Literal('rules'),
      rules: Type.Array(
        Type.Object({
          topicId: Nullable(Type.Integer()),
          difficulty: NullableEnum(DIFFICULTIES),
          count: Type.Integer({ minimum: 1, maximum: 300 }),
        }),
        { minItems: 1, maxItems: 50 },
      ),
    }),
  ]),
  variantMode: Type.Union([Type.Literal('fixed'), Type.Literal('per_person')]),
  variantCount: Type.Integer({ minimum: 1, maximum: 50 }),
  shuffleQuestions: Type.Boolean(),
  shuffleOptions: Type.Boolean(),
  scoring: Type.Object({
    decimals: Type.Integer({ minimum: 0, maximum: 2 }),
    bands: Type.Array(Type.Object({ label: Type.String({ maxLength: 50 }), min: Type.Number({ minimum: 0, maximum: 10 }) }), {
      minItems: 1,
      maxItems: 10,
    }),
  }),
  review: Type.Object({ score: Moment, answers: Moment, key: Moment }),
  graceSeconds: Type.Integer({ minimum: 0, maximum: 600 }),
  targetUnitIds: Type.Array(Type.Integer(), { maxItems: 500 }),
  inviteePersonIds: Type.Array(Type.Integer(), { maxItems: 20000 }),
});
export type AssessmentBody = Static<typeof AssessmentBody>;

export const VariantParams = Type.Object({ id: Type.Integer(), code: Type.String({ maxLength: 40 }) });
export type VariantParams = Static<typeof VariantParams>;

export const PaperQuery = Type.Object({ format: Type.Union([Type.Literal('docx'), Type.Literal('pdf')]) });
export type PaperQuery = Static<typeof PaperQuery>;

export const MonitorQuery = Type.Object({
  unitId: Type.Optional(Type.Integer()),
  siteId: Type.Optional(Type.Integer()),
  state: Type.Optional(
    Type.Union([
      Type.Literal('not_started'),
      Type.Literal('in_progress'),
      Type.Literal('submitted'),
      Type.Literal('voided'),
      Type.Literal('disconnected'),
      Type.Literal('signals'),
    ]),
  ),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  disconnectedMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});
export type MonitorQuery = Static<typeof MonitorQuery>;

export const ExtendBody = Type.Object({
  minutes: Type.Integer({ minimum: 1, maximum: 240 }),
  reason: Type.Optional(Type.String({ maxLength: 500 })),
});
export type ExtendBody = Static<typeof ExtendBody>;

export const VoidBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) });
export type VoidBody = Static<typeof VoidBody>;

export const ListQuery = Type.Object({ campaignId: Type.Optional(Type.Integer()) });
export type ListQuery = Static<typeof ListQuery>;

// Replies: the shapes are the TypeScript types of domain/assessment/views.ts, which the web imports as well (replyOf checks
// each schema against its type).
const Int = Type.Integer();
const Text = Type.String();
const MomentView = StringEnum(['immediately', 'after_close', 'never'] as const);
const VariantModeView = StringEnum(['fixed', 'per_person'] as const);

export const AssessmentSummaryView = replyOf<AssessmentSummary>()(
  Type.Object({
    id: Int,
    title: Text,
    status: StringEnum(['draft', 'published'] as const),
    unitId: Int,
    unitName: Text,
    bankId: Int,
    bankName: Text,
    opensAt: Text,
    closesAt: Text,
    durationMin: Int,
    questionCount: Int,
    variantMode: VariantModeView,
    variantCount: Int,
    canManage: Type.Boolean(),
    campaignId: Nullable(Type.Integer()),
    counts: Type.Object({ eligible: Int, started: Int, submitted: Int }),
  }),
);
export const AssessmentList = Type.Object({ items: Type.Array(AssessmentSummaryView) });

/** The stored definition as the editor fills it in (AssessmentInput). */
const AssessmentInputView = Type.Object({
  title: Text,
  instructions: Type.Optional(Nullable(Text)),
  bankId: Int,
  unitId: Int,
  campaignId: Type.Optional(Nullable(Type.Integer())),
  compareWithId: Type.Optional(Nullable(Type.Integer())),
  durationMin: Int,
  questionCount: Int,
  opensAt: Text,
  closesAt: Text,
  attemptsAllowed: Int,
  selection: Type.Union([
    Type.Object({ mode: Type.Literal('fixed'), questionIds: Type.Array(Int) }),
    Type.Object({
      mode: Type.Literal('rules'),
      rules: Type.Array(Type.Object({ topicId: Nullable(Type.Integer()), difficulty: NullableEnum(DIFFICULTIES), count: Int })),
    }),
  ]),
  variantMode: VariantModeView,
  variantCount: Int,
  shuffleQuestions: Type.Boolean(),
  shuffleOptions: Type.Boolean(),
  scoring: Type.Object({ decimals: Int, bands: Type.Array(Type.Object({ label: Text, min: Type.Number() })) }),
  review: Type.Object({ score: MomentView, answers: MomentView, key: MomentView }),
  graceSeconds: Int,
  targetUnitIds: Type.Array(Int),
  inviteePersonIds: Type.Array(Int),
});
export const AssessmentDetailView = replyOf<AssessmentDetail>()(
  Type.Object({
    ...AssessmentSummaryView.properties,
    input: AssessmentInputView,
    roundingRule: Text,
    publishedAt: Nullable(Text),
    variants: Type.Array(Type.Object({ code: Text })),
    targets: Type.Array(Type.Object({ unitId: Int, unitName: Text })),
    invitees: Type.Array(Type.Object({ personId: Int, fullName: Text, unitName: Text })),
    topics: Type.Array(Type.Object({ id: Int, name: Text })),
  }),
);
export const AssemblyCheckView = Type.Object({ ok: Type.Boolean(), problems: Type.Array(Type.String()), available: Type.Integer() });
export const PublishReply = Type.Object({ ok: Type.Boolean(), variants: Type.Array(Type.String()) });

const ExtraMinutesSource = StringEnum(['survey', 'person'] as const);
const Instant = Nullable(Text);
export const MonitorPersonView = replyOf<MonitorPerson>()(
  Type.Object({
    personId: Int,
    fullName: Text,
    unitName: Text,
    state: StringEnum(['not_started', 'in_progress', 'submitted', 'voided'] as const),
    attemptId: Nullable(Type.Integer()),
    answered: Int,
    startedAt: Instant,
    deadlineAt: Instant,
    lastSeenAt: Instant,
    disconnected: Type.Boolean(),
    signals: Type.Object({ hiddenCount: Int, hiddenMs: Int, ipChanges: Int, secondClient: Int }),
    score: Nullable(Type.Number()),
    band: Nullable(Text),
    extraMinutes: Int,
    extraMinutesSource: ExtraMinutesSource,
  }),
);
export const MonitorViewReply = replyOf<MonitorView>()(
  Type.Object({
    serverNow: Text,
    sites: Type.Array(Type.Object({ id: Int, name: Text })),
    siteId: Nullable(Type.Integer()),
    assessment: Type.Object({ id: Int, title: Text, opensAt: Text, closesAt: Text, questionCount: Int }),
    counts: Type.Object({ eligible: Int, notStarted: Int, inProgress: Int, submitted: Int, voided: Int, disconnected: Int }),
    averageProgress: Type.Number(),
    byUnit: Type.Array(Type.Object({ unitId: Int, unitName: Text, eligible: Int, inProgress: Int, submitted: Int })),
    people: Type.Array(MonitorPersonView),
    total: Int,
  }),
);
export const DeadlineReply = Type.Object({ deadlineAt: Type.String() });
export const ExtraTimeParams = Type.Object({ id: Type.Integer(), personId: Type.Integer() });
export type ExtraTimeParams = Static<typeof ExtraTimeParams>;

export const ExtraTimeBody = Type.Object({
  minutes: Type.Integer({ minimum: 0, maximum: EXTRA_MINUTES_MAX }),
  reason: Type.Optional(Type.String({ maxLength: 500 })),
});
export type ExtraTimeBody = Static<typeof ExtraTimeBody>;

export const ExtraTimeView = replyOf<ExtraTimeViewType>()(
  Type.Object({
    personId: Type.Integer(),
    minutes: Type.Integer(),
    source: ExtraMinutesSource,
    personDefault: Type.Integer(),
  }),
);
