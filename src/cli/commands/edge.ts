/** `boiduong edge`: prepares this laptop as a site's edge server (once), then serves the survey on the site's network. */
import fs from 'node:fs';
import { loadConfig } from '../../config.ts';
import { migrateToLatest, openDatabase } from '../../server/db/database.ts';
import { isPrepared } from '../../server/edge/import-bundle.ts';
import { fetchBundle, prepareEdgeDatabase } from '../../server/edge/prepare.ts';
import { slipsCsv } from '../../server/edge/slips.ts';
import { CliError, UsageError } from '../cli-context.ts';
import type { RunningServer } from '../../server/main.ts';

export async function edgeCommand(opts: {
  upstream?: string;
  site?: string;
  username?: string;
  name?: string;
  slips?: string;
}): Promise<number> {
  const config = loadConfig();
  if (config.databaseUrl) throw new UsageError('Máy điểm cầu dùng SQLite trong DATA_DIR: hãy bỏ DATABASE_URL.');
  const handle = openDatabase(config);
  let prepared: boolean;
  try {
    await migrateToLatest(handle.db);
    prepared = await isPrepared(handle.db);
  } finally {
    await handle.destroy();
  }
  if (!prepared && !opts.upstream && !opts.site && !opts.username) {
    const { startEdgeSetup } = await import('../../server/edge/setup-server.ts');
    const setup = await startEdgeSetup(config);
    console.log(
      `Máy chưa được chuẩn bị. Mở ${setup.url} trên trình duyệt CỦA CHÍNH MÁY NÀY để đăng nhập máy chủ tỉnh và chọn điểm cầu\n`
        + '(hoặc chạy lại với --upstream ĐỊA_CHỈ_TỈNH --site SỐ_ĐIỂM_CẦU --username TÊN).',
    );
    return serve(await setup.ready);
  }
  if (!prepared) {
    if (!opts.upstream || !opts.site || !opts.username) {
      throw new UsageError(
        'Chuẩn bị máy lần đầu cần --upstream ĐỊA_CHỈ_TỈNH --site SỐ_ĐIỂM_CẦU --username TÊN (mật khẩu trong BOIDUONG_UPSTREAM_PASSWORD), '
          + 'hoặc chạy không tham số rồi chuẩn bị trên trình duyệt của máy này.',
      );
    }
    const password = process.env.BOIDUONG_UPSTREAM_PASSWORD;
    if (!password) throw new UsageError('Đặt mật khẩu của giám sát điểm cầu vào biến môi trường BOIDUONG_UPSTREAM_PASSWORD.');
    const siteId = Number(opts.site);
    if (!Number.isInteger(siteId) || siteId < 1) throw new UsageError(`Mã điểm cầu không hợp lệ: ${opts.site}`);
    const slipsFile = opts.slips ?? `ma-du-thi-diem-cau-${siteId}.csv`;
    const { bundle, slips, leftOnProvince } = await fetchBundle({
      upstream: opts.upstream,
      siteId,
      username: opts.username,
      password,
      name: opts.name,
    }).catch((err: unknown) => {
      throw new CliError(err instanceof Error ? err.message : String(err));
    });
    await prepareEdgeDatabase(config, bundle, opts.upstream);
    fs.writeFileSync(slipsFile, slipsCsv(slips), { mode: 0o600 });
    console.log(
      `Đã chuẩn bị máy cho điểm cầu "${bundle.edge.siteName}": ${bundle.people.length} người, ${bundle.assessments.length} bài khảo sát.\n`
        + `Mã dự thi: ${slipsFile} — in ra, phát cho từng người, rồi XÓA tệp này (máy không giữ mã, chỉ giữ bản băm).`,
    );
    if (leftOnProvince.length > 0) {
      console.log(`Không đưa lên máy này (làm bài trên máy chủ tỉnh nếu được phép):`);
      for (const l of leftOnProvince) console.log(`  - ${l.fullName} (${l.unitName}), "${l.survey}": ${l.reason}`);
    }
  }
  const { startServer } = await import('../../server/main.ts');
  return serve(await startServer(config));
}

async function serve(server: RunningServer): Promise<number> {
  console.log(`Máy chủ điểm cầu đang chạy: ${server.url} (người dự thi mở địa chỉ IP của máy này trong mạng nội bộ).`);
  return await new Promise<number>(() => {});
}
