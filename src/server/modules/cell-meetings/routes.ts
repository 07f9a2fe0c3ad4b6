import { Type } from '@fastify/type-provider-typebox';
import { requireFile } from '../../files/require-file.ts';
import { fold } from '../../../domain/text.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { IdReply, OkReply } from '../../lib/schemas.ts';
import { CriteriaSet, DraftReply, MeetingDetail, MeetingList } from './schemas.ts';
import { IdParams } from '../units/schemas.ts';
import * as service from './service.ts';

const Text = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
const Count = Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 10_000 }), Type.Null()]));
const MeetingFields = {
  topic: Type.String({ minLength: 1, maxLength: 500 }),
  heldOn: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  chair: Text(200), secretary: Text(200), guests: Text(1000), absentMembers: Text(2000),
  membersTotal: Count, membersPresent: Count, voteFor: Count, voteAgainst: Count, voteAbstain: Count,
  criteriaSetId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  conclusion: Text(20_000),
  opinions: Type.Optional(Type.Array(Type.Object({ speaker: Type.String({ minLength: 1, maxLength: 200 }), summary: Type.String({ minLength: 1, maxLength: 5000 }) }),
    { maxItems: 200 })),
  scores: Type.Optional(Type.Array(Type.Object({ criterionId: Type.Integer(), score: Type.Number({ minimum: 0, maximum: 1000 }) }), { maxItems: 100 })),
};
const MeetingBody = Type.Object({ cellUnitId: Type.Integer(), ...MeetingFields });
const UpdateMeetingBody = Type.Partial(Type.Object(MeetingFields));
const ListQuery = Type.Object({
  unitId: Type.Optional(Type.Integer()), year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  month: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })), quarter: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
});
const SetBody = Type.Object({
  unitId: Type.Integer(), name: Type.String({ minLength: 1, maxLength: 300 }),
  criteria: Type.Array(Type.Object({ name: Type.String({ minLength: 1, maxLength: 500 }), maxPoints: Type.Number({ minimum: 0.5, maximum: 1000 }) }),
    { minItems: 1, maxItems: 50 }),
  bands: Type.Optional(Type.Array(Type.Object({ label: Type.String({ minLength: 1, maxLength: 50 }), min: Type.Number({ minimum: 0 }) }), { maxItems: 10 })),
});

export const cellMeetingRoutes: RouteModule = async (app, { ctx }) => {
  app.get('/api/criteria-sets',
    { schema: { response: { 200: Type.Object({ items: Type.Array(CriteriaSet) }) } } },
    async (request) => ({ items: await service.listCriteriaSets(ctx, requireActor(request)) }));

  app.post('/api/criteria-sets', { schema: { body: SetBody, response: { 200: IdReply } } },
    async (request) => service.createCriteriaSet(ctx, requireActor(request), request.body));

  app.get('/api/cell-meetings', { schema: { querystring: ListQuery, response: { 200: MeetingList } } },
    async (request) => service.listMeetings(ctx, requireActor(request), request.query));

  app.post('/api/cell-meetings', { schema: { body: MeetingBody, response: { 200: IdReply } } },
    async (request) => service.createMeeting(ctx, requireActor(request), request.body));

  app.get('/api/cell-meetings/:id', { schema: { params: IdParams, response: { 200: MeetingDetail } } },
    async (request) => service.getMeeting(ctx, requireActor(request), request.params.id));

  app.patch('/api/cell-meetings/:id',
    { schema: { params: IdParams, body: UpdateMeetingBody, response: { 200: OkReply } } }, async (request) => {
      await service.updateMeeting(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    });

  app.post('/api/cell-meetings/:id/draft', { schema: { params: IdParams, response: { 200: DraftReply } } }, async (request) => {
    const actor = requireActor(request);
    await service.assertCanEditMeeting(ctx, actor, request.params.id);
    const part = await requireFile(request, 'tệp dự thảo báo cáo');
    return service.uploadDraft(ctx, actor, request.params.id, part.filename, await part.toBuffer());
  });

  app.get('/api/cell-meetings/:id/draft', { config: { file: true }, schema: { params: IdParams } }, async (request, reply) => {
    const file = await service.draftFile(ctx, requireActor(request), request.params.id);
    const inline = file.contentType === 'application/pdf';
    return reply.type(file.contentType).header('cache-control', 'private, no-store')
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${fold(file.fileName).replace(/[^a-z0-9._-]+/g, '-')}"; `
        + `filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.bytes);
  });
};
