import { Type } from '@fastify/type-provider-typebox';
import { attachment } from '../../files/attachment.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { IdReply, OkReply } from '../../lib/schemas.ts';
import {
  AssignBody,
  AssignReply,
  ParticipantView,
  PeopleBody,
  RemoveReply,
  SessionBody,
  SessionView,
  SiteBody,
  SiteView,
} from './schemas.ts';
import { IdParams } from '../units/schemas.ts';
import { writeSchedulePdf } from './schedule-pdf.ts';
import * as service from './service.ts';

export const siteRoutes: RouteModule = async (app, { ctx }) => {
  app.get(
    '/api/campaigns/:id/sites',
    { schema: { params: IdParams, response: { 200: Type.Object({ items: Type.Array(SiteView) }) } } },
    async (request) => ({ items: await service.listSites(ctx, requireActor(request), request.params.id) }),
  );

  app.post('/api/campaigns/:id/sites', { schema: { params: IdParams, body: SiteBody, response: { 200: IdReply } } }, async (request) =>
    service.createSite(ctx, requireActor(request), request.params.id, request.body),
  );

  app.patch(
    '/api/sites/:id',
    { schema: { params: IdParams, body: Type.Partial(SiteBody), response: { 200: OkReply } } },
    async (request) => {
      await service.updateSite(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    },
  );

  app.put('/api/sites/:id/proctors', { schema: { params: IdParams, body: PeopleBody, response: { 200: OkReply } } }, async (request) => {
    await service.setProctors(ctx, requireActor(request), request.params.id, request.body.personIds);
    return { ok: true };
  });

  app.get(
    '/api/sites/:id/participants',
    { schema: { params: IdParams, response: { 200: Type.Object({ items: Type.Array(ParticipantView) }) } } },
    async (request) => ({ items: await service.listParticipants(ctx, requireActor(request), request.params.id) }),
  );

  app.post(
    '/api/sites/:id/participants',
    { schema: { params: IdParams, body: AssignBody, response: { 200: AssignReply } } },
    async (request) => service.assignParticipants(ctx, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/sites/:id/participants/remove',
    { schema: { params: IdParams, body: PeopleBody, response: { 200: RemoveReply } } },
    async (request) => service.removeParticipants(ctx, requireActor(request), request.params.id, request.body.personIds),
  );

  app.get(
    '/api/sites/:id/sessions',
    { schema: { params: IdParams, response: { 200: Type.Object({ items: Type.Array(SessionView) }) } } },
    async (request) => ({ items: await service.listSessions(ctx, requireActor(request), request.params.id) }),
  );

  app.post('/api/sites/:id/sessions', { schema: { params: IdParams, body: SessionBody, response: { 200: IdReply } } }, async (request) =>
    service.createSession(ctx, requireActor(request), request.params.id, request.body),
  );

  app.patch(
    '/api/training-sessions/:id',
    { schema: { params: IdParams, body: Type.Partial(SessionBody), response: { 200: OkReply } } },
    async (request) => {
      await service.updateSession(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    },
  );

  app.delete('/api/training-sessions/:id', { schema: { params: IdParams, response: { 200: OkReply } } }, async (request) => {
    await service.deleteSession(ctx, requireActor(request), request.params.id);
    return { ok: true };
  });

  app.get('/api/sites/:id/schedule.pdf', { config: { file: true }, schema: { params: IdParams } }, async (request, reply) => {
    const data = await service.siteSchedule(ctx, requireActor(request), request.params.id);
    const pdf = await writeSchedulePdf(data, ctx.clock.now());
    return attachment(reply, pdf, `Lịch bồi dưỡng - ${data.site.name}.pdf`).header('cache-control', 'no-store');
  });
};
