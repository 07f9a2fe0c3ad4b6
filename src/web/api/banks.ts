import type { RichBlock } from '../../domain/question-bank/rich-text.ts';
import type { Difficulty } from '../../domain/question-bank/types.ts';
import type { Static } from '@fastify/type-provider-typebox';
import type { BankView, DifficultyCounts as DifficultyCountsSchema, TopicView } from '../../server/modules/banks/schemas.ts';
import type {
  QuestionDetail as QuestionDetailSchema, QuestionImportPreview as QuestionImportPreviewSchema, QuestionOptionView,
  QuestionPage as QuestionPageSchema, QuestionRow as QuestionRowSchema,
} from '../../server/modules/questions/schemas.ts';
import { api, postFile, uploadWithProgress, withQuery } from './client.ts';

export type { Difficulty, RichBlock };

export type Bank = Static<typeof BankView>;
export type DifficultyCounts = Static<typeof DifficultyCountsSchema>;
export type Topic = Static<typeof TopicView>;
export type QuestionOption = Omit<Static<typeof QuestionOptionView>, 'images'>;
export type QuestionRow = Static<typeof QuestionRowSchema>;
export type QuestionPage = Static<typeof QuestionPageSchema>;
export type QuestionDetail = Static<typeof QuestionDetailSchema>;

export interface QuestionEdit {
  stemRich: RichBlock[];
  stemImages: number[];
  options: { text: string; correct: boolean; pinned: boolean; images: number[] }[];
  topicId: number | null;
  difficulty: Difficulty | null;
  tags: string[];
  source: string | null;
}

export type QuestionImportPreview = Static<typeof QuestionImportPreviewSchema>;
export type ImportedQuestion = QuestionImportPreview['questions'][number];
export type ImportProblem = QuestionImportPreview['problems'][number];

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
