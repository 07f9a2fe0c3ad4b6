import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { banksApi, type QuestionPage } from '../../api/banks.ts';
import { isFiltered, PAGE_SIZE, questionNumber, questionQuery, useQuestionList } from './use-question-list.ts';

vi.mock('../../api/banks.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/banks.ts')>()),
  banksApi: { questions: vi.fn() },
}));

const NONE = { q: '', topicId: undefined, difficulty: undefined, tag: undefined };

describe('the question list', () => {
  it('asks for one page and leaves an empty search out', () => {
    expect(questionQuery(NONE, 3)).toEqual({
      q: undefined,
      topicId: undefined,
      difficulty: undefined,
      tag: undefined,
      page: 3,
      pageSize: PAGE_SIZE,
    });
    expect(questionQuery({ ...NONE, q: 'dang', tag: 'ôn tập' }, 1)).toMatchObject({ q: 'dang', tag: 'ôn tập' });
  });

  it('numbers questions across pages', () => {
    expect(questionNumber({ page: 1, pageSize: 20 }, 0)).toBe(1);
    expect(questionNumber({ page: 2, pageSize: 20 }, 0)).toBe(21);
    expect(questionNumber({ page: 3, pageSize: 20 }, 4)).toBe(45);
  });

  it('is filtered by any of search, topic, level or tag', () => {
    expect(isFiltered(NONE)).toBe(false);
    expect(isFiltered({ ...NONE, difficulty: 'application' })).toBe(true);
    expect(isFiltered({ ...NONE, topicId: 4 })).toBe(true);
  });
});

describe('useQuestionList', () => {
  const page = (n: number, total = 45): QuestionPage => ({ items: [], total, page: n, pageSize: PAGE_SIZE });
  const lastQuery = () => vi.mocked(banksApi.questions).mock.calls.at(-1)?.[1];

  beforeEach(() => {
    vi.mocked(banksApi.questions).mockReset();
    vi.mocked(banksApi.questions).mockImplementation(async (_bank, query) => page(query.page ?? 1));
  });

  it('loads the first page, turns pages, and goes back to page 1 when a filter changes', async () => {
    const { result } = renderHook(() => useQuestionList(3));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(banksApi.questions).toHaveBeenCalledWith(3, expect.objectContaining({ page: 1, pageSize: PAGE_SIZE }));
    expect(result.current.questions.total).toBe(45);

    act(() => result.current.setPage(3));
    await waitFor(() => expect(lastQuery()).toMatchObject({ page: 3 }));

    act(() => result.current.setTopicId(7));
    await waitFor(() => expect(lastQuery()).toMatchObject({ page: 1, topicId: 7 }));
    expect(result.current.filtered).toBe(true);
  });

  it('searches the trimmed text once typing pauses', async () => {
    const { result } = renderHook(() => useQuestionList(3));
    await waitFor(() => expect(result.current.loading).toBe(false));
    act(() => result.current.setSearch('  nghi quyet '));
    expect(result.current.search).toBe('  nghi quyet ');
    await waitFor(() => expect(lastQuery()).toMatchObject({ q: 'nghi quyet', page: 1 }));
  });

  it('asks again on reload, and shows the error of a failed load', async () => {
    const { result } = renderHook(() => useQuestionList(3));
    await waitFor(() => expect(result.current.loading).toBe(false));
    const calls = vi.mocked(banksApi.questions).mock.calls.length;
    vi.mocked(banksApi.questions).mockRejectedValueOnce(new Error('network'));
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.error).toBe('Đã có lỗi xảy ra. Vui lòng thử lại.'));
    expect(vi.mocked(banksApi.questions).mock.calls.length).toBe(calls + 1);
  });
});
