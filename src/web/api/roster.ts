import type {
  ImportAction,
  ImportPreview,
  RosterProblem,
  RosterRecord,
  SkippedRow,
  UnknownTitle,
} from '../../domain/roster-import/types.ts';
import type { Position } from '../../domain/roster.ts';
import { api, downloadFile, postWithProgress, uploadWithProgress, withQuery, type ServerProgress } from './client.ts';

export type { ImportAction, ImportPreview, RosterProblem, RosterRecord, SkippedRow, UnknownTitle };
export interface TitleMapping {
  title: string;
  position: Position;
}
export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  unitsCreated: number;
}

export const rosterApi = {
  downloadTemplate: () => downloadFile('/api/roster/template.xlsx', { fallbackName: 'mau-danh-sach-can-bo.xlsx' }),
  exportUnit: (unitId: number) => downloadFile(withQuery('/api/roster/export.xlsx', { unitId }), { fallbackName: 'danh-sach.xlsx' }),
  upload: (underUnitId: number, file: File, onUpload: (percent: number) => void, onServer: (p: ServerProgress) => void) =>
    uploadWithProgress<ImportPreview>(withQuery('/api/roster/imports', { underUnitId }), file, onUpload, onServer),
  /** `confirmedUnits`: the new units the organiser ticked in the preview; the server creates no other. */
  commit: (importId: number, confirmedUnits: string[], onServer: (p: ServerProgress) => void) =>
    postWithProgress<ImportSummary>(`/api/roster/imports/${importId}/commit`, onServer, { confirmedUnits }),
  mapTitles: (mappings: TitleMapping[]) => api.post<{ saved: number }>('/api/roster/position-titles', { mappings }),
};
