import { useCallback, useState } from 'react';
import { errorMessage, type ServerProgress } from '../../api/client.ts';
import { rosterApi, type ImportPreview, type ImportSummary, type RosterProblem, type TitleMapping } from '../../api/roster.ts';

export type ImportPhase = 'choose' | 'uploading' | 'preview' | 'committing' | 'done';

export interface ImportState {
  phase: ImportPhase;
  fileName: string | null;
  uploadPercent: number;
  server: ServerProgress | null;
  preview: ImportPreview | null;
  summary: ImportSummary | null;
  error: string | null;
  /** Rows the commit refused because the data changed since the preview. */
  commitProblems: RosterProblem[];
  /** The file and unit of the last upload: sent again after the organiser maps unknown titles. */
  source: { underUnitId: number; file: File } | null;
}

const INITIAL: ImportState = {
  phase: 'choose',
  fileName: null,
  uploadPercent: 0,
  server: null,
  preview: null,
  summary: null,
  error: null,
  commitProblems: [],
  source: null,
};

function problemsOf(error: unknown): RosterProblem[] {
  const details = (error as { details?: { problems?: RosterProblem[] } } | null)?.details;
  return Array.isArray(details?.problems) ? details.problems : [];
}

/** Upload → preview → commit, with the progress of each step. */
export function useRosterImport() {
  const [state, setState] = useState<ImportState>(INITIAL);

  const upload = useCallback(async (underUnitId: number, file: File) => {
    setState({ ...INITIAL, phase: 'uploading', fileName: file.name, source: { underUnitId, file } });
    try {
      const preview = await rosterApi.upload(
        underUnitId,
        file,
        (uploadPercent) => setState((s) => ({ ...s, uploadPercent })),
        (server) => setState((s) => ({ ...s, uploadPercent: 100, server })),
      );
      setState((s) => ({ ...s, phase: 'preview', preview }));
    } catch (error) {
      setState((s) => ({ ...s, phase: 'choose', error: errorMessage(error) }));
    }
  }, []);

  const commit = useCallback(
    async (confirmedUnits: string[]) => {
      const importId = state.preview?.importId;
      if (!importId) return;
      setState((s) => ({ ...s, phase: 'committing', server: null, error: null, commitProblems: [] }));
      try {
        const summary = await rosterApi.commit(importId, confirmedUnits, (server) => setState((s) => ({ ...s, server })));
        setState((s) => ({ ...s, phase: 'done', summary }));
      } catch (error) {
        setState((s) => ({ ...s, phase: 'preview', error: errorMessage(error), commitProblems: problemsOf(error) }));
      }
    },
    [state.preview],
  );

  /** Saves the organiser's categories for unknown titles, then checks the same file again. */
  const mapTitles = useCallback(
    async (mappings: TitleMapping[]) => {
      const source = state.source;
      if (!source) return;
      try {
        await rosterApi.mapTitles(mappings);
      } catch (error) {
        setState((s) => ({ ...s, error: errorMessage(error) }));
        return;
      }
      await upload(source.underUnitId, source.file);
    },
    [state.source, upload],
  );

  const reset = useCallback(() => setState(INITIAL), []);

  return { state, upload, commit, mapTitles, reset };
}

const PHASE_LABELS: Record<ServerProgress['phase'], string> = {
  read: 'Đang đọc tệp…',
  check: 'Đang kiểm tra…',
  write: 'Đang ghi dữ liệu…',
};

/** The label and percentage of the bar while a file is sent and checked. */
export function progressOf(state: ImportState): { label: string; percent: number } {
  if (state.server) {
    const { phase, done, total } = state.server;
    return { label: PHASE_LABELS[phase], percent: total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0 };
  }
  if (state.phase === 'uploading' && state.uploadPercent >= 100) return { label: 'Đang kiểm tra…', percent: 0 };
  if (state.phase === 'committing') return { label: PHASE_LABELS.write, percent: 0 };
  return { label: `Đang tải lên… ${state.uploadPercent}%`, percent: state.uploadPercent };
}
