import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import { IdParams } from '../units/schemas.ts';
import { PeoplePage, PeopleQuery, PersonDetail, PersonInput, PersonUpdateInput, PersonView } from './schemas.ts';
import * as service from './service.ts';

export async function peopleRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Querystring: PeopleQuery }>('/api/people', { schema: { querystring: PeopleQuery, response: { 200: PeoplePage } } },
    async (request) => service.listPeople(ctx, requireActor(request), request.query));

  app.get<{ Params: IdParams }>('/api/people/:id', { schema: { params: IdParams, response: { 200: PersonDetail } } },
    async (request) => service.getPerson(ctx, requireActor(request), request.params.id));

  app.post<{ Body: PersonInput }>('/api/people', { schema: { body: PersonInput, response: { 200: PersonView } } },
    async (request) => service.createPerson(ctx, requireActor(request), request.body));

  app.patch<{ Params: IdParams; Body: PersonUpdateInput }>('/api/people/:id',
    { schema: { params: IdParams, body: PersonUpdateInput, response: { 200: PersonView } } },
    async (request) => service.updatePerson(ctx, requireActor(request), request.params.id, request.body));
}
