import type { Static } from '@fastify/type-provider-typebox';
import type {
  PeoplePage as PeoplePageSchema,
  PeopleQuery as PeopleQuerySchema,
  PersonDetail,
  PersonInput as PersonInputSchema,
  PersonUpdateInput,
  PersonView,
} from '../../server/modules/people/schemas.ts';
import { api, withQuery } from './client.ts';

export type Person = Static<typeof PersonView>;
export type PersonRole = PersonDetail['roles'][number];
export type { PersonDetail };

/** The list's filters (the server's query); the page always says which page and how many. */
export type PeopleQuery = Static<typeof PeopleQuerySchema> & { page: number; pageSize: number };

export type PeoplePage = Static<typeof PeoplePageSchema>;

export type PersonInput = Static<typeof PersonInputSchema>;

export const peopleApi = {
  list: (query: PeopleQuery) => api.get<PeoplePage>(withQuery('/api/people', { ...query })),
  get: (id: number) => api.get<PersonDetail>(`/api/people/${id}`),
  create: (input: PersonInput) => api.post<Person>('/api/people', input),
  update: (id: number, input: Static<typeof PersonUpdateInput>) => api.patch<Person>(`/api/people/${id}`, input),
};
