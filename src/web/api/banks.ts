import type { RichBlock } from '../../domain/question-bank/rich-text.ts';
import type { Difficulty } from '../../domain/question-bank/types.ts';
import type { Static } from '@fastify/type-provider-typebox';
import type {
  BankView,
  CreateBankBody,
  DifficultyCounts as DifficultyCountsSchema,
  TopicBody,
  TopicView,
  UpdateBankBody,
  UpdateTopicBody,
} from '../../server/modules/banks/schemas.ts';
import type {
  EditBody,
  QuestionDetail as QuestionDetailSchema,
  QuestionImportPreview as QuestionImportPreviewSchema,
  QuestionOptionView,
  QuestionPage as QuestionPageSchema,
  QuestionQuery as QuestionQuerySchema,
  QuestionRow as QuestionRowSchema,
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

export type QuestionEdit = Static<typeof EditBody>;

export type QuestionImportPreview = Static<typeof QuestionImportPreviewSchema>;
export type ImportedQuestion = QuestionImportPreview['questions'][number];
export type ImportProblem = QuestionImportPreview['problems'][number];

export type QuestionQuery = Static<typeof QuestionQuerySchema>;

export const banksApi = {
  list: async () => (await api.get<{ items: Bank[] }>('/api/banks')).items,
  create: (input: Static<typeof CreateBankBody>) => api.post<{ id: number; code: string }>('/api/banks', input),
  update: (id: number, input: Static<typeof UpdateBankBody>) => api.patch<{ ok: true }>(`/api/banks/${id}`, input),
  topics: (id: number) => api.get<{ items: Topic[]; withoutTopic: DifficultyCounts }>(`/api/banks/${id}/topics`),
  createTopic: (id: number, input: Static<typeof TopicBody>) => api.post<{ id: number }>(`/api/banks/${id}/topics`, input),
  updateTopic: (id: number, input: Static<typeof UpdateTopicBody>) => api.patch<{ ok: true }>(`/api/topics/${id}`, input),
  deleteTopic: (id: number) => api.delete<{ ok: true }>(`/api/topics/${id}`),
  tags: async (id: number) => (await api.get<{ items: { tag: string; count: number }[] }>(`/api/banks/${id}/tags`)).items,
  uploadImage: (bankId: number, file: File) => postFile<{ id: number; contentType: string }>(`/api/banks/${bankId}/images`, file),
  questions: (id: number, query: QuestionQuery) => api.get<QuestionPage>(withQuery(`/api/banks/${id}/questions`, { ...query })),
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
