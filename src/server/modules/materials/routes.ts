import { Type } from '@fastify/type-provider-typebox';
import { requireFile } from '../../files/require-file.ts';
import { fold } from '../../../domain/text.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { IdReply, OkReply } from '../../lib/schemas.ts';
import { MaterialList, OpenLinkReply, UploadReply } from './schemas.ts';
import { IdParams } from '../units/schemas.ts';
import * as service from './service.ts';

const UploadQuery = Type.Object({ topicId: Type.Optional(Type.Integer()), title: Type.Optional(Type.String({ maxLength: 300 })) });
const LinkBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 300 }),
  url: Type.String({ minLength: 1, maxLength: 2000 }),
  topicId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
});

export const materialRoutes: RouteModule = async (app, { ctx }) => {
  app.get('/api/campaigns/:id/materials', { schema: { params: IdParams, response: { 200: MaterialList } } }, async (request) => ({
    items: await service.listMaterials(ctx, requireActor(request), request.params.id),
  }));

  app.post(
    '/api/campaigns/:id/materials',
    { schema: { params: IdParams, querystring: UploadQuery, response: { 200: UploadReply } } },
    async (request) => {
      const actor = requireActor(request);
      await service.assertCanAddMaterial(ctx, actor, { campaignId: request.params.id });
      const part = await requireFile(request, 'tệp tài liệu');
      const bytes = await part.toBuffer();
      return service.uploadMaterial(ctx, actor, { campaignId: request.params.id }, { fileName: part.filename, bytes, ...request.query });
    },
  );

  app.get('/api/events/:id/materials', { schema: { params: IdParams, response: { 200: MaterialList } } }, async (request) => ({
    items: await service.listEventMaterials(ctx, requireActor(request), request.params.id),
  }));

  app.post('/api/events/:id/materials', { schema: { params: IdParams, response: { 200: UploadReply } } }, async (request) => {
    const actor = requireActor(request);
    await service.assertCanAddMaterial(ctx, actor, { eventId: request.params.id });
    const part = await requireFile(request, 'tệp tài liệu');
    const bytes = await part.toBuffer();
    return service.uploadMaterial(ctx, actor, { eventId: request.params.id }, { fileName: part.filename, bytes });
  });

  app.post('/api/events/:id/links', { schema: { params: IdParams, body: LinkBody, response: { 200: IdReply } } }, async (request) =>
    service.addLink(ctx, requireActor(request), { eventId: request.params.id }, request.body),
  );

  app.post('/api/campaigns/:id/links', { schema: { params: IdParams, body: LinkBody, response: { 200: IdReply } } }, async (request) =>
    service.addLink(ctx, requireActor(request), { campaignId: request.params.id }, request.body),
  );

  app.get('/api/materials/:id/file', { config: { file: true }, schema: { params: IdParams } }, async (request, reply) => {
    const file = await service.openMaterialFile(ctx, requireActor(request), request.params.id);
    const ascii = fold(file.fileName).replace(/[^a-z0-9._-]+/g, '-');
    return reply
      .type(file.contentType)
      .header('cache-control', 'private, no-store')
      .header(
        'content-disposition',
        `${file.inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      )
      .send(file.bytes);
  });

  app.post('/api/materials/:id/open', { schema: { params: IdParams, response: { 200: OpenLinkReply } } }, async (request) =>
    service.openMaterialLink(ctx, requireActor(request), request.params.id),
  );

  app.delete('/api/materials/:id', { schema: { params: IdParams, response: { 200: OkReply } } }, async (request) => {
    await service.deleteMaterial(ctx, requireActor(request), request.params.id);
    return { ok: true };
  });
};
