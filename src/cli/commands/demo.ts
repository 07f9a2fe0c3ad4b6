import { loadConfig } from '../../config.ts';
import { systemClock, type AppContext } from '../../server/context.ts';
import { hasPeople, seedDemo } from '../../server/demo/seed-demo.ts';
import { seedDemoAssessment } from '../../server/demo/seed-assessment.ts';
import { demoStartNote } from '../../server/demo/start-note.ts';
import { migrateToLatest, openDatabase } from '../../server/db/database.ts';
import { bootstrap } from '../../server/bootstrap.ts';
import { printFirstAdmin, startServer } from '../../server/main.ts';

/** Seeds a generated province into a database that has no people yet, then serves unless told not to. */
export async function demoCommand(opts: { serve: boolean; people?: number }): Promise<number> {
  const config = loadConfig();
  const handle = openDatabase(config);
  try {
    await migrateToLatest(handle.db);
    const ctx: AppContext = { db: handle.db, dialect: handle.dialect, config, clock: systemClock };
    const admin = await bootstrap(ctx);
    if (admin) printFirstAdmin(admin);
    if (await hasPeople(ctx)) {
      console.log('Cơ sở dữ liệu đã có danh sách nhân sự: bỏ qua bước tạo dữ liệu mẫu (dùng DATA_DIR mới để tạo lại).');
    } else {
      const started = Date.now();
      const { province, accounts, campaignId, marks, materials } = await seedDemo(ctx, { people: opts.people });
      const survey = await seedDemoAssessment(ctx);
      console.log(
        `Đã tạo tỉnh mẫu: ${province.units.length} đơn vị, ${province.people.length.toLocaleString('vi-VN')} người (${((Date.now() - started) / 1000).toFixed(1)} giây).`,
      );
      console.log(`Ngân hàng 30 câu hỏi mẫu và bài "${survey.title}" (20 câu, 30 phút) đang mở cho toàn tỉnh.`);
      console.log(
        `Bài năm trước "${survey.lastYear.title}": ${survey.lastYear.attempts.toLocaleString('vi-VN')} bài đã chấm, xem thống kê ngay.`,
      );
      console.log(`Đợt bồi dưỡng hè: điểm danh đã ghi ${marks.toLocaleString('vi-VN')} lượt, ${materials} tài liệu.`);
      console.log('\nTài khoản dùng thử (mật khẩu chỉ in một lần):');
      for (const a of accounts) {
        console.log(`  ${a.label.padEnd(32)} ${a.username.padEnd(12)} mật khẩu: ${a.password}   ${a.fullName}, ${a.unitName}`);
      }
      console.log('');
      for (const line of demoStartNote({
        baseUrl: `http://localhost:${config.port}`,
        accounts,
        surveyId: survey.assessmentId,
        lastYear: survey.lastYear,
        campaignId,
      }))
        console.log(line);
      console.log('');
    }
  } finally {
    await handle.destroy();
  }
  if (!opts.serve) return 0;
  await startServer(config);
  return new Promise<number>(() => {});
}
