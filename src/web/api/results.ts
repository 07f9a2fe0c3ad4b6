import type { RichBlock } from '../../domain/question-bank/rich-text.ts';
import { api, withQuery } from './client.ts';

export interface ResultRow {
  attemptId: number;
  personId: number;
  fullName: string;
  unitId: number;
  unitName: string;
  schoolLevel: string | null;
  position: string | null;
  partyMember: boolean;
  variantCode: string;
  correct: number | null;
  answered: number | null;
  score: number | null;
  band: string | null;
  submittedAt: string | null;
  submitKind: string | null;
  secondsUsed: number | null;
  signals: { hiddenCount: number; ipChanges: number; secondClient: number };
}

export interface ResultsQuery {
  unitId?: number;
  schoolLevel?: string;
  position?: string;
  partyMember?: boolean;
  band?: string;
  variant?: string;
  q?: string;
  sort?: 'name' | 'score' | 'unit' | 'submitted';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface AttemptDetail {
  attemptId: number;
  status: string;
  assessment: { id: number; title: string };
  person: { id: number; fullName: string; unitName: string };
  variantCode: string;
  startedAt: string;
  deadlineAt: string;
  submittedAt: string | null;
  submitKind: string | null;
  secondsUsed: number | null;
  score: number | null;
  band: string | null;
  correct: number | null;
  answered: number | null;
  voidReason: string | null;
  questionCount: number;
  /** What this reader may see of the answers now; `note` says why something is hidden. */
  review: { answers: boolean; key: boolean; note: string | null };
  signals: { hiddenCount: number; hiddenMs: number; ipChanges: number; secondClient: number; lastIp: string | null };
  questions: { position: number; stem: string; stemRich: RichBlock[] | null; options: string[]; choice: number | null; correct: number | null; flagged: boolean }[];
  events: { kind: string; at: string; actor: string | null; detail: Record<string, unknown> | null }[];
}

export interface HistoryRow {
  attemptId: number;
  assessmentId: number;
  title: string;
  organiser: string;
  year: number;
  status: string;
  submittedAt: string | null;
  questionCount: number;
  score: number | null;
  band: string | null;
  correct: number | null;
}

export const resultsApi = {
  list: (assessmentId: number, query: ResultsQuery) =>
    api.get<{ items: ResultRow[]; total: number; page: number; pageSize: number }>(withQuery(`/api/assessments/${assessmentId}/results`, { ...query })),
  attempt: (attemptId: number) => api.get<AttemptDetail>(`/api/attempts/${attemptId}/detail`),
  personHistory: (personId: number) => api.get<{ fullName: string; unitName: string; items: HistoryRow[] }>(`/api/people/${personId}/assessment-history`),
};
