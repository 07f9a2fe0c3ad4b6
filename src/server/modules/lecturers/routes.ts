import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import { IdParams } from '../units/schemas.ts';
import * as service from './service.ts';

const Kind = Type.Union([Type.Literal('full_time'), Type.Literal('part_time')]);
const Text = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
const LecturerBody = Type.Object({
  unitId: Type.Integer(),
  personId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  fullName: Type.Optional(Type.String({ maxLength: 200 })),
  title: Text(200),
  workplace: Text(300),
  kind: Kind,
});
const UpdateLecturerBody = Type.Object({
  fullName: Type.Optional(Type.String({ maxLength: 200 })),
  title: Text(200),
  workplace: Text(300),
  kind: Type.Optional(Kind),
  active: Type.Optional(Type.Boolean()),
});

export async function lecturerRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/lecturers', async (request) => ({ items: await service.listLecturers(ctx, requireActor(request)) }));

  app.post<{ Body: Static<typeof LecturerBody> }>('/api/lecturers', { schema: { body: LecturerBody } },
    async (request) => service.createLecturer(ctx, requireActor(request), request.body));

  app.patch<{ Params: IdParams; Body: Static<typeof UpdateLecturerBody> }>('/api/lecturers/:id',
    { schema: { params: IdParams, body: UpdateLecturerBody } }, async (request) => {
      await service.updateLecturer(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    });
}
