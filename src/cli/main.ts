import { parseArgs } from 'node:util';
import { AppError } from '../server/errors.ts';
import { CliError } from './cli-context.ts';

const HELP = `Bồi dưỡng — công cụ dòng lệnh

Cách dùng: npx boiduong <lệnh> [tùy chọn]

  serve                                   chạy máy chủ web (PORT, mặc định 3000)
  migrate                                 cập nhật cấu trúc cơ sở dữ liệu
  demo [--no-serve] [--people N]          tạo tỉnh mẫu (khoảng 10.000 người) rồi chạy máy chủ
  create-admin [--username TÊN]           tạo (hoặc cấp lại mật khẩu cho) tài khoản quản trị
  import-roster TỆP.xlsx [--under MÃ_ĐV] [--dry-run] [--json]
                                          nhập danh sách cán bộ, giáo viên từ Excel
  export-roster TỆP.xlsx [--unit MÃ_ĐV]   xuất danh sách ra Excel
  import-questions TỆP [--bank MÃ] [--dry-run] [--json]
                                          nhập câu hỏi từ Word .docx, Excel .xlsx, GIFT, Aiken
  assessment publish ID                   phát hành bài khảo sát (cố định câu hỏi và mã đề)
  report ID --format xlsx|pdf|csv [--unit MÃ_ĐV] --out TỆP
                                          báo cáo kết quả và thống kê của bài khảo sát
  assessment export-variants ID THƯ_MỤC   xuất từng mã đề ra Word và PDF, kèm đáp án
  backup TỆP                              sao lưu trực tuyến tệp SQLite
  report-classes [--unit MÃ_ĐV] --year NĂM [--quarter QUÝ] --format xlsx|pdf --out TỆP
                                          báo cáo lớp bồi dưỡng của trung tâm, xã hoặc cả tỉnh

Cấu hình: PORT, DATA_DIR (mặc định ./data), DATABASE_URL (postgres://… để dùng PostgreSQL).
Mã thoát: 0 thành công; 2 tệp nhập còn lỗi; 1 lỗi khác.`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve': {
        const { startServer } = await import('../server/main.ts');
        await startServer();
        return await new Promise<number>(() => {});
      }
      case 'migrate':
        return (await import('./commands/admin.ts')).migrateCommand();
      case 'create-admin': {
        const { values } = parseArgs({ args: rest, options: { username: { type: 'string' } } });
        return (await import('./commands/admin.ts')).createAdminCommand(values);
      }
      case 'backup': {
        const { positionals } = parseArgs({ args: rest, allowPositionals: true });
        if (!positionals[0]) throw new CliError('Thiếu tên tệp sao lưu: npx boiduong backup TỆP');
        return (await import('./commands/admin.ts')).backupCommand(positionals[0]);
      }
      case 'import-roster': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: {
          under: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
        if (!positionals[0]) throw new CliError('Thiếu tệp Excel: npx boiduong import-roster TỆP.xlsx');
        return (await import('./commands/roster.ts')).importRosterCommand(positionals[0],
          { under: values.under, dryRun: values['dry-run']!, json: values.json! });
      }
      case 'import-questions': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: {
          bank: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
        if (!positionals[0]) throw new CliError('Thiếu tệp câu hỏi: npx boiduong import-questions TỆP');
        return (await import('./commands/questions.ts')).importQuestionsCommand(positionals[0],
          { bank: values.bank, dryRun: values['dry-run']!, json: values.json! });
      }
      case 'assessment': {
        const [sub, ...args] = rest;
        const commands = await import('./commands/assessment.ts');
        if (sub === 'publish') return commands.publishCommand(args[0]);
        if (sub === 'export-variants') return commands.exportVariantsCommand(args[0], args[1]);
        throw new CliError('Dùng: npx boiduong assessment publish ID | assessment export-variants ID THƯ_MỤC');
      }
      case 'report': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: {
          format: { type: 'string' }, unit: { type: 'string' }, out: { type: 'string' } } });
        return (await import('./commands/report.ts')).reportCommand(positionals[0], values);
      }
      case 'export-roster': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { unit: { type: 'string' } } });
        if (!positionals[0]) throw new CliError('Thiếu tên tệp: npx boiduong export-roster TỆP.xlsx');
        return (await import('./commands/roster.ts')).exportRosterCommand(positionals[0], values);
      }
      case 'report-classes': {
        const { values } = parseArgs({ args: rest, options: { unit: { type: 'string' }, year: { type: 'string' },
          quarter: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } } });
        return (await import('./commands/report-classes.ts')).reportClassesCommand(values);
      }
      case 'demo': {
        const { values } = parseArgs({ args: rest, options: {
          'no-serve': { type: 'boolean', default: false }, people: { type: 'string' } } });
        return (await import('./commands/demo.ts')).demoCommand({ serve: !values['no-serve'], people: values.people ? Number(values.people) : undefined });
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(HELP);
        return command ? 0 : 1;
      default:
        console.error(`Lệnh không tồn tại: ${command}\n\n${HELP}`);
        return 1;
    }
  } catch (err) {
    if (err instanceof CliError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`Lỗi: ${err.message}`);
      return 1;
    }
    if (err instanceof AppError) {
      console.error(`Lỗi: ${err.message}`);
      const problems = (err.details as { problems?: { row: number; column: string; message: string }[] } | undefined)?.problems;
      for (const p of problems ?? []) console.error(`  Dòng ${p.row}, cột "${p.column}": ${p.message}`);
      return 1;
    }
    throw err;
  }
}
