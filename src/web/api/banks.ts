import type { RichBlock } from '../../domain/question-bank/rich-text.ts';
import type { Difficulty } from '../../domain/question-bank/types.ts';
import { api, postFile, uploadWithProgress, withQuery } from './client.ts';

export type { Difficulty, RichBlock };

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
  stemRich: RichBlock[] | null;
  tags: string[];
  source: string | null;
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
  stemRich: RichBlock[] | null;
  stemImages: number[];
  options: (QuestionOption & { images: number[] })[];
  tags: string[];
  source: string | null;
  versions: { version: number; createdAt: string; createdBy: string | null; locked: boolean;
    usedBy: { id: number; title: string; opensAt: string }[] }[];
}

export interface QuestionEdit {
  stemRich: RichBlock[];
  stemImages: number[];
  options: { text: string; correct: boolean; pinned: boolean; images: number[] }[];
  topicId: number | null;
  difficulty: Difficulty | null;
  tags: string[];
  source: string | null;
}

export interface ImportedQuestion {
  number: number;
  line: number;
  stem: string;
  stemRich: RichBlock[] | null;
  topic: string | null;
  difficulty: Difficulty | null;
  /** How many pictures; stemImages and options[].images number them for previewImageUrl. */
  images: number;
  stemImages: number[];
  options: (QuestionOption & { images: number[] })[];
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
  tag?: string;
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
  deleteTopic: (id: number) => api.delete<{ ok: true }>(`/api/topics/${id}`),
  tags: async (id: number) => (await api.get<{ items: { tag: string; count: number }[] }>(`/api/banks/${id}/tags`)).items,
  uploadImage: (bankId: number, file: File) => postFile<{ id: number; contentType: string }>(`/api/banks/${bankId}/images`, file),
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

export const questionImageUrl = (questionId: number, imageId: number) => `/api/questions/${questionId}/images/${imageId}`;
export const previewImageUrl = (importId: number, number: number, index: number) =>
  `/api/question-imports/${importId}/questions/${number}/images/${index}`;
