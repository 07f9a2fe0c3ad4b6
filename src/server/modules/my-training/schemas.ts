import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable, NullableEnum } from '../../lib/nullable.ts';
import { ATTENDANCE_STATUSES } from '../../../domain/training/attendance.ts';
import { MaterialView } from '../materials/schemas.ts';
import { SessionView } from '../sites/schemas.ts';

/**
 * What a person sees of the training: their campaigns, the sites they proctor, the sessions and class half-days they teach.
 * `serverNow` is the server's instant, so that the page tells past, today's and next sessions apart without the phone's clock.
 */
export const MyTraining = Type.Object({
  serverNow: Type.String(),
  campaigns: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      schoolYear: Type.String(),
      startsOn: Nullable(Type.String()),
      endsOn: Nullable(Type.String()),
      site: Type.Object({ id: Type.Integer(), name: Type.String(), address: Nullable(Type.String()), onlineUrl: Nullable(Type.String()) }),
      sessions: Type.Array(
        Type.Intersect([
          SessionView,
          Type.Object({
            myStatus: NullableEnum(ATTENDANCE_STATUSES),
            /** Self check-in is open now: the site has shown its code and the session is within its check-in window. */
            checkinOpen: Type.Boolean(),
          }),
        ]),
      ),
      materials: Type.Array(MaterialView),
    }),
  ),
  proctoring: Type.Array(
    Type.Object({
      siteId: Type.Integer(),
      siteName: Type.String(),
      campaignId: Type.Integer(),
      campaignName: Type.String(),
      sessions: Type.Array(SessionView),
    }),
  ),
  lecturing: Type.Array(
    Type.Object({
      sessionId: Type.Integer(),
      date: Type.String(),
      startsAt: Type.String(),
      endsAt: Type.String(),
      siteName: Type.String(),
      address: Nullable(Type.String()),
      onlineUrl: Nullable(Type.String()),
      /** null for a class's half-day (campaignName is then the class's name). */
      campaignId: Nullable(Type.Integer()),
      campaignName: Type.String(),
      topicName: Nullable(Type.String()),
    }),
  ),
});
export type MyTraining = Static<typeof MyTraining>;
