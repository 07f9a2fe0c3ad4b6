import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { AppContext } from '../../context.ts';
import { attachment } from '../../files/attachment.ts';
import { requireActor } from '../../plugins/auth.ts';
import { IdParams } from '../units/schemas.ts';
import { writeEventAbsenteesXlsx } from './absentees-xlsx.ts';
import * as service from './service.ts';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Half = Type.Union([Type.Literal('morning'), Type.Literal('afternoon')]);
const Text = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
const EventBody = Type.Object({
  unitId: Type.Integer(),
  kind: Type.Union([Type.Literal('conference'), Type.Literal('course')]),
  name: Type.String({ minLength: 1, maxLength: 300 }),
  startsOn: IsoDate,
  endsOn: IsoDate,
  halves: Type.Union([Type.Literal('both'), Half]),
  location: Text(300),
  programme: Text(20_000),
});
const InviteBody = Type.Object({ unitId: Type.Integer(),
  positions: Type.Optional(Type.Array(Type.Union([Type.Literal('manager'), Type.Literal('teacher'), Type.Literal('staff')]), { maxItems: 3 })) });
const MarkBody = Type.Object({ day: IsoDate, half: Half, status: Type.Union([Type.Literal('present'), Type.Literal('late'), Type.Literal('absent')]),
  reason: Text(200) });
const MarkParams = Type.Object({ id: Type.Integer(), personId: Type.Integer() });

export async function eventRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/events', async (request) => ({ items: await service.listEvents(ctx, requireActor(request)) }));

  app.post<{ Body: Static<typeof EventBody> }>('/api/events', { schema: { body: EventBody } },
    async (request) => service.createEvent(ctx, requireActor(request), request.body));

  app.get<{ Params: IdParams }>('/api/events/:id', { schema: { params: IdParams } },
    async (request) => service.getEvent(ctx, requireActor(request), request.params.id));

  app.patch<{ Params: IdParams; Body: { programme?: string | null; location?: string | null } }>('/api/events/:id',
    { schema: { params: IdParams, body: Type.Object({ programme: Text(20_000), location: Text(300) }) } }, async (request) => {
      await service.updateProgramme(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    });

  app.post<{ Params: IdParams; Body: Static<typeof InviteBody> }>('/api/events/:id/invitees', { schema: { params: IdParams, body: InviteBody } },
    async (request) => service.invite(ctx, requireActor(request), request.params.id, request.body));

  app.get<{ Params: IdParams }>('/api/events/:id/attendance', { schema: { params: IdParams } },
    async (request) => service.attendanceSheet(ctx, requireActor(request), request.params.id));

  app.put<{ Params: Static<typeof MarkParams>; Body: Static<typeof MarkBody> }>('/api/events/:id/attendance/:personId',
    { schema: { params: MarkParams, body: MarkBody } },
    async (request) => service.markHalfDay(ctx, requireActor(request), request.params.id, request.params.personId, request.body));

  app.get<{ Params: IdParams }>('/api/events/:id/absentees', { schema: { params: IdParams } },
    async (request) => ({ items: (await service.eventAbsentees(ctx, requireActor(request), request.params.id)).rows }));

  app.get<{ Params: IdParams }>('/api/events/:id/absentees.xlsx', { schema: { params: IdParams } }, async (request, reply) => {
    const data = await service.eventAbsentees(ctx, requireActor(request), request.params.id);
    return attachment(reply, await writeEventAbsenteesXlsx(data, ctx.clock.now()), `Vắng mặt - ${data.event.name}.xlsx`).header('cache-control', 'no-store');
  });
}
