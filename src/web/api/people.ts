import { api, withQuery } from './client.ts';

export interface Person {
  id: number;
  fullName: string;
  birthDate: string | null;
  gender: string | null;
  staffId: string | null;
  citizenId: string | null;
  unitId: number;
  unitName: string;
  position: string;
  partyMember: boolean;
  partyJoinedOn: string | null;
  theoryLevel: string | null;
  phone: string | null;
  email: string | null;
  active: boolean;
  /** Minutes added to the person's time in every survey. */
  extraMinutes: number;
  username: string | null;
  userId: number | null;
  hasLoggedIn: boolean;
  /** Not sent by the server yet; when present the account buttons show only the relevant action. */
  accountDisabled?: boolean;
}

export interface PersonRole {
  grantId: number;
  role: string;
  roleLabel: string;
  unitId: number;
  unitName: string;
}

export interface PersonDetail extends Person {
  history: { unitId: number; unitName: string; fromAt: string; toAt: string | null }[];
  roles: PersonRole[];
}

export interface PeopleQuery {
  unitId?: number;
  q?: string;
  position?: string;
  includeInactive?: boolean;
  page: number;
  pageSize: number;
}

export interface PeoplePage {
  items: Person[];
  total: number;
  page: number;
  pageSize: number;
}

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
