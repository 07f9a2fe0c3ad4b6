import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { IdParams } from '../units/schemas.ts';
import { BankView, CreateBankBody, ShareParams, TopicBody, TopicList, UpdateBankBody, UpdateTopicBody } from './schemas.ts';
import * as service from './service.ts';
import { Type } from '@fastify/type-provider-typebox';
import { IdReply, OkReply } from '../../lib/schemas.ts';

export const bankRoutes: RouteModule = async (app, { ctx }) => {
  app.get('/api/banks', { schema: { response: { 200: Type.Object({ items: Type.Array(BankView) }) } } }, async (request) => ({
    items: await service.listBanks(ctx, requireActor(request)),
  }));

  app.post(
    '/api/banks',
    { schema: { body: CreateBankBody, response: { 200: Type.Object({ id: Type.Integer(), code: Type.String() }) } } },
    async (request) => service.createBank(ctx, requireActor(request), request.body),
  );

  app.patch('/api/banks/:id', { schema: { params: IdParams, body: UpdateBankBody, response: { 200: OkReply } } }, async (request) => {
    await service.updateBank(ctx, requireActor(request), request.params.id, request.body);
    return { ok: true };
  });

  app.put('/api/banks/:id/shares/:unitId', { schema: { params: ShareParams, response: { 200: OkReply } } }, async (request) => {
    await service.shareBank(ctx, requireActor(request), request.params.id, request.params.unitId, true);
    return { ok: true };
  });

  app.delete('/api/banks/:id/shares/:unitId', { schema: { params: ShareParams, response: { 200: OkReply } } }, async (request) => {
    await service.shareBank(ctx, requireActor(request), request.params.id, request.params.unitId, false);
    return { ok: true };
  });

  app.get('/api/banks/:id/topics', { schema: { params: IdParams, response: { 200: TopicList } } }, async (request) =>
    service.listTopics(ctx, requireActor(request), request.params.id),
  );

  app.post('/api/banks/:id/topics', { schema: { params: IdParams, body: TopicBody, response: { 200: IdReply } } }, async (request) =>
    service.createTopic(ctx, requireActor(request), request.params.id, request.body),
  );

  app.patch('/api/topics/:id', { schema: { params: IdParams, body: UpdateTopicBody, response: { 200: OkReply } } }, async (request) => {
    await service.updateTopic(ctx, requireActor(request), request.params.id, request.body);
    return { ok: true };
  });

  app.delete('/api/topics/:id', { schema: { params: IdParams, response: { 200: OkReply } } }, async (request) => {
    await service.deleteTopic(ctx, requireActor(request), request.params.id);
    return { ok: true };
  });
};
