import { act, fireEvent, renderHook, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { banksApi, type ImportedQuestion, type QuestionImportPreview } from '../../api/banks.ts';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../../domain/errors/catalogue.ts';
import { renderScreen } from '../../test/render.tsx';
import { PreviewStep } from './preview-step.tsx';
import {
  importReducer,
  inFileOrder,
  INITIAL_IMPORT,
  initialSelection,
  questionsWithProblem,
  stepOf,
  useQuestionImport,
  type ImportState,
} from './use-question-import.ts';

vi.mock('../../api/banks.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/banks.ts')>()),
  banksApi: { previewImport: vi.fn(), commitImport: vi.fn() },
}));

const question = (number: number, stem = `Câu hỏi số ${number}?`): ImportedQuestion => ({
  number,
  line: number * 6,
  stem,
  stemRich: null,
  topic: null,
  difficulty: null,
  images: 0,
  stemImages: [],
  options: [
    { letter: 'A', text: 'Đúng', pinned: false, correct: true, images: [] },
    { letter: 'B', text: 'Sai', pinned: false, correct: false, images: [] },
  ],
});

// Question 2 has a problem (no key marked), question 9 could not be read at all.
const preview: QuestionImportPreview = {
  importId: 41,
  questions: [question(1), question(2), question(3)],
  problems: [
    { question: 2, line: 12, message: 'Chưa đánh dấu đáp án đúng.' },
    { question: 9, line: 50, message: 'Câu hỏi chỉ có 1 phương án.' },
  ],
};

const file = new File(['x'], 'ngan-hang.docx');

describe('the import state machine', () => {
  const run = (...actions: Parameters<typeof importReducer>[1][]) => actions.reduce(importReducer, INITIAL_IMPORT);

  it('goes choose → uploading → preview with the questions without problems ticked', () => {
    const uploading = run({ type: 'upload', fileName: 'a.docx' }, { type: 'progress', percent: 60 });
    expect(uploading).toMatchObject({ phase: 'uploading', fileName: 'a.docx', uploadPercent: 60, error: null });
    expect(stepOf(uploading.phase)).toBe(0);
    const previewed = importReducer(uploading, { type: 'previewed', preview });
    expect(previewed).toMatchObject({ phase: 'preview', selected: [1, 3] });
    expect(stepOf(previewed.phase)).toBe(1);
  });

  it('goes back to choosing with the reason when the upload is refused', () => {
    expect(run({ type: 'upload', fileName: 'a.docx' }, { type: 'failed', error: 'Tệp hỏng.' })).toMatchObject({
      phase: 'choose',
      error: 'Tệp hỏng.',
    });
  });

  it('keeps the preview and the ticks when the commit is refused, and clears the error on the next try', () => {
    const ticked = run(
      { type: 'upload', fileName: 'a.docx' },
      { type: 'previewed', preview },
      { type: 'toggle', number: 2, checked: true },
    );
    const refused = importReducer(importReducer(ticked, { type: 'commit' }), { type: 'failed', error: 'Bản xem trước đã hết hạn.' });
    expect(refused).toMatchObject({ phase: 'preview', preview, selected: [1, 3, 2], error: 'Bản xem trước đã hết hạn.' });
    expect(importReducer(refused, { type: 'commit' })).toMatchObject({ phase: 'committing', error: null });
  });

  it('does not commit without a preview, and ignores late upload progress', () => {
    expect(importReducer(INITIAL_IMPORT, { type: 'commit' })).toBe(INITIAL_IMPORT);
    expect(importReducer(INITIAL_IMPORT, { type: 'progress', percent: 100 })).toBe(INITIAL_IMPORT);
  });

  it('starts again from an empty choice', () => {
    const done = run(
      { type: 'upload', fileName: 'a.docx' },
      { type: 'previewed', preview },
      { type: 'commit' },
      { type: 'committed', summary: { imported: 2, topicsCreated: 0, total: 32 } },
    );
    expect(stepOf(done.phase)).toBe(2);
    expect(importReducer(done, { type: 'reset' })).toMatchObject({
      phase: 'choose',
      preview: null,
      selected: [],
      summary: null,
      error: null,
    });
  });

  it('sends the ticked questions in the order of the file', () => {
    expect(inFileOrder(preview.questions, [3, 1, 2])).toEqual([1, 2, 3]);
    expect(initialSelection(preview)).toEqual([1, 3]);
    expect([...questionsWithProblem(preview)]).toEqual([2, 9]);
  });
});

