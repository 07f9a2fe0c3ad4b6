import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { IdParams } from '../units/schemas.ts';
import { PeoplePage, PeopleQuery, PersonDetail, PersonInput, PersonUpdateInput, PersonView } from './schemas.ts';
import * as service from './service.ts';

export const peopleRoutes: RouteModule = async (app, { ctx }) => {
  app.get('/api/people', { schema: { querystring: PeopleQuery, response: { 200: PeoplePage } } }, async (request) =>
    service.listPeople(ctx, requireActor(request), request.query),
  );

  app.get('/api/people/:id', { schema: { params: IdParams, response: { 200: PersonDetail } } }, async (request) =>
    service.getPerson(ctx, requireActor(request), request.params.id),
  );

  app.post('/api/people', { schema: { body: PersonInput, response: { 200: PersonView } } }, async (request) =>
    service.createPerson(ctx, requireActor(request), request.body),
  );

  app.patch('/api/people/:id', { schema: { params: IdParams, body: PersonUpdateInput, response: { 200: PersonView } } }, async (request) =>
    service.updatePerson(ctx, requireActor(request), request.params.id, request.body),
  );
};
