import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import { CreateUnitBody, IdParams, MoveUnitBody, UnitTreeReply, UnitView, UpdateUnitBody } from './schemas.ts';
import * as service from './service.ts';

export async function unitRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/units', { schema: { response: { 200: UnitTreeReply } } }, async (request) => {
    return { units: await service.listUnits(ctx, requireActor(request)) };
  });

  app.post<{ Body: CreateUnitBody }>('/api/units', { schema: { body: CreateUnitBody, response: { 200: UnitView } } },
    async (request) => service.createUnit(ctx, requireActor(request), request.body));

  app.patch<{ Params: IdParams; Body: UpdateUnitBody }>('/api/units/:id',
    { schema: { params: IdParams, body: UpdateUnitBody, response: { 200: UnitView } } },
    async (request) => service.updateUnit(ctx, requireActor(request), request.params.id, request.body));

  app.post<{ Params: IdParams; Body: MoveUnitBody }>('/api/units/:id/move',
    { schema: { params: IdParams, body: MoveUnitBody, response: { 200: UnitView } } },
    async (request) => service.moveUnit(ctx, requireActor(request), request.params.id, request.body.parentId));

  app.delete<{ Params: IdParams }>('/api/units/:id', { schema: { params: IdParams } }, async (request) => {
    await service.deleteUnit(ctx, requireActor(request), request.params.id);
    return { ok: true };
  });
}
