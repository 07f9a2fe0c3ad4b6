import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable, NullableEnum } from '../../lib/nullable.ts';
import { Passthrough } from '../../lib/schemas.ts';
import type { AssessmentDetail, MonitorView } from '../../../domain/assessment/views.ts';
import { EXTRA_MINUTES_MAX } from '../../../domain/assessment/extra-time.ts';

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
      rules: Type.Array(Type.Object({
        topicId: Nullable(Type.Integer()),
        difficulty: NullableEnum(['recognition', 'comprehension', 'application'] as const),
        count: Type.Integer({ minimum: 1, maximum: 300 }),
      }), { minItems: 1, maxItems: 50 }),
    }),
  ]),
  variantMode: Type.Union([Type.Literal('fixed'), Type.Literal('per_person')]),
  variantCount: Type.Integer({ minimum: 1, maximum: 50 }),
  shuffleQuestions: Type.Boolean(),
  shuffleOptions: Type.Boolean(),
  scoring: Type.Object({
    decimals: Type.Integer({ minimum: 0, maximum: 2 }),
    bands: Type.Array(Type.Object({ label: Type.String({ maxLength: 50 }), min: Type.Number({ minimum: 0, maximum: 10 }) }),
      { minItems: 1, maxItems: 10 }),
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
  state: Type.Optional(Type.Union([Type.Literal('not_started'), Type.Literal('in_progress'), Type.Literal('submitted'),
    Type.Literal('voided'), Type.Literal('disconnected'), Type.Literal('signals')])),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  disconnectedMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});
export type MonitorQuery = Static<typeof MonitorQuery>;

export const ExtendBody = Type.Object({ minutes: Type.Integer({ minimum: 1, maximum: 240 }), reason: Type.Optional(Type.String({ maxLength: 500 })) });
export type ExtendBody = Static<typeof ExtendBody>;

export const VoidBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) });
export type VoidBody = Static<typeof VoidBody>;

export const ListQuery = Type.Object({ campaignId: Type.Optional(Type.Integer()) });
export type ListQuery = Static<typeof ListQuery>;

// Replies: the shapes are the TypeScript types of domain/assessment/views.ts, which the web imports as well.
export const AssessmentSummaryView = Type.Object({
  id: Type.Integer(), title: Type.String(), status: Type.Union([Type.Literal('draft'), Type.Literal('published')]),
  unitId: Type.Integer(), unitName: Type.String(), bankId: Type.Integer(), bankName: Type.String(), opensAt: Type.String(),
  closesAt: Type.String(), durationMin: Type.Integer(), questionCount: Type.Integer(),
  variantMode: Type.Union([Type.Literal('fixed'), Type.Literal('per_person')]), variantCount: Type.Integer(), canManage: Type.Boolean(),
  campaignId: Nullable(Type.Integer()),
  counts: Type.Object({ eligible: Type.Integer(), started: Type.Integer(), submitted: Type.Integer() }),
});
export const AssessmentList = Type.Object({ items: Type.Array(AssessmentSummaryView) });
export const AssessmentDetailView = Passthrough<AssessmentDetail>('AssessmentDetail (domain/assessment/views.ts)');
export const AssemblyCheckView = Type.Object({ ok: Type.Boolean(), problems: Type.Array(Type.String()), available: Type.Integer() });
export const PublishReply = Type.Object({ ok: Type.Boolean(), variants: Type.Array(Type.String()) });
export const MonitorViewReply = Passthrough<MonitorView>('MonitorView (domain/assessment/views.ts)');
export const DeadlineReply = Type.Object({ deadlineAt: Type.String() });
export const ExtraTimeParams = Type.Object({ id: Type.Integer(), personId: Type.Integer() });
export type ExtraTimeParams = Static<typeof ExtraTimeParams>;

export const ExtraTimeBody = Type.Object({
  minutes: Type.Integer({ minimum: 0, maximum: EXTRA_MINUTES_MAX }),
  reason: Type.Optional(Type.String({ maxLength: 500 })),
});
export type ExtraTimeBody = Static<typeof ExtraTimeBody>;

export const ExtraTimeView = Type.Object({
  personId: Type.Integer(),
  minutes: Type.Integer(),
  source: Type.Union([Type.Literal('survey'), Type.Literal('person')]),
  personDefault: Type.Integer(),
});
