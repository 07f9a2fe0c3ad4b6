import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { AppContext } from '../../context.ts';
import { requireFile } from '../../files/require-file.ts';
import { fold } from '../../../domain/text.ts';
import { requireActor } from '../../plugins/auth.ts';
import { IdParams } from '../units/schemas.ts';
import * as service from './service.ts';

const UploadQuery = Type.Object({ topicId: Type.Optional(Type.Integer()), title: Type.Optional(Type.String({ maxLength: 300 })) });
const LinkBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 300 }),
  url: Type.String({ minLength: 1, maxLength: 2000 }),
  topicId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
});

export async function materialRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Params: IdParams }>('/api/campaigns/:id/materials', { schema: { params: IdParams } },
    async (request) => ({ items: await service.listMaterials(ctx, requireActor(request), request.params.id) }));

  app.post<{ Params: IdParams; Querystring: Static<typeof UploadQuery> }>('/api/campaigns/:id/materials',
    { schema: { params: IdParams, querystring: UploadQuery } }, async (request) => {
      const actor = requireActor(request);
      await service.assertCanAddMaterial(ctx, actor, { campaignId: request.params.id });
      const part = await requireFile(request, 'tệp tài liệu');
      const bytes = await part.toBuffer();
      return service.uploadMaterial(ctx, actor, { campaignId: request.params.id }, { fileName: part.filename, bytes, ...request.query });
    });

  app.get<{ Params: IdParams }>('/api/events/:id/materials', { schema: { params: IdParams } },
    async (request) => ({ items: await service.listEventMaterials(ctx, requireActor(request), request.params.id) }));

  app.post<{ Params: IdParams }>('/api/events/:id/materials', { schema: { params: IdParams } }, async (request) => {
    const actor = requireActor(request);
    await service.assertCanAddMaterial(ctx, actor, { eventId: request.params.id });
    const part = await requireFile(request, 'tệp tài liệu');
    const bytes = await part.toBuffer();
    return service.uploadMaterial(ctx, actor, { eventId: request.params.id }, { fileName: part.filename, bytes });
  });

  app.post<{ Params: IdParams; Body: Static<typeof LinkBody> }>('/api/events/:id/links', { schema: { params: IdParams, body: LinkBody } },
    async (request) => service.addLink(ctx, requireActor(request), { eventId: request.params.id }, request.body));

  app.post<{ Params: IdParams; Body: Static<typeof LinkBody> }>('/api/campaigns/:id/links', { schema: { params: IdParams, body: LinkBody } },
    async (request) => service.addLink(ctx, requireActor(request), { campaignId: request.params.id }, request.body));

  app.get<{ Params: IdParams }>('/api/materials/:id/file', { schema: { params: IdParams } }, async (request, reply) => {
    const file = await service.openMaterialFile(ctx, requireActor(request), request.params.id);
    const ascii = fold(file.fileName).replace(/[^a-z0-9._-]+/g, '-');
    return reply.type(file.contentType).header('cache-control', 'private, no-store')
      .header('content-disposition', `${file.inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.bytes);
  });

  app.post<{ Params: IdParams }>('/api/materials/:id/open', { schema: { params: IdParams } },
    async (request) => service.openMaterialLink(ctx, requireActor(request), request.params.id));

  app.delete<{ Params: IdParams }>('/api/materials/:id', { schema: { params: IdParams } }, async (request) => {
    await service.deleteMaterial(ctx, requireActor(request), request.params.id);
    return { ok: true };
  });
}
