import type { Static } from '@fastify/type-provider-typebox';
import type {
  AttemptDetail as AttemptDetailSchema,
  HistoryRow as HistoryRowSchema,
  ResultRow as ResultRowSchema,
  ResultsQuery as ResultsQuerySchema,
} from '../../server/modules/results/schemas.ts';
import { api, withQuery } from './client.ts';

export type ResultRow = Static<typeof ResultRowSchema>;

export type ResultsQuery = Static<typeof ResultsQuerySchema>;

/** One attempt for staff: `review` says what this reader may see of the answers now, `note` why something is hidden. */
export type AttemptDetail = Static<typeof AttemptDetailSchema>;
export type HistoryRow = Static<typeof HistoryRowSchema>;

export const resultsApi = {
  list: (assessmentId: number, query: ResultsQuery) =>
    api.get<{ items: ResultRow[]; total: number; page: number; pageSize: number }>(
      withQuery(`/api/assessments/${assessmentId}/results`, { ...query }),
    ),
  attempt: (attemptId: number) => api.get<AttemptDetail>(`/api/attempts/${attemptId}/detail`),
  personHistory: (personId: number) =>
    api.get<{ fullName: string; unitName: string; items: HistoryRow[] }>(`/api/people/${personId}/assessment-history`),
};
