import fs from 'node:fs';
import path from 'node:path';
import { createAdmin } from '../../server/bootstrap.ts';
import { printFirstAdmin } from '../../server/main.ts';
import { CliError, UsageError, withContext } from '../cli-context.ts';

export async function migrateCommand(): Promise<number> {
  const { migrateToLatest } = await import('../../server/db/database.ts');
  return withContext(async (ctx) => {
    const applied = await migrateToLatest(ctx.db);
    console.log(applied.length ? `Đã chạy ${applied.length} migration.` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
    const { bootstrap } = await import('../../server/bootstrap.ts');
    const admin = await bootstrap(ctx);
    if (admin) printFirstAdmin(admin);
    return 0;
  });
}

export async function createAdminCommand(opts: { username?: string }): Promise<number> {
  const username = (opts.username ?? 'admin').trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,40}$/.test(username)) throw new UsageError('Tên đăng nhập chỉ gồm chữ thường không dấu, số, . _ - (3–40 ký tự).');
  return withContext(async (ctx) => {
    const admin = await createAdmin(ctx, username);
    printFirstAdmin(admin);
    return 0;
  });
}

/** A consistent online copy of the SQLite file, taken while the server keeps running. */
export async function backupCommand(file: string): Promise<number> {
  return withContext(async (_ctx, handle) => {
    if (!handle.sqlite) {
      throw new CliError('Sao lưu PostgreSQL: dùng pg_dump (xem README), ví dụ: pg_dump "$DATABASE_URL" -Fc -f boiduong.dump');
    }
    const target = path.resolve(file);
    if (fs.existsSync(target)) throw new CliError(`Tệp ${file} đã tồn tại; chọn tên khác.`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await handle.sqlite.backup(target);
    console.log(`Đã sao lưu cơ sở dữ liệu ra ${file} (${(fs.statSync(target).size / 1_048_576).toFixed(1)} MB).`);
    return 0;
  });
}
