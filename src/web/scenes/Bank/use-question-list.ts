import { useCallback, useEffect, useState } from 'react';
import type { Difficulty } from '../../../domain/question-bank/types.ts';
import { banksApi, type QuestionPage, type QuestionQuery } from '../../api/banks.ts';
import { errorMessage } from '../../api/client.ts';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';

export const PAGE_SIZE = 20;
export const SEARCH_DELAY_MS = 300;
const EMPTY_PAGE: QuestionPage = { items: [], total: 0, page: 1, pageSize: PAGE_SIZE };

export interface QuestionFilters {
  /** The search as typed, already trimmed and debounced. */
  q: string;
  topicId: number | undefined;
  difficulty: Difficulty | undefined;
  tag: string | undefined;
}

/** The request for one page: an empty search is left out. */
export function questionQuery(filters: QuestionFilters, page: number): QuestionQuery {
  const { q, topicId, difficulty, tag } = filters;
  return { q: q || undefined, topicId, difficulty, tag, page, pageSize: PAGE_SIZE };
}

export function isFiltered(filters: QuestionFilters): boolean {
  return Boolean(filters.q || filters.topicId || filters.difficulty || filters.tag);
}

/** The number a question shows in the whole filtered list ("Câu 21" is the first of page 2). */
export function questionNumber(page: Pick<QuestionPage, 'page' | 'pageSize'>, index: number): number {
  return (page.page - 1) * page.pageSize + index + 1;
}

/** The bank's questions, page by page, under the search and filters; any filter change goes back to page 1. */
export function useQuestionList(bankId: number) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const [topicId, setTopicId] = useState<number | undefined>(undefined);
  const [difficulty, setDifficulty] = useState<Difficulty | undefined>(undefined);
  const [tag, setTag] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [questions, setQuestions] = useState<QuestionPage>(EMPTY_PAGE);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  // Back to the first page whenever the filters change.
  useEffect(() => {
    setPage(1);
  }, [q, topicId, difficulty, tag]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    banksApi
      .questions(bankId, questionQuery({ q, topicId, difficulty, tag }, page))
      .then((result) => {
        if (live) {
          setQuestions(result);
          setError(null);
        }
      })
      .catch((err: unknown) => live && setError(errorMessage(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [bankId, q, topicId, difficulty, tag, page, reloadKey]);

  const reload = useCallback(() => setReloadKey((k) => k + 1), []);
  const filters: QuestionFilters = { q, topicId, difficulty, tag };

  return {
    search,
    setSearch,
    topicId,
    setTopicId,
    difficulty,
    setDifficulty,
    tag,
    setTag,
    setPage,
    filtered: isFiltered(filters),
    questions,
    loading,
    error,
    reload,
  };
}
