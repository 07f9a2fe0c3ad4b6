import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import { IdParams } from '../units/schemas.ts';
import { CreateBankBody, ShareParams, TopicBody, UpdateBankBody, UpdateTopicBody } from './schemas.ts';
import * as service from './service.ts';

export async function bankRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/banks', async (request) => ({ items: await service.listBanks(ctx, requireActor(request)) }));

  app.post<{ Body: CreateBankBody }>('/api/banks', { schema: { body: CreateBankBody } },
    async (request) => service.createBank(ctx, requireActor(request), request.body));

  app.patch<{ Params: IdParams; Body: UpdateBankBody }>('/api/banks/:id', { schema: { params: IdParams, body: UpdateBankBody } },
    async (request) => {
      await service.updateBank(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    });

  app.put<{ Params: ShareParams }>('/api/banks/:id/shares/:unitId', { schema: { params: ShareParams } }, async (request) => {
    await service.shareBank(ctx, requireActor(request), request.params.id, request.params.unitId, true);
    return { ok: true };
  });

  app.delete<{ Params: ShareParams }>('/api/banks/:id/shares/:unitId', { schema: { params: ShareParams } }, async (request) => {
    await service.shareBank(ctx, requireActor(request), request.params.id, request.params.unitId, false);
    return { ok: true };
  });

  app.get<{ Params: IdParams }>('/api/banks/:id/topics', { schema: { params: IdParams } },
    async (request) => service.listTopics(ctx, requireActor(request), request.params.id));

  app.post<{ Params: IdParams; Body: TopicBody }>('/api/banks/:id/topics', { schema: { params: IdParams, body: TopicBody } },
    async (request) => service.createTopic(ctx, requireActor(request), request.params.id, request.body));

  app.patch<{ Params: IdParams; Body: UpdateTopicBody }>('/api/topics/:id', { schema: { params: IdParams, body: UpdateTopicBody } },
    async (request) => {
      await service.updateTopic(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    });

  app.delete<{ Params: IdParams }>('/api/topics/:id', { schema: { params: IdParams } }, async (request) => {
    await service.deleteTopic(ctx, requireActor(request), request.params.id);
    return { ok: true };
  });
}
