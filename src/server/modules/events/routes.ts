import { Type } from '@fastify/type-provider-typebox';
import { attachment } from '../../files/attachment.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { IdReply, OkReply } from '../../lib/schemas.ts';
import {
  EventAbsentee,
  EventBody,
  EventDetail,
  EventSheet,
  EventSummary,
  InviteBody,
  InviteReply,
  MarkBody,
  MarkParams,
  ProgrammeBody,
} from './schemas.ts';
import { IdParams } from '../units/schemas.ts';
import { writeEventAbsenteesXlsx } from './absentees-xlsx.ts';
import * as service from './service.ts';

export const eventRoutes: RouteModule = async (app, { ctx }) => {
  app.get('/api/events', { schema: { response: { 200: Type.Object({ items: Type.Array(EventSummary) }) } } }, async (request) => ({
    items: await service.listEvents(ctx, requireActor(request)),
  }));

  app.post('/api/events', { schema: { body: EventBody, response: { 200: IdReply } } }, async (request) =>
    service.createEvent(ctx, requireActor(request), request.body),
  );

  app.get('/api/events/:id', { schema: { params: IdParams, response: { 200: EventDetail } } }, async (request) =>
    service.getEvent(ctx, requireActor(request), request.params.id),
  );

  app.patch('/api/events/:id', { schema: { params: IdParams, body: ProgrammeBody, response: { 200: OkReply } } }, async (request) => {
    await service.updateProgramme(ctx, requireActor(request), request.params.id, request.body);
    return { ok: true };
  });

  app.post(
    '/api/events/:id/invitees',
    { schema: { params: IdParams, body: InviteBody, response: { 200: InviteReply } } },
    async (request) => service.invite(ctx, requireActor(request), request.params.id, request.body),
  );

  app.get('/api/events/:id/attendance', { schema: { params: IdParams, response: { 200: EventSheet } } }, async (request) =>
    service.attendanceSheet(ctx, requireActor(request), request.params.id),
  );

  app.put(
    '/api/events/:id/attendance/:personId',
    { schema: { params: MarkParams, body: MarkBody, response: { 200: OkReply } } },
    async (request) => service.markHalfDay(ctx, requireActor(request), request.params.id, request.params.personId, request.body),
  );

  app.get(
    '/api/events/:id/absentees',
    { schema: { params: IdParams, response: { 200: Type.Object({ items: Type.Array(EventAbsentee) }) } } },
    async (request) => ({ items: (await service.eventAbsentees(ctx, requireActor(request), request.params.id)).rows }),
  );

  app.get('/api/events/:id/absentees.xlsx', { config: { file: true }, schema: { params: IdParams } }, async (request, reply) => {
    const data = await service.eventAbsentees(ctx, requireActor(request), request.params.id);
    return attachment(reply, await writeEventAbsenteesXlsx(data, ctx.clock.now()), `Vắng mặt - ${data.event.name}.xlsx`).header(
      'cache-control',
      'no-store',
    );
  });
};
