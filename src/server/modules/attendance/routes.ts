import { Type } from '@fastify/type-provider-typebox';
import { attachment } from '../../files/attachment.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { Absentee, AttendanceSummary, CheckinDisplay, CheckinReply, MarkingList, MarkReply, MarkRestReply } from './schemas.ts';
import { IdParams } from '../units/schemas.ts';
import { writeAbsenteesXlsx } from './absentees-xlsx.ts';
import * as service from './service.ts';

const Status = Type.Union([Type.Literal('present'), Type.Literal('late'), Type.Literal('absent')]);
const MarkParams = Type.Object({ id: Type.Integer(), personId: Type.Integer() });
const MarkBody = Type.Object({
  status: Status,
  reason: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
});
const CheckinBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }) });

export const attendanceRoutes: RouteModule = async (app, { ctx }) => {
  app.get('/api/training-sessions/:id/attendance', { schema: { params: IdParams, response: { 200: MarkingList } } }, async (request) =>
    service.markingList(ctx, requireActor(request), request.params.id),
  );

  app.put(
    '/api/training-sessions/:id/attendance/:personId',
    { schema: { params: MarkParams, body: MarkBody, response: { 200: MarkReply } } },
    async (request) => service.mark(ctx, requireActor(request), request.params.id, request.params.personId, request.body),
  );

  app.post(
    '/api/training-sessions/:id/attendance/rest',
    { schema: { params: IdParams, body: Type.Object({ status: Status }), response: { 200: MarkRestReply } } },
    async (request) => service.markRest(ctx, requireActor(request), request.params.id, request.body.status),
  );

  app.post(
    '/api/training-sessions/:id/checkin-code',
    { schema: { params: IdParams, response: { 200: CheckinDisplay } } },
    async (request) => service.checkinDisplay(ctx, requireActor(request), request.params.id, `${request.protocol}://${request.host}`),
  );

  app.post('/api/checkin', { schema: { body: CheckinBody, response: { 200: CheckinReply } } }, async (request) =>
    service.selfCheckin(ctx, requireActor(request), request.body.code),
  );

  app.get('/api/campaigns/:id/attendance', { schema: { params: IdParams, response: { 200: AttendanceSummary } } }, async (request) =>
    service.attendanceSummary(ctx, requireActor(request), request.params.id),
  );

  app.get(
    '/api/campaigns/:id/absentees',
    { schema: { params: IdParams, response: { 200: Type.Object({ items: Type.Array(Absentee) }) } } },
    async (request) => {
      const { rows } = await service.absentees(ctx, requireActor(request), request.params.id);
      return { items: rows };
    },
  );

  app.get('/api/campaigns/:id/absentees.xlsx', { config: { file: true }, schema: { params: IdParams } }, async (request, reply) => {
    const data = await service.absentees(ctx, requireActor(request), request.params.id);
    return attachment(reply, await writeAbsenteesXlsx(data, ctx.clock.now()), `Danh sách vắng mặt - ${data.campaign.name}.xlsx`).header(
      'cache-control',
      'no-store',
    );
  });
};
