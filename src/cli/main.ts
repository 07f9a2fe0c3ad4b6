import { parseArgs } from 'node:util';
import { AppError } from '../server/errors.ts';
import { ConfigError } from '../config.ts';
import { isDatabaseUnavailable } from '../server/db/unavailable.ts';
import { CliError, UsageError } from './cli-context.ts';

const HELP = `Bồi dưỡng — công cụ dòng lệnh

Cách dùng: npx boiduong <lệnh> [tùy chọn]

  serve                                   chạy máy chủ web (PORT, mặc định 3000)
  migrate                                 cập nhật cấu trúc cơ sở dữ liệu
  edge [--upstream URL --site SỐ --username TÊN] [--name TÊN_MÁY] [--slips TỆP.csv]   (không tham số: chuẩn bị trên trình duyệt)
                                          chuẩn bị máy này làm máy chủ điểm cầu (lần đầu; mật khẩu trong
                                          BOIDUONG_UPSTREAM_PASSWORD) rồi phục vụ bài khảo sát tại điểm cầu
  demo [--no-serve] [--people N]          tạo tỉnh mẫu (khoảng 10.000 người) rồi chạy máy chủ
  create-admin [--username TÊN]           tạo (hoặc cấp lại mật khẩu cho) tài khoản quản trị
  import-roster TỆP.xlsx [--under MÃ_ĐV] [--create-units] [--title "CHỨC VỤ=NHÓM"]… [--dry-run] [--json]
                                          nhập danh sách cán bộ, giáo viên từ Excel (đơn vị mới chỉ
                                          được tạo khi có --create-units; --title xếp nhóm một chức vụ lạ)
  export-roster TỆP.xlsx [--unit MÃ_ĐV]   xuất danh sách ra Excel
  import-questions TỆP [--bank MÃ] [--dry-run] [--json]
                                          nhập câu hỏi từ Word .docx, Excel .xlsx, GIFT, Aiken
  export-questions --bank MÃ --format docx|xlsx|gift|aiken|qti --out TỆP
                                          xuất ngân hàng câu hỏi (báo trên stderr những gì định dạng không mang được)
  assessment publish ID                   phát hành bài khảo sát (cố định câu hỏi và mã đề)
  report ID --format xlsx|pdf|csv|csv-intl [--unit MÃ_ĐV] --out TỆP
                                          báo cáo kết quả và thống kê của bài khảo sát
  assessment export-variants ID THƯ_MỤC   xuất từng mã đề ra Word và PDF, kèm đáp án
  backup TỆP                              sao lưu trực tuyến tệp SQLite
  report-classes [--unit MÃ_ĐV] --year NĂM [--quarter QUÝ] --format xlsx|pdf --out TỆP
                                          báo cáo lớp bồi dưỡng của trung tâm, xã hoặc cả tỉnh

Cấu hình: PORT, DATA_DIR (mặc định ./data), DATABASE_URL (postgres://… để dùng PostgreSQL).
Mã thoát: 0 thành công; 1 lỗi khi thực hiện; 2 dùng sai lệnh (thiếu, sai tham số hoặc lệnh không có) hoặc tệp nhập còn lỗi.
BOIDUONG_DEBUG=1: in thêm chi tiết kỹ thuật khi có lỗi.`;

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/**
 * Runs one command and returns its exit code. Every error ends here as `Lỗi: …` on one line of stderr (AppError and
 * CliError say it in Vietnamese; anything else gets a general sentence, and its stack only with BOIDUONG_DEBUG=1).
 */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    // Awaited here, inside the try: a command's rejected promise must reach the catch below, not the top level.
    return await run(command, rest);
  } catch (err) {
    return reportError(err);
  }
}

