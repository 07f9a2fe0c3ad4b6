import type { Static } from '@fastify/type-provider-typebox';
import type {
  EventBody,
  EventSheet as EventSheetSchema,
  EventSummary as EventSummarySchema,
  InviteBody,
  MarkBody,
} from '../../server/modules/events/schemas.ts';
import { api, downloadFile, putJson, uploadJson } from './client.ts';
import type { Material } from './training.ts';

/** `invitees` is sent by the list, not by one event's sheet. */
export type EventSummary = Omit<Static<typeof EventSummarySchema>, 'invitees'> & { invitees?: number };
export type EventSheet = Static<typeof EventSheetSchema>;
export type EventInput = Static<typeof EventBody>;

export const eventsApi = {
  list: async () => (await api.get<{ items: EventSummary[] }>('/api/events')).items,
  create: (input: EventInput) => api.post<{ id: number }>('/api/events', input),
  sheet: (id: number) => api.get<EventSheet>(`/api/events/${id}/attendance`),
  invite: (id: number, input: Static<typeof InviteBody>) => api.post<{ added: number; total: number }>(`/api/events/${id}/invitees`, input),
  mark: (id: number, personId: number, input: Static<typeof MarkBody>) => putJson(`/api/events/${id}/attendance/${personId}`, input),
  absenteesXlsx: (id: number) => downloadFile(`/api/events/${id}/absentees.xlsx`, { fallbackName: 'vang-mat.xlsx' }),
  materials: async (id: number) => (await api.get<{ items: Material[] }>(`/api/events/${id}/materials`)).items,
  upload: (id: number, file: File, onProgress: (p: number) => void) =>
    uploadJson<{ id: number }>(`/api/events/${id}/materials`, file, onProgress),
};
