import fs from 'node:fs';
import path from 'node:path';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, type ExportFormat } from '../../domain/question-bank/export/losses.ts';
import { findBankByCode } from '../../server/modules/banks/repository.ts';
import { exportQuestions } from '../../server/modules/questions/export-service.ts';
import { CliError, systemActor, UsageError, withContext } from '../cli-context.ts';

const USAGE = 'npx boiduong export-questions --bank MÃ --format docx|xlsx|gift|aiken|qti --out TỆP';

/**
 * export-questions --bank CODE --format docx|xlsx|gift|aiken|qti --out FILE: the whole bank, as the web's "Xuất" menu
 * writes it; what the format cannot carry is said on stderr (the file is still written).
 */
export async function exportQuestionsCommand(opts: { bank?: string; format?: string; out?: string }): Promise<number> {
  const code = opts.bank?.trim().toUpperCase();
  if (!code) throw new UsageError(`Thiếu --bank MÃ: ngân hàng cần xuất. Dùng: ${USAGE}`);
  if (!EXPORT_FORMATS.includes(opts.format as ExportFormat)) {
    throw new UsageError(`--format phải là docx, xlsx, gift, aiken hoặc qti${opts.format ? ` (nhận được "${opts.format}")` : ''}.`);
  }
  if (!opts.out) throw new UsageError(`Thiếu --out TỆP: nơi ghi tệp câu hỏi. Dùng: ${USAGE}`);
  const format = opts.format as ExportFormat;
  const out = opts.out;
  return withContext(async (ctx) => {
    const bank = await findBankByCode(ctx.db, code);
    if (!bank) throw new CliError(`Không tìm thấy ngân hàng câu hỏi có mã ${code}.`);
    const file = await exportQuestions(ctx, await systemActor(ctx), bank.id, format);
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, file.body);
    console.log(
      `Đã ghi ${out}: ${file.count.toLocaleString('vi-VN')} câu hỏi của ngân hàng ${bank.name} (${EXPORT_FORMAT_NAMES[format]}).`,
    );
    if (file.count === 0) console.error('Lưu ý: ngân hàng chưa có câu hỏi nào.');
    if (file.notice) console.error(`Lưu ý: ${file.notice}`);
    return 0;
  });
}
