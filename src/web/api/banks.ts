import type { Difficulty } from '../../domain/question-bank/types.ts';
import { api, uploadWithProgress, withQuery } from './client.ts';

export type { Difficulty };

export interface Bank {
  id: number;
  code: string;
  name: string;
  description: string | null;
  unitId: number;
  unitName: string;
  active: boolean;
  owns: boolean;
  topicCount: number;
  sharedWith: { unitId: number; unitName: string }[];
}

export interface DifficultyCounts {
  total: number;
  recognition: number;
  comprehension: number;
  application: number;
  unrated: number;
}

export interface Topic {
  id: number;
  name: string;
  materialUrl: string | null;
  counts: DifficultyCounts;
}

export interface QuestionOption {
  letter: string;
  text: string;
  pinned: boolean;
  correct: boolean;
}

export interface QuestionRow {
  id: number;
  version: number;
  topic: string | null;
  difficulty: Difficulty | null;
  stem: string;
  images: number;
  stemImages: number[];
  options: (QuestionOption & { images: number[] })[];
}

export interface QuestionPage {
  items: QuestionRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface QuestionDetail {
  id: number;
  bankId: number;
  version: number;
  topicId: number | null;
  topic: string | null;
  difficulty: Difficulty | null;
  stem: string;
  options: QuestionOption[];
  versions: { version: number; createdAt: string; createdBy: string | null; locked: boolean;
    usedBy: { id: number; title: string; opensAt: string }[] }[];
}

export interface QuestionEdit {
  stem: string;
  options: { text: string; correct: boolean; pinned: boolean }[];
  topicId?: number | null;
  difficulty?: Difficulty | null;
}

export interface ImportedQuestion {
  number: number;
  line: number;
  stem: string;
  topic: string | null;
  difficulty: Difficulty | null;
  images: number;
  options: QuestionOption[];
}

export interface ImportProblem {
  question: number | null;
  line: number;
  message: string;
}

export interface QuestionImportPreview {
  importId: number;
  questions: ImportedQuestion[];
  problems: ImportProblem[];
}

export interface QuestionQuery {
  q?: string;
  topicId?: number;
  difficulty?: Difficulty;
  page?: number;
  pageSize?: number;
}

export const banksApi = {
  list: async () => (await api.get<{ items: Bank[] }>('/api/banks')).items,
  create: (input: { name: string; unitId: number; code?: string; description?: string }) =>
    api.post<{ id: number; code: string }>('/api/banks', input),
  update: (id: number, input: { name?: string; description?: string | null; active?: boolean }) =>
    api.patch<{ ok: true }>(`/api/banks/${id}`, input),
  topics: (id: number) => api.get<{ items: Topic[]; withoutTopic: DifficultyCounts }>(`/api/banks/${id}/topics`),
  createTopic: (id: number, input: { name: string; materialUrl?: string | null }) =>
    api.post<{ id: number }>(`/api/banks/${id}/topics`, input),
  updateTopic: (id: number, input: { name?: string; materialUrl?: string | null }) => api.patch<{ ok: true }>(`/api/topics/${id}`, input),
  questions: (id: number, query: QuestionQuery) =>
    api.get<QuestionPage>(withQuery(`/api/banks/${id}/questions`, { ...query })),
  question: (id: number) => api.get<QuestionDetail>(`/api/questions/${id}`),
  editQuestion: (id: number, input: QuestionEdit) =>
    api.patch<{ id: number; version: number; newVersion: boolean }>(`/api/questions/${id}`, input),
  share: (id: number, unitId: number) => api.put<{ ok: true }>(`/api/banks/${id}/shares/${unitId}`),
  unshare: (id: number, unitId: number) => api.delete<{ ok: true }>(`/api/banks/${id}/shares/${unitId}`),
  deleteQuestion: (id: number) => api.delete<{ ok: true }>(`/api/questions/${id}`),
  previewImport: (bankId: number, file: File, onUploadProgress: (percent: number) => void) =>
    uploadWithProgress<QuestionImportPreview>(`/api/banks/${bankId}/question-imports`, file, onUploadProgress, () => {}),
  commitImport: (importId: number, numbers: number[]) =>
    api.post<{ imported: number; topicsCreated: number; total: number }>(`/api/question-imports/${importId}/commit`, { numbers }),
};
