import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { AppContext } from '../../context.ts';
import { attachment } from '../../files/attachment.ts';
import { requireActor } from '../../plugins/auth.ts';
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

export async function attendanceRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Params: IdParams }>('/api/training-sessions/:id/attendance', { schema: { params: IdParams } },
    async (request) => service.markingList(ctx, requireActor(request), request.params.id));

  app.put<{ Params: Static<typeof MarkParams>; Body: Static<typeof MarkBody> }>('/api/training-sessions/:id/attendance/:personId',
    { schema: { params: MarkParams, body: MarkBody } },
    async (request) => service.mark(ctx, requireActor(request), request.params.id, request.params.personId, request.body));

  app.post<{ Params: IdParams; Body: { status: 'present' | 'late' | 'absent' } }>('/api/training-sessions/:id/attendance/rest',
    { schema: { params: IdParams, body: Type.Object({ status: Status }) } },
    async (request) => service.markRest(ctx, requireActor(request), request.params.id, request.body.status));

  app.post<{ Params: IdParams }>('/api/training-sessions/:id/checkin-code', { schema: { params: IdParams } },
    async (request) => service.checkinDisplay(ctx, requireActor(request), request.params.id, `${request.protocol}://${request.host}`));

  app.post<{ Body: Static<typeof CheckinBody> }>('/api/checkin', { schema: { body: CheckinBody } },
    async (request) => service.selfCheckin(ctx, requireActor(request), request.body.code));

  app.get<{ Params: IdParams }>('/api/campaigns/:id/attendance', { schema: { params: IdParams } },
    async (request) => service.attendanceSummary(ctx, requireActor(request), request.params.id));

  app.get<{ Params: IdParams }>('/api/campaigns/:id/absentees', { schema: { params: IdParams } }, async (request) => {
    const { rows } = await service.absentees(ctx, requireActor(request), request.params.id);
    return { items: rows };
  });

  app.get<{ Params: IdParams }>('/api/campaigns/:id/absentees.xlsx', { schema: { params: IdParams } }, async (request, reply) => {
    const data = await service.absentees(ctx, requireActor(request), request.params.id);
    return attachment(reply, await writeAbsenteesXlsx(data, ctx.clock.now()), `Danh sách vắng mặt - ${data.campaign.name}.xlsx`)
      .header('cache-control', 'no-store');
  });
}
