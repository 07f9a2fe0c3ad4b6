import type { Static } from '@fastify/type-provider-typebox';
import type { PeoplePage as PeoplePageSchema, PersonDetail, PersonView } from '../../server/modules/people/schemas.ts';
import { api, withQuery } from './client.ts';

export type Person = Static<typeof PersonView>;
export type PersonRole = PersonDetail['roles'][number];
export type { PersonDetail };

export interface PeopleQuery {
  unitId?: number;
  q?: string;
  position?: string;
  includeInactive?: boolean;
  page: number;
  pageSize: number;
}

export type PeoplePage = Static<typeof PeoplePageSchema>;

export interface PersonInput {
  fullName: string;
  unitId: number;
  position: string;
  birthDate: string | null;
  gender: string | null;
  staffId: string | null;
  citizenId: string | null;
  partyMember: boolean;
  partyJoinedOn: string | null;
  theoryLevel: string | null;
  phone: string | null;
  email: string | null;
  active: boolean;
  extraMinutes: number;
}

export const peopleApi = {
  list: (query: PeopleQuery) => api.get<PeoplePage>(withQuery('/api/people', { ...query })),
  get: (id: number) => api.get<PersonDetail>(`/api/people/${id}`),
  create: (input: PersonInput) => api.post<Person>('/api/people', input),
  update: (id: number, input: Partial<PersonInput>) => api.patch<Person>(`/api/people/${id}`, input),
};
