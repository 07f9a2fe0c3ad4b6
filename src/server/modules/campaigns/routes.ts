import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { Type } from '@fastify/type-provider-typebox';
import { IdReply, OkReply } from '../../lib/schemas.ts';
import { CampaignDetail, CampaignSummary } from './schemas.ts';
import { IdParams } from '../units/schemas.ts';
import { CampaignBody, TargetsBody, TopicBody, UpdateCampaignBody, UpdateTopicBody } from './schemas.ts';
import * as service from './service.ts';

export const campaignRoutes: RouteModule = async (app, { ctx }) => {
  app.get('/api/campaigns', { schema: { response: { 200: Type.Object({ items: Type.Array(CampaignSummary) }) } } }, async (request) => ({
    items: await service.listCampaigns(ctx, requireActor(request)),
  }));

  app.post('/api/campaigns', { schema: { body: CampaignBody, response: { 200: IdReply } } }, async (request) =>
    service.createCampaign(ctx, requireActor(request), request.body),
  );

  app.get('/api/campaigns/:id', { schema: { params: IdParams, response: { 200: CampaignDetail } } }, async (request) =>
    service.getCampaign(ctx, requireActor(request), request.params.id),
  );

  app.patch(
    '/api/campaigns/:id',
    { schema: { params: IdParams, body: UpdateCampaignBody, response: { 200: OkReply } } },
    async (request) => {
      await service.updateCampaign(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    },
  );

  app.put(
    '/api/campaigns/:id/targets',
    { schema: { params: IdParams, body: TargetsBody, response: { 200: OkReply } } },
    async (request) => {
      await service.setTargets(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    },
  );

  app.post('/api/campaigns/:id/topics', { schema: { params: IdParams, body: TopicBody, response: { 200: IdReply } } }, async (request) =>
    service.createTopic(ctx, requireActor(request), request.params.id, request.body),
  );

  app.patch(
    '/api/campaign-topics/:id',
    { schema: { params: IdParams, body: UpdateTopicBody, response: { 200: OkReply } } },
    async (request) => {
      await service.updateTopic(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    },
  );
};
