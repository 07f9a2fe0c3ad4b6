import { act, fireEvent, renderHook, screen, waitFor } from '@testing-library/react';
import { useReducer } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { banksApi, type QuestionDetail } from '../../api/banks.ts';
import { ApiError } from '../../api/client.ts';
import { renderScreen } from '../../test/render.tsx';
import { EditorOptions } from './editor-options.tsx';
import { canAddOption, canRemoveOption, draftOf, draftReducer, editOf, previewOf, type QuestionDraft } from './question-draft.ts';
import { useQuestionDraft } from './use-question-draft.ts';

vi.mock('../../api/banks.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/banks.ts')>()),
  banksApi: { question: vi.fn(), tags: vi.fn(), editQuestion: vi.fn(), uploadImage: vi.fn() },
}));

const detail: QuestionDetail = {
  id: 12,
  bankId: 3,
  version: 2,
  topicId: 5,
  topic: 'Nghị quyết',
  difficulty: 'comprehension',
  stem: 'Đảng ta ra đời năm nào?',
  stemRich: null,
  stemImages: [70],
  options: [
    { letter: 'A', text: '1925', pinned: false, correct: false, images: [] },
    { letter: 'B', text: '1930', pinned: false, correct: true, images: [71] },
    { letter: 'C', text: '1945', pinned: false, correct: false, images: [] },
    { letter: 'D', text: 'Cả A, B, C đều sai', pinned: true, correct: false, images: [] },
  ],
  tags: ['lịch sử'],
  source: null,
  versions: [
    { version: 1, createdAt: '2026-05-01T01:00:00Z', createdBy: 'Ban tổ chức', locked: true, usedBy: [] },
    { version: 2, createdAt: '2026-06-01T01:00:00Z', createdBy: 'Ban tổ chức', locked: false, usedBy: [] },
  ],
};

describe('the question draft', () => {
  it('is read from the stored question: a plain stem as a paragraph, images by address, the key by index', () => {
    const draft = draftOf(detail);
    expect(draft.stem).toEqual([{ type: 'paragraph', runs: [{ text: 'Đảng ta ra đời năm nào?' }] }]);
    expect(draft.stemImages).toEqual([{ id: 70, src: '/api/questions/12/images/70' }]);
    expect(draft.options.map((o) => o.key)).toEqual([0, 1, 2, 3]);
    expect(draft).toMatchObject({ correct: 1, topicId: 5, difficulty: 'comprehension', tags: ['lịch sử'], source: '' });
  });

  it('is saved as rich stem, image ids, the key as a flag, and no empty source', () => {
    const draft = draftReducer(draftOf(detail), { type: 'source', source: '   ' });
    expect(editOf(draft)).toEqual({
      stemRich: draft.stem,
      stemImages: [70],
      topicId: 5,
      difficulty: 'comprehension',
      tags: ['lịch sử'],
      source: null,
      options: [
        { text: '1925', pinned: false, correct: false, images: [] },
        { text: '1930', pinned: false, correct: true, images: [71] },
        { text: '1945', pinned: false, correct: false, images: [] },
        { text: 'Cả A, B, C đều sai', pinned: true, correct: false, images: [] },
      ],
    });
    expect(editOf(draftReducer(draft, { type: 'source', source: ' Đề cương 2026 ' })).source).toBe('Đề cương 2026');
  });

  it('keeps the key on its option when one above it is removed, and loses it when the key itself is removed', () => {
    const draft = draftOf(detail);
    const withoutA = draftReducer(draft, { type: 'removeOption', index: 0 });
    expect(withoutA.correct).toBe(0);
    expect(withoutA.options[0].text).toBe('1930');
    expect(draftReducer(draft, { type: 'removeOption', index: 3 }).correct).toBe(1);
    expect(draftReducer(draft, { type: 'removeOption', index: 1 }).correct).toBe(-1);
  });

  it('holds 2 to 8 options, each new one with a key of its own', () => {
    let draft: QuestionDraft = draftOf(detail);
    while (canAddOption(draft)) draft = draftReducer(draft, { type: 'addOption' });
    expect(draft.options).toHaveLength(8);
    expect(new Set(draft.options.map((o) => o.key)).size).toBe(8);
    while (canRemoveOption(draft)) draft = draftReducer(draft, { type: 'removeOption', index: 0 });
    expect(draft.options).toHaveLength(2);
  });

  it('previews lettered options with the key marked', () => {
    const preview = previewOf(draftReducer(draftOf(detail), { type: 'correct', index: 2 }));
    expect(preview.stem).toBe('Đảng ta ra đời năm nào?');
    expect(preview.options.map((o) => `${o.letter}${o.correct ? '*' : ''}`)).toEqual(['A', 'B', 'C*', 'D']);
    expect(preview.options[1].images).toEqual(['/api/questions/12/images/71']);
  });
});

