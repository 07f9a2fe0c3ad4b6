import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import { IdParams } from '../units/schemas.ts';
import { correctKey, statisticsView } from './service.ts';

const StatisticsQuery = Type.Object({ unitId: Type.Optional(Type.Integer()) });
const KeyParams = Type.Object({ id: Type.Integer(), ordinal: Type.Integer({ minimum: 0, maximum: 299 }) });
const KeyBody = Type.Object({ correctIndex: Type.Integer({ minimum: 0, maximum: 7 }) });

export async function statisticsRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Params: IdParams; Querystring: Static<typeof StatisticsQuery> }>('/api/assessments/:id/statistics',
    { schema: { params: IdParams, querystring: StatisticsQuery } }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return statisticsView(ctx, requireActor(request), request.params.id, request.query.unitId);
    });

  app.post<{ Params: Static<typeof KeyParams>; Body: Static<typeof KeyBody> }>('/api/assessments/:id/questions/:ordinal/key',
    { schema: { params: KeyParams, body: KeyBody } },
    async (request) => correctKey(ctx, requireActor(request), request.params.id, request.params.ordinal, request.body.correctIndex));
}
