import type { ImportAction, ImportPreview, RosterProblem, RosterRecord } from '../../domain/roster-import/types.ts';
import { downloadFile, postWithProgress, uploadWithProgress, withQuery, type ServerProgress } from './client.ts';

export type { ImportAction, ImportPreview, RosterProblem, RosterRecord };
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
  commit: (importId: number, onServer: (p: ServerProgress) => void) =>
    postWithProgress<ImportSummary>(`/api/roster/imports/${importId}/commit`, onServer),
};
