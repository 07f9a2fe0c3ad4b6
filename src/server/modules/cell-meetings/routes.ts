import { Type } from '@fastify/type-provider-typebox';
import { requireFile } from '../../files/require-file.ts';
import { fold } from '../../../domain/text.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { IdReply, OkReply } from '../../lib/schemas.ts';
import { CriteriaSet, DraftReply, ListQuery, MeetingBody, MeetingDetail, MeetingList, SetBody, UpdateMeetingBody } from './schemas.ts';
import { IdParams } from '../units/schemas.ts';
import * as service from './service.ts';

export const cellMeetingRoutes: RouteModule = async (app, { ctx }) => {
  app.get('/api/criteria-sets', { schema: { response: { 200: Type.Object({ items: Type.Array(CriteriaSet) }) } } }, async (request) => ({
    items: await service.listCriteriaSets(ctx, requireActor(request)),
  }));

  app.post('/api/criteria-sets', { schema: { body: SetBody, response: { 200: IdReply } } }, async (request) =>
    service.createCriteriaSet(ctx, requireActor(request), request.body),
  );

  app.get('/api/cell-meetings', { schema: { querystring: ListQuery, response: { 200: MeetingList } } }, async (request) =>
    service.listMeetings(ctx, requireActor(request), request.query),
  );

  app.post('/api/cell-meetings', { schema: { body: MeetingBody, response: { 200: IdReply } } }, async (request) =>
    service.createMeeting(ctx, requireActor(request), request.body),
  );

  app.get('/api/cell-meetings/:id', { schema: { params: IdParams, response: { 200: MeetingDetail } } }, async (request) =>
    service.getMeeting(ctx, requireActor(request), request.params.id),
  );

  app.patch(
    '/api/cell-meetings/:id',
    { schema: { params: IdParams, body: UpdateMeetingBody, response: { 200: OkReply } } },
    async (request) => {
      await service.updateMeeting(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    },
  );

  app.post('/api/cell-meetings/:id/draft', { schema: { params: IdParams, response: { 200: DraftReply } } }, async (request) => {
    const actor = requireActor(request);
    await service.assertCanEditMeeting(ctx, actor, request.params.id);
    const part = await requireFile(request, 'tệp dự thảo báo cáo');
    return service.uploadDraft(ctx, actor, request.params.id, part.filename, await part.toBuffer());
  });

  app.get('/api/cell-meetings/:id/draft', { config: { file: true }, schema: { params: IdParams } }, async (request, reply) => {
    const file = await service.draftFile(ctx, requireActor(request), request.params.id);
    const inline = file.contentType === 'application/pdf';
    return reply
      .type(file.contentType)
      .header('cache-control', 'private, no-store')
      .header(
        'content-disposition',
        `${inline ? 'inline' : 'attachment'}; filename="${fold(file.fileName).replace(/[^a-z0-9._-]+/g, '-')}"; `
          + `filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      )
      .send(file.bytes);
  });
};
