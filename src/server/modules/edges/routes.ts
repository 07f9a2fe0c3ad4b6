import { Type } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { IdParams } from '../units/schemas.ts';
import { edgesOfCampaign } from './monitor-service.ts';
import { preparableSites, prepareEdge } from './prepare-service.ts';
import { revokeEdge } from './revoke-service.ts';
import { leasesOfEdge, returnToProvince } from './leases-service.ts';
import {
  EdgeLeaseView,
  EdgeView,
  PreparableSite,
  PrepareBody,
  PrepareReply,
  ReturnBody,
  RevokeReply,
  SyncBody,
  SyncReply,
} from './schemas.ts';
import { applySync, edgeOfToken } from './sync-service.ts';

export const edgeRoutes: RouteModule = async (app, { ctx }) => {
  app.post(
    '/api/sites/:id/edges',
    { schema: { params: IdParams, body: PrepareBody, response: { 200: PrepareReply } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return prepareEdge(ctx, requireActor(request), request.params.id, request.body);
    },
  );

  app.get('/api/my/edge-sites', { schema: { response: { 200: Type.Object({ items: Type.Array(PreparableSite) }) } } }, async (request) => ({
    items: await preparableSites(ctx, requireActor(request)),
  }));

  app.post('/api/edges/:id/revoke', { schema: { params: IdParams, response: { 200: RevokeReply } } }, async (request) =>
    revokeEdge(ctx, requireActor(request), request.params.id),
  );

  app.get(
    '/api/edges/:id/leases',
    { schema: { params: IdParams, response: { 200: Type.Object({ items: Type.Array(EdgeLeaseView) }) } } },
    async (request) => ({ items: await leasesOfEdge(ctx, requireActor(request), request.params.id) }),
  );

  app.post('/api/edges/:id/return', { schema: { params: IdParams, body: ReturnBody, response: { 200: RevokeReply } } }, async (request) =>
    returnToProvince(ctx, requireActor(request), request.params.id, request.body.personIds),
  );

  app.get(
    '/api/campaigns/:id/edges',
    { schema: { params: IdParams, response: { 200: Type.Object({ items: Type.Array(EdgeView) }) } } },
    async (request) => ({ items: await edgesOfCampaign(ctx, requireActor(request), request.params.id) }),
  );

  // An edge signs its sync with the token its preparation gave it, not with a session (no cookie, no CSRF).
  app.post(
    '/api/edge/sync',
    { config: { public: true }, bodyLimit: 16 * 1024 * 1024, schema: { body: SyncBody, response: { 200: SyncReply } } },
    async (request) => applySync(ctx, await edgeOfToken(ctx, request.headers.authorization), request.body),
  );
};
