import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { findUnitByCode } from '../../server/modules/units/repository.ts';
import { REPORT_FORMATS, resultsReport, type ReportFormat } from '../../server/modules/reports/service.ts';
import { CliError, systemActor, UsageError, withContext } from '../cli-context.ts';

/** report ASSESSMENT_ID --format xlsx|pdf|csv|csv-intl [--unit CODE] --out FILE */
export async function reportCommand(rawId: string | undefined, opts: { format?: string; unit?: string; out?: string }): Promise<number> {
  const id = Number(rawId);
  if (!rawId || !Number.isInteger(id) || id <= 0)
    throw new UsageError('Cần số hiệu bài khảo sát: npx boiduong report ID --format xlsx --out TỆP');
  if (!REPORT_FORMATS.includes(opts.format as ReportFormat)) {
    throw new UsageError(
      '--format phải là xlsx, pdf, csv (dấu ; và dấu phẩy thập phân, cho Excel tiếng Việt) hoặc csv-intl (dấu , và dấu chấm thập phân).',
    );
  }
  if (!opts.out) throw new UsageError('Thiếu --out TỆP: nơi ghi báo cáo.');
  return withContext(async (ctx) => {
    let unitId: number | undefined;
    if (opts.unit) {
      const unit = await findUnitByCode(ctx.db, opts.unit.trim().toUpperCase());
      if (!unit) throw new CliError(`Không tìm thấy đơn vị có mã ${opts.unit}.`);
      unitId = unit.id;
    }
    const file = await resultsReport(ctx, await systemActor(ctx), id, opts.format as ReportFormat, unitId);
    if (Buffer.isBuffer(file.body)) fs.writeFileSync(opts.out!, file.body);
    else await pipeline(file.body, fs.createWriteStream(opts.out!));
    const s = file.head.node;
    console.log(
      `Đã ghi ${opts.out}: ${file.head.title} — ${file.head.scopeName}: ${s.took.toLocaleString('vi-VN')}/${s.eligible.toLocaleString('vi-VN')} bài, `
        + `điểm trung bình ${s.summary.mean?.toLocaleString('vi-VN', { maximumFractionDigits: 2 }) ?? '—'}.`,
    );
    return 0;
  });
}
