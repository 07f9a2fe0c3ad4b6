import { Type } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { IdReply, OkReply } from '../../lib/schemas.ts';
import { LecturerBody, LecturerView, UpdateLecturerBody } from './schemas.ts';
import { IdParams } from '../units/schemas.ts';
import * as service from './service.ts';

export const lecturerRoutes: RouteModule = async (app, { ctx }) => {
  app.get('/api/lecturers', { schema: { response: { 200: Type.Object({ items: Type.Array(LecturerView) }) } } }, async (request) => ({
    items: await service.listLecturers(ctx, requireActor(request)),
  }));

  app.post('/api/lecturers', { schema: { body: LecturerBody, response: { 200: IdReply } } }, async (request) =>
    service.createLecturer(ctx, requireActor(request), request.body),
  );

  app.patch(
    '/api/lecturers/:id',
    { schema: { params: IdParams, body: UpdateLecturerBody, response: { 200: OkReply } } },
    async (request) => {
      await service.updateLecturer(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    },
  );
};
