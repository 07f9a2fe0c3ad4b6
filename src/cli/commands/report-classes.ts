import fs from 'node:fs';
import path from 'node:path';
import { periodLabel } from '../../domain/training/class-report.ts';
import { writeClassReportPdf, writeClassReportXlsx } from '../../server/modules/classes/report-files.ts';
import { classReportFor } from '../../server/modules/classes/report-service.ts';
import { unitByCodeOrRoot, UsageError, withContext } from '../cli-context.ts';

/** report-classes [--unit CODE] --year Y [--quarter Q] --format xlsx|pdf --out FILE */
export async function reportClassesCommand(opts: {
  unit?: string;
  year?: string;
  quarter?: string;
  format?: string;
  out?: string;
}): Promise<number> {
  const year = Number(opts.year);
  if (!opts.year || !Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError('Cần --year NĂM (2000–2100).');
  const quarter = opts.quarter === undefined ? undefined : Number(opts.quarter);
  if (quarter !== undefined && (!Number.isInteger(quarter) || quarter < 1 || quarter > 4))
    throw new UsageError('--quarter phải là 1, 2, 3 hoặc 4.');
  if (opts.format !== 'xlsx' && opts.format !== 'pdf') throw new UsageError('Cần --format xlsx hoặc --format pdf.');
  if (!opts.out) throw new UsageError('Cần --out TỆP (nơi ghi báo cáo).');
  const format = opts.format;
  const out = opts.out;
  return withContext(async (ctx) => {
    const unit = await unitByCodeOrRoot(ctx, opts.unit);
    const report = await classReportFor(ctx, unit, year, quarter);
    const file = format === 'xlsx' ? await writeClassReportXlsx(report) : await writeClassReportPdf(report);
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, file);
    console.log(`${report.unitName} — ${periodLabel(report.period)}: ${report.summary.replace(/^[^:]*: /, '')}`);
    console.log(`Đã ghi báo cáo ra ${out}.`);
    return 0;
  });
}
