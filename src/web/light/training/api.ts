import { api } from '../../api/client.ts';
import type { CheckinReply, MyTraining } from '../../api/training.ts';

/** The schedule page's calls: the same routes as the staff app's "Trang của tôi" and check-in page. */
export const scheduleApi = {
  mine: () => api.get<MyTraining>('/api/my/training', { timeoutMs: 20_000 }),
  /** Counts the opening of a link while the browser follows it (the page may be left: the request outlives it). */
  countLinkOpen: (materialId: number) =>
    api.post<{ url: string | null }>(`/api/materials/${materialId}/open`, {}, { keepalive: true, quiet: true }),
  checkin: (code: string) => api.post<CheckinReply>('/api/checkin', { code }),
};
