import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import { IdParams } from '../units/schemas.ts';
import {
  AssessmentBody, ListQuery, ExtendBody, ExtraTimeBody, ExtraTimeParams, ExtraTimeView, MonitorQuery, PaperQuery, VariantParams, VoidBody,
} from './schemas.ts';
import * as service from './service.ts';
import * as monitor from './monitor-service.ts';
import * as extraTime from './extra-time-service.ts';
import * as paper from './paper-service.ts';
import { attachment } from '../../files/attachment.ts';

export async function assessmentRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Querystring: ListQuery }>('/api/assessments', { schema: { querystring: ListQuery } },
    async (request) => ({ items: await service.listAssessments(ctx, requireActor(request), request.query) }));

  app.post<{ Body: AssessmentBody }>('/api/assessments', { schema: { body: AssessmentBody } },
    async (request) => service.createAssessment(ctx, requireActor(request), request.body));

  app.get<{ Params: IdParams }>('/api/assessments/:id', { schema: { params: IdParams } },
    async (request) => service.getAssessment(ctx, requireActor(request), request.params.id));

  app.put<{ Params: IdParams; Body: AssessmentBody }>('/api/assessments/:id', { schema: { params: IdParams, body: AssessmentBody } },
    async (request) => {
      await service.updateAssessment(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    });

  app.delete<{ Params: IdParams }>('/api/assessments/:id', { schema: { params: IdParams } }, async (request) => {
    await service.deleteDraft(ctx, requireActor(request), request.params.id);
    return { ok: true };
  });

  app.post<{ Params: IdParams }>('/api/assessments/:id/check', { schema: { params: IdParams } },
    async (request) => service.checkAssembly(ctx, requireActor(request), request.params.id));

  app.post<{ Params: IdParams }>('/api/assessments/:id/publish', { schema: { params: IdParams } },
    async (request) => service.publish(ctx, requireActor(request), request.params.id));

  app.get<{ Params: VariantParams; Querystring: PaperQuery }>('/api/assessments/:id/variants/:code/paper',
    { schema: { params: VariantParams, querystring: PaperQuery } }, async (request, reply) => {
      const file = await paper.variantPaper(ctx, requireActor(request), request.params.id, request.params.code, request.query.format);
      return attachment(reply, file.body, file.fileName);
    });

  app.get<{ Params: IdParams; Querystring: MonitorQuery }>('/api/assessments/:id/monitor',
    { schema: { params: IdParams, querystring: MonitorQuery } },
    async (request) => monitor.monitorView(ctx, requireActor(request), request.params.id, request.query));

  // Extra time of one person in this survey, set before they start; DELETE goes back to the person's default.
  app.put<{ Params: ExtraTimeParams; Body: ExtraTimeBody }>('/api/assessments/:id/extra-time/:personId',
    { schema: { params: ExtraTimeParams, body: ExtraTimeBody, response: { 200: ExtraTimeView } } },
    async (request) => extraTime.setSurveyExtraTime(ctx, requireActor(request), request.params.id, request.params.personId, request.body));

  app.delete<{ Params: ExtraTimeParams }>('/api/assessments/:id/extra-time/:personId',
    { schema: { params: ExtraTimeParams, response: { 200: ExtraTimeView } } },
    async (request) => extraTime.clearSurveyExtraTime(ctx, requireActor(request), request.params.id, request.params.personId));

  app.post<{ Params: IdParams; Body: ExtendBody }>('/api/attempts/:id/extend', { schema: { params: IdParams, body: ExtendBody } },
    async (request) => monitor.extendAttempt(ctx, requireActor(request), request.params.id, request.body));

  app.post<{ Params: IdParams; Body: ExtendBody }>('/api/attempts/:id/reopen', { schema: { params: IdParams, body: ExtendBody } },
    async (request) => monitor.reopenAttempt(ctx, requireActor(request), request.params.id, request.body));

  app.post<{ Params: IdParams; Body: VoidBody }>('/api/attempts/:id/void', { schema: { params: IdParams, body: VoidBody } },
    async (request) => monitor.voidAttempt(ctx, requireActor(request), request.params.id, request.body.reason));
}