describe('useQuestionDraft', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.mocked(banksApi.question).mockResolvedValue(detail);
    vi.mocked(banksApi.tags).mockResolvedValue([
      { tag: 'lịch sử', count: 4 },
      { tag: 'ôn tập', count: 1 },
    ]);
  });

  it('loads the question and the bank’s tags, then saves the edited draft', async () => {
    vi.mocked(banksApi.editQuestion).mockResolvedValue({ id: 12, version: 3, newVersion: true });
    const { result } = renderHook(() => useQuestionDraft(12));
    await waitFor(() => expect(result.current.detail).toBe(detail));
    await waitFor(() => expect(result.current.bankTags).toEqual(['lịch sử', 'ôn tập']));
    act(() => result.current.dispatch({ type: 'option', index: 0, change: { text: '1924' } }));
    let saved: Awaited<ReturnType<typeof result.current.save>> = null;
    await act(async () => {
      saved = await result.current.save();
    });
    expect(saved).toEqual({ version: 3, newVersion: true });
    expect(vi.mocked(banksApi.editQuestion).mock.calls[0][1].options[0].text).toBe('1924');
  });

  it('keeps the draft and says why when the save is refused', async () => {
    vi.mocked(banksApi.editQuestion).mockRejectedValue(new ApiError(400, 'invalid_question', 'Câu hỏi cần đúng một đáp án.'));
    const { result } = renderHook(() => useQuestionDraft(12));
    await waitFor(() => expect(result.current.detail).toBe(detail));
    await act(async () => {
      expect(await result.current.save()).toBeNull();
    });
    expect(result.current.saveError).toBe('Câu hỏi cần đúng một đáp án.');
    expect(result.current.saving).toBe(false);
  });

  it('does nothing while closed', () => {
    const { result } = renderHook(() => useQuestionDraft(null));
    expect(banksApi.question).not.toHaveBeenCalled();
    expect(result.current.detail).toBeNull();
  });
});

describe('EditorOptions', () => {
  function Harness() {
    const [draft, dispatch] = useReducer(draftReducer, draftOf(detail));
    return (
      <>
        <EditorOptions bankId={3} draft={draft} dispatch={dispatch} />
        <output aria-label="key">{draft.correct}</output>
      </>
    );
  }

  it('marks the key, removes an option and adds one', () => {
    renderScreen(<Harness />);
    fireEvent.click(screen.getByRole('radio', { name: 'Đáp án đúng là D' }));
    expect(screen.getByLabelText('key').textContent).toBe('3');
    fireEvent.click(screen.getByRole('button', { name: 'Xóa phương án A' }));
    expect(screen.getByLabelText('key').textContent).toBe('2');
    expect((screen.getByRole('textbox', { name: 'Phương án A' }) as HTMLTextAreaElement).value).toBe('1930');
    fireEvent.click(screen.getByRole('button', { name: /Thêm phương án/ }));
    expect(screen.getByRole('textbox', { name: 'Phương án D' })).toBeTruthy();
  });
});
