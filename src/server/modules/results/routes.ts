import { Type } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { IdParams } from '../units/schemas.ts';
import { AttemptDetail, MyHistory, PersonHistory, ResultsPage, ResultsQuery } from './schemas.ts';
import * as service from './service.ts';

export const resultRoutes: RouteModule = async (app, { ctx }) => {
  app.get(
    '/api/assessments/:id/results',
    { schema: { params: IdParams, querystring: ResultsQuery, response: { 200: ResultsPage } } },
    async (request) => service.listResults(ctx, requireActor(request), request.params.id, request.query),
  );

  app.get('/api/attempts/:id/detail', { schema: { params: IdParams, response: { 200: AttemptDetail } } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return service.attemptDetail(ctx, requireActor(request), request.params.id);
  });

  app.get('/api/my/history', { schema: { querystring: Type.Object({}), response: { 200: MyHistory } } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return service.myHistory(ctx, requireActor(request));
  });

  app.get('/api/people/:id/assessment-history', { schema: { params: IdParams, response: { 200: PersonHistory } } }, async (request) =>
    service.personHistory(ctx, requireActor(request), request.params.id),
  );
};
