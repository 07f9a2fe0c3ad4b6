import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable, StringEnum } from '../../lib/nullable.ts';

const Iso = Type.String({ minLength: 1, maxLength: 40 });
const LeasePairSchema = Type.Object({ assessmentId: Type.Integer(), personId: Type.Integer() });

export const PrepareBody = Type.Object({ name: Type.Optional(Type.String({ maxLength: 120 })) });

export const PrepareReply = Type.Object({
  /** The EdgeBundle (domain/edge/bundle.ts): imported as is by the edge, row shapes of the database. */
  bundle: Type.Unknown(),
  slips: Type.Array(
    Type.Object({
      personId: Type.Integer(),
      fullName: Type.String(),
      unitName: Type.String(),
      username: Type.String(),
      code: Type.String(),
    }),
  ),
  leftOnProvince: Type.Array(
    Type.Object({
      personId: Type.Integer(),
      fullName: Type.String(),
      unitName: Type.String(),
      survey: Type.String(),
      reason: Type.String(),
    }),
  ),
});

const EdgeAnswer = Type.Object({
  position: Type.Integer({ minimum: 0, maximum: 599 }),
  choice: Nullable(Type.Integer({ minimum: 0, maximum: 25 })),
  flagged: Type.Boolean(),
  version: Type.Integer({ minimum: 1 }),
  savedAt: Iso,
});

export const SyncBody = Type.Object({
  edgeNow: Iso,
  throughSeq: Type.Integer({ minimum: 0 }),
  pending: Type.Integer({ minimum: 0 }),
  attempts: Type.Array(
    Type.Object({
      edgeAttemptId: Type.Integer({ minimum: 1 }),
      assessmentId: Type.Integer({ minimum: 1 }),
      personId: Type.Integer({ minimum: 1 }),
      attemptNo: Type.Integer({ minimum: 1 }),
      variantCode: Type.String({ maxLength: 20 }),
      status: StringEnum(['in_progress', 'submitted', 'voided'] as const),
      startedAt: Iso,
      deadlineAt: Iso,
      submittedAt: Nullable(Iso),
      submitKind: Nullable(StringEnum(['participant', 'deadline', 'server'] as const)),
      answers: Type.Array(EdgeAnswer, { maxItems: 600 }),
    }),
    { maxItems: 500 },
  ),
  leaseDigest: Type.Optional(Type.String({ maxLength: 40 })),
});
export type SyncBody = Static<typeof SyncBody>;

export const SyncReply = Type.Object({
  ackedSeq: Type.Integer(),
  provinceNow: Type.String(),
  graded: Type.Array(
    Type.Object({
      edgeAttemptId: Type.Integer(),
      answered: Type.Integer(),
      correct: Type.Integer(),
      score: Type.Number(),
      band: Type.String(),
    }),
  ),
  refused: Type.Array(Type.Object({ edgeAttemptId: Type.Integer(), reason: Type.String() })),
  leases: Type.Optional(Type.Array(LeasePairSchema)),
});

export const EdgeView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  siteId: Type.Integer(),
  siteName: Type.String(),
  createdAt: Type.String(),
  /** Taken out of service by the organiser: its syncs are refused. */
  revokedAt: Nullable(Type.String()),
  online: Type.Boolean(),
  lastContactAt: Nullable(Type.String()),
  clockOffsetMs: Nullable(Type.Integer()),
  /** Changes the edge said it still had to send at its last contact. */
  pending: Nullable(Type.Integer()),
  /** People whose attempt at an open survey lives on this edge. */
  leased: Type.Integer(),
  received: Type.Integer(),
  graded: Type.Integer(),
  flagged: Type.Integer(),
});
export type EdgeView = Static<typeof EdgeView>;

export const PreparableSite = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  campaignName: Type.String(),
  participants: Type.Integer(),
});

export const RevokeReply = Type.Object({ returned: Type.Integer() });

export const ReturnBody = Type.Object({ personIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 2000 }) });

export const EdgeLeaseView = Type.Object({
  personId: Type.Integer(),
  fullName: Type.String(),
  unitName: Type.String(),
  assessmentId: Type.Integer(),
  survey: Type.String(),
  /** waiting: nothing of theirs arrived from the edge; else the state of the attempt that did. */
  state: StringEnum(['waiting', 'in_progress', 'submitted', 'voided'] as const),
  /** Why the province flagged the attempt that arrived (its times broke the survey's rules), in Vietnamese. */
  flags: Type.Array(Type.String()),
});
export type EdgeLeaseView = Static<typeof EdgeLeaseView>;
