import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { IdParams } from '../units/schemas.ts';
import {
  AttemptResultView,
  ExamPayloadReply,
  ImageParams,
  MyAssessmentsReply,
  PingBody,
  PingReplyView,
  SaveAnswersBody,
  SaveAnswersReplyView,
  StartReply,
  SubmitBody,
} from './schemas.ts';
import * as service from './service.ts';
import { myAssessments, startAttempt } from './start-service.ts';
import { attemptResult } from './result-service.ts';

export const examRoutes: RouteModule = async (app, { ctx }) => {
  app.get('/api/my/assessments', { schema: { response: { 200: MyAssessmentsReply } } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return myAssessments(ctx, requireActor(request));
  });

  app.post('/api/my/assessments/:id/start', { schema: { params: IdParams, response: { 200: StartReply } } }, async (request) =>
    startAttempt(ctx, requireActor(request), request.params.id, request.ip),
  );

  app.get('/api/attempts/:id', { schema: { params: IdParams, response: { 200: ExamPayloadReply } } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return service.examPayload(ctx, requireActor(request), request.params.id);
  });

  app.post(
    '/api/attempts/:id/answers',
    { schema: { params: IdParams, body: SaveAnswersBody, response: { 200: SaveAnswersReplyView } } },
    async (request) => service.saveAnswers(ctx, requireActor(request), request.params.id, request.body),
  );

  app.post('/api/attempts/:id/ping', { schema: { params: IdParams, body: PingBody, response: { 200: PingReplyView } } }, async (request) =>
    service.ping(ctx, requireActor(request), request.params.id, request.body, request.ip),
  );

  app.post(
    '/api/attempts/:id/submit',
    { schema: { params: IdParams, body: SubmitBody, response: { 200: AttemptResultView } } },
    async (request) => service.submitAttempt(ctx, requireActor(request), request.params.id, request.body),
  );

  app.get('/api/attempts/:id/result', { schema: { params: IdParams, response: { 200: AttemptResultView } } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return attemptResult(ctx, requireActor(request), request.params.id);
  });

  app.get('/api/attempts/:id/images/:imageId', { config: { file: true }, schema: { params: ImageParams } }, async (request, reply) => {
    const image = await service.attemptImage(ctx, requireActor(request), request.params.id, request.params.imageId);
    return reply
      .type(image.contentType)
      .header('cache-control', 'private, max-age=86400')
      .header('content-disposition', image.contentType.startsWith('image/') ? 'inline' : 'attachment')
      .send(image.data);
  });
};
