import { Type } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { IdParams } from '../units/schemas.ts';
import { correctKey, statisticsView } from './service.ts';
import { KeyCorrectionReply, StatisticsReply } from './schemas.ts';

const StatisticsQuery = Type.Object({ unitId: Type.Optional(Type.Integer()) });
const KeyParams = Type.Object({ id: Type.Integer(), ordinal: Type.Integer({ minimum: 0, maximum: 299 }) });
const KeyBody = Type.Object({ correctIndex: Type.Integer({ minimum: 0, maximum: 7 }) });

export const statisticsRoutes: RouteModule = async (app, { ctx }) => {
  app.get(
    '/api/assessments/:id/statistics',
    { schema: { params: IdParams, querystring: StatisticsQuery, response: { 200: StatisticsReply } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return statisticsView(ctx, requireActor(request), request.params.id, request.query.unitId);
    },
  );

  app.post(
    '/api/assessments/:id/questions/:ordinal/key',
    { schema: { params: KeyParams, body: KeyBody, response: { 200: KeyCorrectionReply } } },
    async (request) => correctKey(ctx, requireActor(request), request.params.id, request.params.ordinal, request.body.correctIndex),
  );
};
