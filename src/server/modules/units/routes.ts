import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { CreateUnitBody, IdParams, MoveUnitBody, UnitTreeReply, UnitView, UpdateUnitBody } from './schemas.ts';
import * as service from './service.ts';
import { OkReply } from '../../lib/schemas.ts';

export const unitRoutes: RouteModule = async (app, { ctx }) => {
  app.get('/api/units', { schema: { response: { 200: UnitTreeReply } } }, async (request) => {
    return { units: await service.listUnits(ctx, requireActor(request)) };
  });

  app.post('/api/units', { schema: { body: CreateUnitBody, response: { 200: UnitView } } }, async (request) =>
    service.createUnit(ctx, requireActor(request), request.body),
  );

  app.patch('/api/units/:id', { schema: { params: IdParams, body: UpdateUnitBody, response: { 200: UnitView } } }, async (request) =>
    service.updateUnit(ctx, requireActor(request), request.params.id, request.body),
  );

  app.post('/api/units/:id/move', { schema: { params: IdParams, body: MoveUnitBody, response: { 200: UnitView } } }, async (request) =>
    service.moveUnit(ctx, requireActor(request), request.params.id, request.body.parentId),
  );

  app.delete('/api/units/:id', { schema: { params: IdParams, response: { 200: OkReply } } }, async (request) => {
    await service.deleteUnit(ctx, requireActor(request), request.params.id);
    return { ok: true };
  });
};
