import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import { IdParams } from '../units/schemas.ts';
import { ResultsQuery } from './schemas.ts';
import * as service from './service.ts';

export async function resultRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Params: IdParams; Querystring: ResultsQuery }>('/api/assessments/:id/results',
    { schema: { params: IdParams, querystring: ResultsQuery } },
    async (request) => service.listResults(ctx, requireActor(request), request.params.id, request.query));

  app.get<{ Params: IdParams }>('/api/attempts/:id/detail', { schema: { params: IdParams } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return service.attemptDetail(ctx, requireActor(request), request.params.id);
  });

  app.get('/api/my/history', { schema: { querystring: Type.Object({}) } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return service.myHistory(ctx, requireActor(request));
  });

  app.get<{ Params: IdParams }>('/api/people/:id/assessment-history', { schema: { params: IdParams } },
    async (request) => service.personHistory(ctx, requireActor(request), request.params.id));
}
