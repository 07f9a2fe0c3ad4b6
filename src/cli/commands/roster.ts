import fs from 'node:fs';
import path from 'node:path';
import { ROSTER_ADVICE } from '../../domain/files/limits.ts';
import { applyImport, mapPositionTitles, previewImport } from '../../server/modules/roster-import/service.ts';
import { parsePositionGroup } from '../../domain/roster-import/fields.ts';
import { CATEGORY_CHOICES, titleKey } from '../../domain/roster-import/titles.ts';
import type { Position } from '../../domain/roster.ts';
import { exportRoster } from '../../server/modules/roster-export/service.ts';
import { systemActor, unitByCodeOrRoot, UsageError, withContext } from '../cli-context.ts';
import { readInputFile } from '../input-file.ts';

/** "Tài xế=Nhân viên" → a title mapping; the category named or abbreviated as in the "Nhóm chức vụ" column. */
function titleMapping(arg: string): { title: string; position: Position } {
  const at = arg.lastIndexOf('=');
  const group = at > 0 ? parsePositionGroup(arg.slice(at + 1)) : null;
  if (!group || !group.ok || !group.value) {
    throw new UsageError(`--title cần dạng "CHỨC VỤ=NHÓM" với NHÓM là ${CATEGORY_CHOICES}: ${arg}`);
  }
  return { title: arg.slice(0, at).trim(), position: group.value };
}

export async function importRosterCommand(
  file: string,
  opts: { under?: string; dryRun: boolean; json: boolean; createUnits: boolean; titles: string[] },
): Promise<number> {
  const mappings = opts.titles.map(titleMapping);
  const bytes = readInputFile(file, ROSTER_ADVICE);
  return withContext(async (ctx) => {
    // As on the server: the file is read under the upload budgets in a capped child process.
    ctx.parseFiles = 'child';
    const actor = await systemActor(ctx);
    if (mappings.length > 0 && !opts.dryRun) await mapPositionTitles(ctx, actor, mappings);
    const under = await unitByCodeOrRoot(ctx, opts.under);
    const preview = await previewImport(ctx, actor, {
      file: bytes,
      fileName: path.basename(file),
      underUnitId: under.id,
      store: false,
    });
    // A dry run answers as if the --title mappings were saved.
    const unknownTitles = preview.unknownTitles.filter((t) => !mappings.some((m) => titleKey(m.title) === titleKey(t.title)));
    const report = {
      rows: preview.rows,
      valid: preview.valid,
      problems: preview.problems,
      unitsToCreate: preview.unitsToCreate,
      unknownTitles,
      skipped: preview.skipped,
    };
    const unitsWaiting = preview.unitsToCreate.length > 0 && !opts.createUnits;
    const canWrite = preview.problems.length === 0 && unknownTitles.length === 0 && preview.valid > 0 && !unitsWaiting;
    let written: Awaited<ReturnType<typeof applyImport>> | undefined;
    if (!opts.dryRun && canWrite) {
      written = await applyImport(ctx, actor, {
        underUnitId: under.id,
        records: preview.records,
        fileName: path.basename(file),
        confirmedUnits: preview.unitsToCreate,
      });
    }
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(written ? { ...report, written } : report)}\n`);
    } else {
      console.log(`Tệp ${path.basename(file)} → ${under.name}: ${preview.rows} dòng, ${preview.valid} dòng hợp lệ.`);
      for (const p of preview.problems) console.log(`  Dòng ${p.row}, cột "${p.column}": ${p.message}`);
      for (const s of preview.skipped) console.log(`  Bỏ qua dòng ${s.row} (${s.reason}): ${s.text}`);
      for (const t of unknownTitles) {
        console.log(
          `  Chức vụ "${t.title}" (${t.count} dòng, từ dòng ${t.rows[0]}) chưa được xếp nhóm: thêm --title "${t.title}=NHÓM" (NHÓM là ${CATEGORY_CHOICES}).`,
        );
      }
      if (preview.unitsToCreate.length) console.log(`  Đơn vị sẽ tạo mới: ${preview.unitsToCreate.join('; ')}`);
      if (written) {
        console.log(
          `Đã ghi: ${written.created} người mới, ${written.updated} cập nhật, ${written.unchanged} không đổi, ${written.unitsCreated} đơn vị mới.`,
        );
      } else if (opts.dryRun) console.log('Chạy thử (--dry-run): chưa ghi gì.');
      else if (canWrite || (unitsWaiting && preview.problems.length === 0 && unknownTitles.length === 0)) {
        console.log(
          'Chưa ghi gì: tệp sẽ tạo mới các đơn vị trên. Kiểm tra tên đơn vị (có thể là tên viết tắt của đơn vị đã có); nếu đúng, chạy lại với --create-units.',
        );
      } else console.log('Tệp còn lỗi: không ghi dòng nào. Sửa tệp rồi nhập lại.');
    }
    if (preview.valid === 0 && preview.problems.length === 0) {
      if (!opts.json) console.error('Tệp không có dòng dữ liệu nào.');
      return 1;
    }
    const waiting = !opts.dryRun && !written;
    return preview.problems.length > 0 || unknownTitles.length > 0 || waiting ? 2 : 0;
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
