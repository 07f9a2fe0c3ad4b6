import { PassThrough, type Readable } from 'node:stream';
import type { Actor } from '../../../domain/roles.ts';
import type { AppContext } from '../../context.ts';
import { OFF_THREAD_ROWS, renderOffThread, type Rendered } from '../../files/off-thread.ts';
import { reportData, reportSource, type ReportData, type ReportHead } from './report-data.ts';
import { writeResultsCsv } from './report-csv.ts';
import { writeResultsPdf } from './report-pdf.ts';
import { streamResultsXlsx } from './report-xlsx.ts';

/** csv: ";" and decimal comma (Excel on a Vietnamese-locale PC); csv-intl: "," and decimal point. */
export type ReportFormat = 'xlsx' | 'pdf' | 'csv' | 'csv-intl';
export const REPORT_FORMATS: ReportFormat[] = ['xlsx', 'pdf', 'csv', 'csv-intl'];

export interface ReportFile {
  /** The workbook is a stream written as its rows are read from the database; the PDF and CSV are bytes. */
  body: Buffer | Readable;
  fileName: string;
  head: ReportHead;
}

/**
 * The results report of the reader's scope (or one unit of it), as Excel, PDF or CSV. Permissions and the statistics
 * are settled before this returns; the workbook then streams (a failure halfway ends the download short).
 */
export async function resultsReport(
  ctx: AppContext,
  actor: Actor,
  assessmentId: number,
  format: ReportFormat,
  unitId?: number,
): Promise<ReportFile> {
  const fileNameOf = (head: ReportHead) => {
    const name = `Kết quả ${head.title} - ${head.scopeName}`;
    return format === 'csv-intl' ? `${name} (dấu phẩy).csv` : `${name}.${format}`;
  };
  if (format === 'xlsx') {
    const { head, people } = await reportSource(ctx, actor, assessmentId, unitId);
    const body = new PassThrough();
    streamResultsXlsx(head, people(), body).catch((err: unknown) => body.destroy(err instanceof Error ? err : new Error(String(err))));
    return { body, fileName: fileNameOf(head), head };
  }
  if (format === 'pdf') {
    // The PDF shows figures, units and charts, never the list of people: they are not read.
    const { head } = await reportSource(ctx, actor, assessmentId, unitId);
    return { body: (await renderReport({ ...head, people: [] }, 'pdf')).body, fileName: fileNameOf(head), head };
  }
  const data = await reportData(ctx, actor, assessmentId, unitId);
  return { body: (await renderReport(data, format)).body, fileName: fileNameOf(data), head: data };
}

/** A province's PDF is rendered off the event loop (see off-thread.ts); a school's inline, and every CSV. */
export async function renderReport(
  data: ReportData,
  format: 'pdf' | 'csv' | 'csv-intl',
  offThreadAbove = OFF_THREAD_ROWS,
): Promise<Rendered | { body: Buffer; peakRssMb?: undefined }> {
  if (format === 'csv' || format === 'csv-intl') return { body: writeResultsCsv(data, format === 'csv' ? 'vi' : 'intl') };
  if (data.node.took > offThreadAbove) {
    return renderOffThread(new URL('./report-pdf.ts', import.meta.url).href, 'writeResultsPdf', data);
  }
  return { body: await writeResultsPdf(data) };
}
