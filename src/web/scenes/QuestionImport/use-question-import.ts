import { useCallback, useReducer } from 'react';
import { banksApi, type ImportedQuestion, type QuestionImportPreview } from '../../api/banks.ts';
import { errorMessage } from '../../api/client.ts';

export type ImportPhase = 'choose' | 'uploading' | 'preview' | 'committing' | 'done';

export interface ImportSummary {
  imported: number;
  topicsCreated: number;
  total: number;
}

export interface ImportState {
  phase: ImportPhase;
  fileName: string;
  uploadPercent: number;
  preview: QuestionImportPreview | null;
  /** Numbers of the questions ticked for import. */
  selected: number[];
  error: string | null;
  summary: ImportSummary | null;
}

export type ImportAction =
  | { type: 'upload'; fileName: string }
  | { type: 'progress'; percent: number }
  | { type: 'previewed'; preview: QuestionImportPreview }
  | { type: 'failed'; error: string }
  | { type: 'select'; numbers: number[] }
  | { type: 'toggle'; number: number; checked: boolean }
  | { type: 'commit' }
  | { type: 'committed'; summary: ImportSummary }
  | { type: 'reset' };

export const INITIAL_IMPORT: ImportState = {
  phase: 'choose',
  fileName: '',
  uploadPercent: 0,
  preview: null,
  selected: [],
  error: null,
  summary: null,
};

/** Questions without a problem are ticked at first; the organiser may still tick the others. */
export function initialSelection(preview: QuestionImportPreview): number[] {
  return preview.questions.filter((q) => !preview.problems.some((p) => p.question === q.number)).map((q) => q.number);
}

/** Numbers of the questions some problem is about. */
export function questionsWithProblem(preview: QuestionImportPreview | null): Set<number> {
  return new Set((preview?.problems ?? []).map((p) => p.question).filter((n) => n !== null));
}

/** The ticked questions in the file's order, whatever order they were ticked in. */
export function inFileOrder(questions: ImportedQuestion[], selected: number[]): number[] {
  const order = new Map(questions.map((q, i) => [q.number, i]));
  return [...selected].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/** Ticks or unticks one question (the phone list's checkboxes). */
export function toggled(selected: number[], number: number, checked: boolean): number[] {
  return checked ? [...selected, number] : selected.filter((n) => n !== number);
}

/** The index of the Steps bar: choose file, check, write into the bank. */
export function stepOf(phase: ImportPhase): 0 | 1 | 2 {
  return phase === 'choose' || phase === 'uploading' ? 0 : phase === 'preview' ? 1 : 2;
}

/** Choose → uploading → preview → committing → done; a failed upload goes back to choose, a failed commit to preview. */
export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case 'upload':
      return { ...state, phase: 'uploading', fileName: action.fileName, error: null, uploadPercent: 0 };
    case 'progress':
      return state.phase === 'uploading' ? { ...state, uploadPercent: action.percent } : state;
    case 'previewed':
      return { ...state, phase: 'preview', preview: action.preview, selected: initialSelection(action.preview) };
    case 'failed':
      return { ...state, error: action.error, phase: state.phase === 'committing' ? 'preview' : 'choose' };
    case 'select':
      return { ...state, selected: action.numbers };
    case 'toggle':
      return { ...state, selected: toggled(state.selected, action.number, action.checked) };
    case 'commit':
      return state.preview ? { ...state, phase: 'committing', error: null } : state;
    case 'committed':
      return { ...state, phase: 'done', summary: action.summary };
    case 'reset':
      return { ...state, phase: 'choose', preview: null, selected: [], error: null, summary: null };
  }
}

/** Upload → check (preview with problems) → write the ticked questions into the bank. */
export function useQuestionImport(bankId: number) {
  const [state, dispatch] = useReducer(importReducer, INITIAL_IMPORT);

  const upload = useCallback(
    async (file: File) => {
      dispatch({ type: 'upload', fileName: file.name });
      try {
        const preview = await banksApi.previewImport(bankId, file, (percent) => dispatch({ type: 'progress', percent }));
        dispatch({ type: 'previewed', preview });
      } catch (err) {
        dispatch({ type: 'failed', error: errorMessage(err) });
      }
    },
    [bankId],
  );

  const { preview, selected } = state;
  const commit = useCallback(async () => {
    // No question read from the file: nothing to commit (the server keeps no import then).
    if (!preview || preview.importId === null) return;
    const importId = preview.importId;
    dispatch({ type: 'commit' });
    try {
      dispatch({ type: 'committed', summary: await banksApi.commitImport(importId, inFileOrder(preview.questions, selected)) });
    } catch (err) {
      dispatch({ type: 'failed', error: errorMessage(err) });
    }
  }, [preview, selected]);

  const select = useCallback((numbers: number[]) => dispatch({ type: 'select', numbers }), []);
  const toggle = useCallback((number: number, checked: boolean) => dispatch({ type: 'toggle', number, checked }), []);
  const reset = useCallback(() => dispatch({ type: 'reset' }), []);

  return { state, upload, commit, select, toggle, reset };
}
