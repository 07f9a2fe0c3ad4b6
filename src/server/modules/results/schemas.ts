import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable, OneOf } from '../../lib/nullable.ts';
import { RichBlockView } from '../../lib/schemas.ts';
import { POSITIONS, SCHOOL_LEVELS } from '../../../domain/roster.ts';

export const ResultsQuery = Type.Object({
  unitId: Type.Optional(Type.Integer()),
  schoolLevel: Type.Optional(OneOf(SCHOOL_LEVELS)),
  position: Type.Optional(OneOf(POSITIONS)),
  partyMember: Type.Optional(Type.Boolean()),
  band: Type.Optional(Type.String({ maxLength: 50 })),
  variant: Type.Optional(Type.String({ maxLength: 40 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  sort: Type.Optional(Type.Union([Type.Literal('name'), Type.Literal('score'), Type.Literal('unit'), Type.Literal('submitted')])),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export type ResultsQuery = Static<typeof ResultsQuery>;

// Replies.
const Num = Nullable(Type.Number());
const Str = Nullable(Type.String());

export const ResultRow = Type.Object({
  attemptId: Type.Integer(),
  personId: Type.Integer(),
  fullName: Type.String(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  schoolLevel: Str,
  position: Str,
  partyMember: Type.Boolean(),
  variantCode: Type.String(),
  correct: Num,
  answered: Num,
  score: Num,
  band: Str,
  submittedAt: Str,
  submitKind: Str,
  secondsUsed: Num,
  signals: Type.Object({ hiddenCount: Type.Integer(), ipChanges: Type.Integer(), secondClient: Type.Integer() }),
});
export type ResultRow = Static<typeof ResultRow>;
export const ResultsPage = Type.Object({
  items: Type.Array(ResultRow),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

/** One attempt for staff: what this reader may see of the answers now (`review.note` says why something is hidden). */
export const AttemptDetail = Type.Object({
  attemptId: Type.Integer(),
  status: Type.String(),
  assessment: Type.Object({ id: Type.Integer(), title: Type.String() }),
  person: Type.Object({ id: Type.Integer(), fullName: Type.String(), unitName: Type.String() }),
  variantCode: Type.String(),
  startedAt: Type.String(),
  deadlineAt: Type.String(),
  submittedAt: Str,
  submitKind: Str,
  secondsUsed: Num,
  score: Num,
  band: Str,
  correct: Num,
  answered: Num,
  voidReason: Str,
  questionCount: Type.Integer(),
  signals: Type.Object({
    hiddenCount: Type.Integer(),
    hiddenMs: Type.Integer(),
    ipChanges: Type.Integer(),
    secondClient: Type.Integer(),
    lastIp: Str,
  }),
  review: Type.Object({ answers: Type.Boolean(), key: Type.Boolean(), note: Str }),
  questions: Type.Array(
    Type.Object({
      position: Type.Integer(),
      stem: Type.String(),
      stemRich: Type.Union([Type.Array(RichBlockView), Type.Null()]),
      options: Type.Array(Type.String()),
      choice: Nullable(Type.Integer()),
      correct: Nullable(Type.Integer()),
      flagged: Type.Boolean(),
    }),
  ),
  events: Type.Array(
    Type.Object({
      kind: Type.String(),
      at: Type.String(),
      actor: Str,
      detail: Type.Unsafe<Record<string, unknown> | null>({ type: ['object', 'null'], additionalProperties: true }),
    }),
  ),
});
export type AttemptDetail = Static<typeof AttemptDetail>;

export const HistoryRow = Type.Object({
  attemptId: Type.Integer(),
  assessmentId: Type.Integer(),
  title: Type.String(),
  organiser: Type.String(),
  year: Type.Integer(),
  status: Type.String(),
  submittedAt: Str,
  questionCount: Type.Integer(),
  score: Num,
  band: Str,
  correct: Num,
});
export type HistoryRow = Static<typeof HistoryRow>;
export const MyHistory = Type.Object({ items: Type.Array(HistoryRow) });
export const PersonHistory = Type.Object({ fullName: Type.String(), unitName: Type.String(), items: Type.Array(HistoryRow) });
