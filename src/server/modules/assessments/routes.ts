import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { IdParams } from '../units/schemas.ts';
import {
  AssemblyCheckView,
  AssessmentBody,
  AssessmentDetailView,
  AssessmentList,
  DeadlineReply,
  ExtendBody,
  ExtraTimeBody,
  ExtraTimeParams,
  ExtraTimeView,
  ListQuery,
  MonitorQuery,
  MonitorViewReply,
  PaperQuery,
  PublishReply,
  VariantParams,
  VoidBody,
} from './schemas.ts';
import { IdReply, OkReply } from '../../lib/schemas.ts';
import * as service from './service.ts';
import * as monitor from './monitor-service.ts';
import * as extraTime from './extra-time-service.ts';
import * as paper from './paper-service.ts';
import { attachment } from '../../files/attachment.ts';

export const assessmentRoutes: RouteModule = async (app, { ctx }) => {
  app.get('/api/assessments', { schema: { querystring: ListQuery, response: { 200: AssessmentList } } }, async (request) => ({
    items: await service.listAssessments(ctx, requireActor(request), request.query),
  }));

  app.post('/api/assessments', { schema: { body: AssessmentBody, response: { 200: IdReply } } }, async (request) =>
    service.createAssessment(ctx, requireActor(request), request.body),
  );

  app.get('/api/assessments/:id', { schema: { params: IdParams, response: { 200: AssessmentDetailView } } }, async (request) =>
    service.getAssessment(ctx, requireActor(request), request.params.id),
  );

  app.put('/api/assessments/:id', { schema: { params: IdParams, body: AssessmentBody, response: { 200: OkReply } } }, async (request) => {
    await service.updateAssessment(ctx, requireActor(request), request.params.id, request.body);
    return { ok: true };
  });

  app.delete('/api/assessments/:id', { schema: { params: IdParams, response: { 200: OkReply } } }, async (request) => {
    await service.deleteDraft(ctx, requireActor(request), request.params.id);
    return { ok: true };
  });

  app.post('/api/assessments/:id/check', { schema: { params: IdParams, response: { 200: AssemblyCheckView } } }, async (request) =>
    service.checkAssembly(ctx, requireActor(request), request.params.id),
  );

  app.post('/api/assessments/:id/publish', { schema: { params: IdParams, response: { 200: PublishReply } } }, async (request) =>
    service.publish(ctx, requireActor(request), request.params.id),
  );

  app.get(
    '/api/assessments/:id/variants/:code/paper',
    { config: { file: true }, schema: { params: VariantParams, querystring: PaperQuery } },
    async (request, reply) => {
      const file = await paper.variantPaper(ctx, requireActor(request), request.params.id, request.params.code, request.query.format);
      return attachment(reply, file.body, file.fileName);
    },
  );

  app.get(
    '/api/assessments/:id/monitor',
    { schema: { params: IdParams, querystring: MonitorQuery, response: { 200: MonitorViewReply } } },
    async (request) => monitor.monitorView(ctx, requireActor(request), request.params.id, request.query),
  );

  // Extra time of one person in this survey, set before they start; DELETE goes back to the person's default.
  app.put(
    '/api/assessments/:id/extra-time/:personId',
    { schema: { params: ExtraTimeParams, body: ExtraTimeBody, response: { 200: ExtraTimeView } } },
    async (request) => extraTime.setSurveyExtraTime(ctx, requireActor(request), request.params.id, request.params.personId, request.body),
  );

  app.delete(
    '/api/assessments/:id/extra-time/:personId',
    { schema: { params: ExtraTimeParams, response: { 200: ExtraTimeView } } },
    async (request) => extraTime.clearSurveyExtraTime(ctx, requireActor(request), request.params.id, request.params.personId),
  );

  app.post(
    '/api/attempts/:id/extend',
    { schema: { params: IdParams, body: ExtendBody, response: { 200: DeadlineReply } } },
    async (request) => monitor.extendAttempt(ctx, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/attempts/:id/reopen',
    { schema: { params: IdParams, body: ExtendBody, response: { 200: DeadlineReply } } },
    async (request) => monitor.reopenAttempt(ctx, requireActor(request), request.params.id, request.body),
  );

  app.post('/api/attempts/:id/void', { schema: { params: IdParams, body: VoidBody, response: { 200: OkReply } } }, async (request) =>
    monitor.voidAttempt(ctx, requireActor(request), request.params.id, request.body.reason),
  );
};
