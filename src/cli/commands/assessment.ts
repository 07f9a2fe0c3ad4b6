import fs from 'node:fs';
import path from 'node:path';
import { paperFileName } from '../../domain/assessment/paper.ts';
import { findAssessment, variantsOf } from '../../server/modules/assessments/repository.ts';
import { paperInput, renderPaper } from '../../server/modules/assessments/paper-service.ts';
import { publish } from '../../server/modules/assessments/service.ts';
import { CliError, systemActor, UsageError, withContext } from '../cli-context.ts';

function assessmentId(raw: string | undefined): number {
  const id = Number(raw);
  if (!raw || !Number.isInteger(id) || id <= 0) throw new UsageError('Cần số hiệu bài khảo sát, ví dụ: npx boiduong assessment publish 12');
  return id;
}

/** assessment publish ID: freezes the questions and the codes, as the organiser's button does. */
export async function publishCommand(raw: string | undefined): Promise<number> {
  const id = assessmentId(raw);
  return withContext(async (ctx) => {
    const result = await publish(ctx, await systemActor(ctx), id);
    const row = (await findAssessment(ctx.db, id))!;
    console.log(
      `Đã phát hành "${row.title}": ${row.question_count} câu, `
        + `${result.variants.length ? `mã đề ${result.variants.join(', ')}` : 'mỗi người một mã đề (tạo khi bắt đầu làm bài)'}.`,
    );
    return 0;
  });
}

/** assessment export-variants ID DIR: each code as .docx and .pdf with its answer key, for the paper fallback. */
export async function exportVariantsCommand(raw: string | undefined, dir: string | undefined): Promise<number> {
  const id = assessmentId(raw);
  if (!dir) throw new UsageError('Thiếu thư mục: npx boiduong assessment export-variants ID THƯ_MỤC');
  return withContext(async (ctx) => {
    const row = await findAssessment(ctx.db, id);
    if (!row) throw new CliError(`Không tìm thấy bài khảo sát số ${id}.`);
    if (row.status !== 'published')
      throw new CliError(`Bài "${row.title}" chưa phát hành nên chưa có mã đề: npx boiduong assessment publish ${id}`);
    const variants = await variantsOf(ctx.db, id);
    if (variants.length === 0) throw new CliError(`Bài "${row.title}" tạo mỗi người một mã đề: không có đề in chung.`);
    fs.mkdirSync(dir, { recursive: true });
    for (const v of variants) {
      const input = await paperInput(ctx, row, v.code);
      for (const format of ['docx', 'pdf'] as const) {
        const file = path.join(dir, paperFileName(row.title, v.code, format));
        fs.writeFileSync(file, await renderPaper(input, format));
        console.log(`  ${file}`);
      }
    }
    console.log(`Đã xuất ${variants.length} mã đề (Word và PDF, kèm đáp án) vào ${dir}.`);
    return 0;
  });
}
