import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import { IdParams } from '../units/schemas.ts';
import { CampaignBody, TargetsBody, TopicBody, UpdateCampaignBody, UpdateTopicBody } from './schemas.ts';
import * as service from './service.ts';

export async function campaignRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/campaigns', async (request) => ({ items: await service.listCampaigns(ctx, requireActor(request)) }));

  app.post<{ Body: CampaignBody }>('/api/campaigns', { schema: { body: CampaignBody } },
    async (request) => service.createCampaign(ctx, requireActor(request), request.body));

  app.get<{ Params: IdParams }>('/api/campaigns/:id', { schema: { params: IdParams } },
    async (request) => service.getCampaign(ctx, requireActor(request), request.params.id));

  app.patch<{ Params: IdParams; Body: UpdateCampaignBody }>('/api/campaigns/:id', { schema: { params: IdParams, body: UpdateCampaignBody } },
    async (request) => {
      await service.updateCampaign(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    });

  app.put<{ Params: IdParams; Body: TargetsBody }>('/api/campaigns/:id/targets', { schema: { params: IdParams, body: TargetsBody } },
    async (request) => {
      await service.setTargets(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    });

  app.post<{ Params: IdParams; Body: TopicBody }>('/api/campaigns/:id/topics', { schema: { params: IdParams, body: TopicBody } },
    async (request) => service.createTopic(ctx, requireActor(request), request.params.id, request.body));

  app.patch<{ Params: IdParams; Body: UpdateTopicBody }>('/api/campaign-topics/:id', { schema: { params: IdParams, body: UpdateTopicBody } },
    async (request) => {
      await service.updateTopic(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    });
}
