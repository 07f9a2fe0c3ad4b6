import type { Actor } from '../../../domain/roles.ts';
import type { AppContext } from '../../context.ts';
import { OFF_THREAD_ROWS, renderOffThread, type Rendered } from '../../files/off-thread.ts';
import { reportData, type ReportData } from './report-data.ts';
import { writeResultsCsv } from './report-csv.ts';
import { writeResultsPdf } from './report-pdf.ts';
import { writeResultsXlsx } from './report-xlsx.ts';

/** csv: ";" and decimal comma (Excel on a Vietnamese-locale PC); csv-intl: "," and decimal point. */
export type ReportFormat = 'xlsx' | 'pdf' | 'csv' | 'csv-intl';
export const REPORT_FORMATS: ReportFormat[] = ['xlsx', 'pdf', 'csv', 'csv-intl'];

/** The results report of the reader's scope (or one unit of it), as Excel, PDF or CSV. */
export async function resultsReport(ctx: AppContext, actor: Actor, assessmentId: number, format: ReportFormat, unitId?: number) {
  const data = await reportData(ctx, actor, assessmentId, unitId);
  const name = `Kết quả ${data.title} - ${data.scopeName}`;
  const fileName = format === 'csv-intl' ? `${name} (dấu phẩy).csv` : `${name}.${format}`;
  return { body: (await renderReport(data, format)).body, fileName, data };
}

/** A province's workbook or PDF is rendered off the event loop (see off-thread.ts); a school's inline. */
export async function renderReport(data: ReportData, format: ReportFormat, offThreadAbove = OFF_THREAD_ROWS)
  : Promise<Rendered | { body: Buffer; peakRssMb?: undefined }> {
  if (format === 'csv' || format === 'csv-intl') return { body: writeResultsCsv(data, format === 'csv' ? 'vi' : 'intl') };
  if (data.people.length > offThreadAbove) {
    const file = format === 'xlsx' ? './report-xlsx.ts' : './report-pdf.ts';
    return renderOffThread(new URL(file, import.meta.url).href, format === 'xlsx' ? 'writeResultsXlsx' : 'writeResultsPdf', data);
  }
  return { body: format === 'xlsx' ? await writeResultsXlsx(data) : await writeResultsPdf(data) };
}
