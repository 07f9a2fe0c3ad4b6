import fs from 'node:fs';
import path from 'node:path';
import { ROSTER_ADVICE } from '../../domain/files/limits.ts';
import { applyImport, previewImport } from '../../server/modules/roster-import/service.ts';
import { exportRoster } from '../../server/modules/roster-export/service.ts';
import { systemActor, unitByCodeOrRoot, withContext } from '../cli-context.ts';
import { readInputFile } from '../input-file.ts';

export async function importRosterCommand(file: string, opts: { under?: string; dryRun: boolean; json: boolean }): Promise<number> {
  const bytes = readInputFile(file, ROSTER_ADVICE);
  return withContext(async (ctx) => {
    // As on the server: the file is read under the upload budgets in a capped child process.
    ctx.parseFiles = 'child';
    const actor = await systemActor(ctx);
    const under = await unitByCodeOrRoot(ctx, opts.under);
    const preview = await previewImport(ctx, actor, {
      file: bytes, fileName: path.basename(file), underUnitId: under.id, store: false,
    });
    const report = { rows: preview.rows, valid: preview.valid, problems: preview.problems, unitsToCreate: preview.unitsToCreate };
    const canWrite = preview.problems.length === 0 && preview.valid > 0;
    let written: Awaited<ReturnType<typeof applyImport>> | undefined;
    if (!opts.dryRun && canWrite) {
      written = await applyImport(ctx, actor, under.id, preview.records, path.basename(file));
    }
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(written ? { ...report, written } : report)}\n`);
    } else {
      console.log(`Tệp ${path.basename(file)} → ${under.name}: ${preview.rows} dòng, ${preview.valid} dòng hợp lệ.`);
      for (const p of preview.problems) console.log(`  Dòng ${p.row}, cột "${p.column}": ${p.message}`);
      if (preview.unitsToCreate.length) console.log(`  Đơn vị sẽ tạo mới: ${preview.unitsToCreate.join('; ')}`);
      if (written) {
        console.log(`Đã ghi: ${written.created} người mới, ${written.updated} cập nhật, ${written.unchanged} không đổi, ${written.unitsCreated} đơn vị mới.`);
      } else if (opts.dryRun) console.log('Chạy thử (--dry-run): chưa ghi gì.');
      else console.log('Tệp còn lỗi: không ghi dòng nào. Sửa tệp rồi nhập lại.');
    }
    if (preview.valid === 0 && preview.problems.length === 0) {
      if (!opts.json) console.error('Tệp không có dòng dữ liệu nào.');
      return 1;
    }
    return preview.problems.length > 0 ? 2 : 0;
  });
}

export async function exportRosterCommand(file: string, opts: { unit?: string }): Promise<number> {
  return withContext(async (ctx) => {
    const unit = await unitByCodeOrRoot(ctx, opts.unit);
    const { file: data } = await exportRoster(ctx, await systemActor(ctx), unit.id);
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, data);
    console.log(`Đã xuất danh sách ${unit.name} ra ${file}.`);
    return 0;
  });
}
