import type { Static } from '@fastify/type-provider-typebox';
import type { ItemViewView, KeyCorrectionReply, StatisticsReply, UnitFiguresView } from '../../server/modules/statistics/schemas.ts';
import { api, downloadFile, withQuery } from './client.ts';

export type StatisticsView = Static<typeof StatisticsReply>;
export type UnitFigures = Static<typeof UnitFiguresView>;
export type CutFigures = StatisticsView['cuts']['bySchoolLevel'][number];
export type ItemView = Static<typeof ItemViewView>;
export type KeyCorrection = Static<typeof KeyCorrectionReply>;
/** csv: ";" and decimal comma, as Excel on a Vietnamese-locale PC expects; csv-intl: "," and decimal point. */
export type ReportFormat = 'xlsx' | 'pdf' | 'csv' | 'csv-intl';

export const statisticsApi = {
  view: (assessmentId: number, unitId?: number) =>
    api.get<StatisticsView>(withQuery(`/api/assessments/${assessmentId}/statistics`, { unitId })),
  correctKey: (assessmentId: number, ordinal: number, correctIndex: number) =>
    api.post<KeyCorrection>(`/api/assessments/${assessmentId}/questions/${ordinal}/key`, { correctIndex }),
  report: (assessmentId: number, format: ReportFormat, unitId?: number) =>
    downloadFile(withQuery(`/api/assessments/${assessmentId}/report`, { format, unitId }), {
      fallbackName: `ket-qua.${format === 'csv-intl' ? 'csv' : format}`,
    }),
};