describe('useQuestionImport', () => {
  // Braces: a function returned by beforeEach is run after the test as its cleanup — returning the mock would call it.
  beforeEach(() => {
    vi.mocked(banksApi.commitImport).mockReset();
  });

  it('uploads with progress, then writes the ticked questions into the bank', async () => {
    vi.mocked(banksApi.previewImport).mockImplementation(async (_bank, _file, onProgress) => {
      onProgress(100);
      return preview;
    });
    vi.mocked(banksApi.commitImport).mockResolvedValue({ imported: 3, topicsCreated: 1, total: 33 });
    const { result } = renderHook(() => useQuestionImport(7));

    await act(() => result.current.upload(file));
    expect(banksApi.previewImport).toHaveBeenCalledWith(7, file, expect.any(Function));
    expect(result.current.state).toMatchObject({ phase: 'preview', fileName: 'ngan-hang.docx', uploadPercent: 100, selected: [1, 3] });

    act(() => result.current.toggle(2, true));
    await act(() => result.current.commit());
    expect(banksApi.commitImport).toHaveBeenCalledWith(41, [1, 2, 3]);
    expect(result.current.state).toMatchObject({ phase: 'done', summary: { imported: 3, topicsCreated: 1, total: 33 } });
  });

  it('shows the server’s words when the commit is refused, back on the preview with the ticks kept', async () => {
    vi.mocked(banksApi.previewImport).mockResolvedValue(preview);
    vi.mocked(banksApi.commitImport).mockImplementation(async () => {
      throw new ApiError(409, 'import_expired', errorMessage('import_expired'));
    });
    const { result } = renderHook(() => useQuestionImport(7));
    await act(() => result.current.upload(file));
    await act(async () => {
      await result.current.commit();
    });
    expect(result.current.state).toMatchObject({
      phase: 'preview',
      selected: [1, 3],
      error: 'Bản xem trước đã quá 24 giờ; hãy tải tệp lên lại.',
    });
    expect(banksApi.commitImport).toHaveBeenCalledTimes(1);
  });
});

describe('PreviewStep', () => {
  const state = (selected: number[]): Pick<ImportState, 'selected'> => ({ selected });

  it('lists the problems, says which question is left out, and imports the ticked ones', () => {
    const onConfirm = vi.fn();
    renderScreen(
      <PreviewStep
        fileName="ngan-hang.docx"
        preview={preview}
        {...state([1, 3])}
        onSelect={vi.fn()}
        onToggle={vi.fn()}
        onRestart={vi.fn()}
        onConfirm={onConfirm}
      />,
    );
    expect(screen.getByText('Có 2 vấn đề cần xem lại')).toBeTruthy();
    expect(screen.getByText(/Câu 9 \(dòng 50\): Câu hỏi chỉ có 1 phương án\./).textContent).toContain('câu này không được nhập');
    expect(screen.getByText(/Câu 2 \(dòng 12\)/).textContent).not.toContain('không được nhập');
    expect((screen.getByRole('checkbox', { name: 'Chọn câu 1' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Chọn câu 2' }) as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: /Nhập 2 câu đã chọn/ }));
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('cannot import nothing', () => {
    renderScreen(
      <PreviewStep
        fileName="a.gift"
        preview={preview}
        {...state([])}
        onSelect={vi.fn()}
        onToggle={vi.fn()}
        onRestart={vi.fn()}
        onConfirm={vi.fn()}
      />,
    );
    expect((screen.getByRole('button', { name: /Nhập 0 câu đã chọn/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});
