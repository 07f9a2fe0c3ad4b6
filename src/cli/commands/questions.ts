import path from 'node:path';
import { createBank } from '../../server/modules/banks/service.ts';
import { findBankByCode } from '../../server/modules/banks/repository.ts';
import { applyQuestionImport, previewQuestionImport } from '../../server/modules/questions/import-service.ts';
import { BANK_ADVICE } from '../../domain/files/limits.ts';
import { systemActor, unitByCodeOrRoot, UsageError, withContext } from '../cli-context.ts';
import { readInputFile } from '../input-file.ts';

/** import-questions FILE [--bank CODE] [--dry-run] [--json]: all or nothing; a missing bank is created on a real import. */
export async function importQuestionsCommand(file: string, opts: { bank?: string; dryRun: boolean; json: boolean }): Promise<number> {
  const bytes = readInputFile(file, BANK_ADVICE);
  return withContext(async (ctx) => {
    // As on the server: the file is read under the upload budgets in a capped child process.
    ctx.parseFiles = 'child';
    const actor = await systemActor(ctx);
    const code = opts.bank?.trim().toUpperCase();
    const existing = code ? await findBankByCode(ctx.db, code) : undefined;
    const fileName = path.basename(file);
    const preview = await previewQuestionImport(ctx, actor, { fileName, file: bytes, bankId: existing?.id });
    const report = {
      questions: preview.questions.map((q) => ({
        number: q.number,
        stem: q.stem,
        topic: q.topic,
        images: q.images.length + q.options.reduce((n, o) => n + o.images.length, 0),
        options: q.options.map((o) => ({ letter: o.letter, text: o.text, correct: o.correct, pinned: o.pinned })),
      })),
      problems: preview.problems,
    };
    const canWrite = !opts.dryRun && preview.problems.length === 0 && preview.questions.length > 0;
    let written: Awaited<ReturnType<typeof applyQuestionImport>> | undefined;
    if (canWrite) {
      if (!code) throw new UsageError('Cần chọn ngân hàng: --bank MÃ (ngân hàng chưa có sẽ được tạo).');
      const bankId =
        existing?.id
        ?? (await createBank(ctx, actor, { name: `Ngân hàng ${code}`, code, unitId: (await unitByCodeOrRoot(ctx, undefined)).id })).id;
      written = await applyQuestionImport(ctx, actor, bankId, preview.questions, fileName);
    }
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(written ? { ...report, written } : report)}\n`);
    } else {
      console.log(`Tệp ${fileName}: ${preview.questions.length} câu hỏi đọc được, ${preview.problems.length} vấn đề.`);
      for (const p of preview.problems) console.log(`  ${p.question ? `Câu ${p.question}, ` : ''}dòng ${p.line}: ${p.message}`);
      if (written)
        console.log(`Đã nhập ${written.imported} câu hỏi (${written.topicsCreated} chuyên đề mới); ngân hàng có ${written.total} câu.`);
      else if (opts.dryRun) console.log('Chạy thử (--dry-run): chưa ghi gì.');
      else if (preview.problems.length) console.log('Tệp còn vấn đề: không ghi câu nào. Sửa tệp rồi nhập lại.');
    }
    if (preview.questions.length === 0 && preview.problems.length === 0) return 1;
    return preview.problems.length > 0 ? 2 : 0;
  });
}