async function run(command: string | undefined, rest: string[]): Promise<number> {
  switch (command) {
    case 'serve': {
      const { startServer } = await import('../server/main.ts');
      await startServer();
      return await new Promise<number>(() => {});
    }
    case 'edge': {
      const { values } = parseArgs({
        args: rest,
        options: {
          upstream: { type: 'string' },
          site: { type: 'string' },
          username: { type: 'string' },
          name: { type: 'string' },
          slips: { type: 'string' },
        },
      });
      return (await import('./commands/edge.ts')).edgeCommand(values);
    }
    case 'migrate':
      return (await import('./commands/admin.ts')).migrateCommand();
    case 'create-admin': {
      const { values } = parseArgs({ args: rest, options: { username: { type: 'string' } } });
      return (await import('./commands/admin.ts')).createAdminCommand(values);
    }
    case 'backup': {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true });
      if (!positionals[0]) throw new UsageError('Thiếu tên tệp sao lưu: npx boiduong backup TỆP');
      return (await import('./commands/admin.ts')).backupCommand(positionals[0]);
    }
    case 'import-roster': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          under: { type: 'string' },
          'dry-run': { type: 'boolean', default: false },
          json: { type: 'boolean', default: false },
          'create-units': { type: 'boolean', default: false },
          title: { type: 'string', multiple: true, default: [] },
        },
      });
      if (!positionals[0]) throw new UsageError('Thiếu tệp Excel: npx boiduong import-roster TỆP.xlsx');
      return (await import('./commands/roster.ts')).importRosterCommand(positionals[0], {
        under: values.under,
        dryRun: values['dry-run']!,
        json: values.json!,
        createUnits: values['create-units']!,
        titles: values.title!,
      });
    }
    case 'import-questions': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          bank: { type: 'string' },
          'dry-run': { type: 'boolean', default: false },
          json: { type: 'boolean', default: false },
        },
      });
      if (!positionals[0]) throw new UsageError('Thiếu tệp câu hỏi: npx boiduong import-questions TỆP');
      return (await import('./commands/questions.ts')).importQuestionsCommand(positionals[0], {
        bank: values.bank,
        dryRun: values['dry-run']!,
        json: values.json!,
      });
    }
    case 'export-questions': {
      const { values } = parseArgs({
        args: rest,
        options: { bank: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
      });
      return (await import('./commands/export-questions.ts')).exportQuestionsCommand(values);
    }
    case 'assessment': {
      const [sub, ...args] = rest;
      const commands = await import('./commands/assessment.ts');
      if (sub === 'publish') return commands.publishCommand(args[0]);
      if (sub === 'export-variants') return commands.exportVariantsCommand(args[0], args[1]);
      throw new UsageError('Dùng: npx boiduong assessment publish ID | assessment export-variants ID THƯ_MỤC');
    }
    case 'report': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          format: { type: 'string' },
          unit: { type: 'string' },
          out: { type: 'string' },
        },
      });
      return (await import('./commands/report.ts')).reportCommand(positionals[0], values);
    }
    case 'export-roster': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { unit: { type: 'string' } } });
      if (!positionals[0]) throw new UsageError('Thiếu tên tệp: npx boiduong export-roster TỆP.xlsx');
      return (await import('./commands/roster.ts')).exportRosterCommand(positionals[0], values);
    }
    case 'report-classes': {
      const { values } = parseArgs({
        args: rest,
        options: {
          unit: { type: 'string' },
          year: { type: 'string' },
          quarter: { type: 'string' },
          format: { type: 'string' },
          out: { type: 'string' },
        },
      });
      return (await import('./commands/report-classes.ts')).reportClassesCommand(values);
    }
    case 'demo': {
      const { values } = parseArgs({
        args: rest,
        options: {
          'no-serve': { type: 'boolean', default: false },
          people: { type: 'string' },
        },
      });
      return (await import('./commands/demo.ts')).demoCommand({
        serve: !values['no-serve'],
        people: values.people ? Number(values.people) : undefined,
      });
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return EXIT.ok;
    case undefined:
      console.log(HELP);
      return EXIT.usage;
    default:
      throw new UsageError(`Lệnh không tồn tại: ${command}. Xem các lệnh: npx boiduong help`);
  }
}

function reportError(err: unknown): number {
  const debug = process.env.BOIDUONG_DEBUG === '1';
  const stack = () => {
    if (debug && err instanceof Error && err.stack) console.error(err.stack);
  };
  if (err instanceof ConfigError) {
    console.error(`Lỗi: ${oneLine(err.message)}`);
    stack();
    return EXIT.usage;
  }
  if (err instanceof CliError) {
    console.error(`Lỗi: ${err.message}`);
    stack();
    return err instanceof UsageError ? EXIT.usage : EXIT.failure;
  }
  const argsMessage = parseArgsMessage(err);
  if (argsMessage) {
    console.error(`Lỗi: ${argsMessage} Xem: npx boiduong help`);
    stack();
    return EXIT.usage;
  }
  if (err instanceof AppError) {
    console.error(`Lỗi: ${oneLine(err.message)}`);
    const problems = (err.details as { problems?: { row: number; column: string; message: string }[] } | undefined)?.problems;
    for (const p of problems ?? []) console.error(`  Dòng ${p.row}, cột "${p.column}": ${p.message}`);
    stack();
    return EXIT.failure;
  }
  const detail = err instanceof Error ? oneLine(err.message) : oneLine(String(err));
  const code = (err as { code?: unknown } | null)?.code;
  if (isDatabaseUnavailable(err)) {
    console.error(
      `Lỗi: Không kết nối được cơ sở dữ liệu hoặc cơ sở dữ liệu đang bận (${detail}). Kiểm tra DATABASE_URL, DATA_DIR rồi thử lại.`,
    );
  } else if (code === 'EADDRINUSE') {
    console.error(`Lỗi: Cổng đã có chương trình khác dùng (${detail}). Đặt biến PORT khác rồi chạy lại.`);
  } else {
    console.error(`Lỗi: Đã xảy ra lỗi ngoài dự kiến (${detail}). Chạy lại với BOIDUONG_DEBUG=1 để xem chi tiết.`);
  }
  stack();
  return EXIT.failure;
}

const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/** node:util parseArgs errors, in Vietnamese; null for anything else. */
function parseArgsMessage(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (!(err instanceof TypeError) || typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return null;
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Tùy chọn không có: ${quoted}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `Tùy chọn ${quoted.split(' ')[0]} cần một giá trị.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Lệnh này không nhận tham số ${quoted}.`;
    default:
      return 'Tham số dòng lệnh không hợp lệ.';
  }
}
