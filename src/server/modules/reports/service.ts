import type { Actor } from '../../../domain/roles.ts';
import type { AppContext } from '../../context.ts';
import { reportData } from './report-data.ts';
import { writeResultsCsv } from './report-csv.ts';
import { writeResultsPdf } from './report-pdf.ts';
import { writeResultsXlsx } from './report-xlsx.ts';

export type ReportFormat = 'xlsx' | 'pdf' | 'csv';

/** The results report of the reader's scope (or one unit of it), as Excel, PDF or CSV. */
export async function resultsReport(ctx: AppContext, actor: Actor, assessmentId: number, format: ReportFormat, unitId?: number) {
  const data = await reportData(ctx, actor, assessmentId, unitId);
  const body = format === 'xlsx' ? await writeResultsXlsx(data) : format === 'pdf' ? await writeResultsPdf(data) : writeResultsCsv(data);
  return { body, fileName: `Kết quả ${data.title} - ${data.scopeName}.${format}`, data };
}
