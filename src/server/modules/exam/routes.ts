import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import { IdParams } from '../units/schemas.ts';
import { ImageParams, PingBody, SaveAnswersBody, SubmitBody } from './schemas.ts';
import * as service from './service.ts';
import { myAssessments, startAttempt } from './start-service.ts';
import { attemptResult } from './result-service.ts';

export async function examRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/my/assessments', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return myAssessments(ctx, requireActor(request));
  });

  app.post<{ Params: IdParams }>('/api/my/assessments/:id/start', { schema: { params: IdParams } },
    async (request) => startAttempt(ctx, requireActor(request), request.params.id, request.ip));

  app.get<{ Params: IdParams }>('/api/attempts/:id', { schema: { params: IdParams } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return service.examPayload(ctx, requireActor(request), request.params.id);
  });

  app.post<{ Params: IdParams; Body: SaveAnswersBody }>('/api/attempts/:id/answers', { schema: { params: IdParams, body: SaveAnswersBody } },
    async (request) => service.saveAnswers(ctx, requireActor(request), request.params.id, request.body));

  app.post<{ Params: IdParams; Body: PingBody }>('/api/attempts/:id/ping', { schema: { params: IdParams, body: PingBody } },
    async (request) => service.ping(ctx, requireActor(request), request.params.id, request.body, request.ip));

  app.post<{ Params: IdParams; Body: SubmitBody }>('/api/attempts/:id/submit', { schema: { params: IdParams, body: SubmitBody } },
    async (request) => service.submitAttempt(ctx, requireActor(request), request.params.id, request.body));

  app.get<{ Params: IdParams }>('/api/attempts/:id/result', { schema: { params: IdParams } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return attemptResult(ctx, requireActor(request), request.params.id);
  });

  app.get<{ Params: ImageParams }>('/api/attempts/:id/images/:imageId', { schema: { params: ImageParams } }, async (request, reply) => {
    const image = await service.attemptImage(ctx, requireActor(request), request.params.id, request.params.imageId);
    return reply.type(image.contentType).header('cache-control', 'private, max-age=86400')
      .header('content-disposition', image.contentType.startsWith('image/') ? 'inline' : 'attachment').send(image.data);
  });
}
