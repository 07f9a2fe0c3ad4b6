/**
 * npm run bench:roster [-- --rows N --office]: builds a roster .xlsx of N people (default 10,000) over 50 communes of
 * 4 schools each, then times the preview (read in the parsing child as on the server, checked, planned, stored) and
 * the one-transaction commit into a fresh SQLite database (or DATABASE_URL). --office writes it as a school office does:
 * job titles instead of categories, abbreviated school names, years of birth and a footer under the table.
 * Prints figures and one JSON line; never fails on a time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { loadConfig } from '../src/config.ts';
import { systemActor } from '../src/cli/cli-context.ts';
import { ensureRootUnit } from '../src/server/bootstrap.ts';
import { buildUser } from '../src/server/test/builders.ts';
import type { AppContext } from '../src/server/context.ts';
import { systemClock } from '../src/server/context.ts';
import { migrateToLatest, openDatabase } from '../src/server/db/database.ts';
import { commitStoredImport, previewImport } from '../src/server/modules/roster-import/service.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000' }, office: { type: 'boolean', default: false } } });
const rows = Number(values.rows);
const office = values.office!;
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const TITLES = office
  ? [
      'Giáo viên',
      'Tổ trưởng chuyên môn',
      'Giáo viên chủ nhiệm',
      'Tổ phó',
      'Hiệu trưởng',
      'Phó Hiệu trưởng',
      'Kế toán',
      'Văn thư – Thủ quỹ',
      'Nhân viên hợp đồng',
    ]
  : ['Giáo viên', 'Giáo viên', 'Giáo viên', 'Hiệu trưởng', 'Phó Hiệu trưởng', 'Nhân viên', 'Kế toán'];
const LEVELS = office ? ['MN', 'TH', 'THCS', 'PTDTBT TH&THCS'] : ['Trường Mầm non', 'Trường Tiểu học', 'Trường THCS', 'Trường TH&THCS'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Lò', 'Vàng', 'Giàng'];
const GIVEN = ['Văn An', 'Thị Bình', 'Văn Cường', 'Thị Dung', 'Văn Đức', 'Thị Hoa', 'Văn Hùng', 'Thị Lan', 'Văn Minh', 'Thị Nga'];

const workbook = new ExcelJS.Workbook();
const sheet = workbook.addWorksheet('Danh sách');
sheet.getCell('A1').value = 'SỞ GIÁO DỤC VÀ ĐÀO TẠO';
sheet.mergeCells('A1:D1');
sheet.getCell('A2').value = 'DANH SÁCH CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN';
sheet.mergeCells('A2:I2');
sheet.getRow(4).values = [
  'STT',
  'Họ và tên',
  office ? 'Năm sinh' : 'Ngày sinh',
  'Giới tính',
  'Số CCCD',
  'Đơn vị',
  'Xã/Phường',
  'Chức vụ',
  'Đảng viên',
];
for (let i = 0; i < rows; i++) {
  const commune = i % 50;
  const school = `${LEVELS[(i >> 3) % 4]} Xã Số ${commune + 1}`;
  const year = 1966 + (i % 36);
  sheet.getRow(5 + i).values = [
    i + 1,
    `${FAMILY[i % FAMILY.length]} ${GIVEN[(i * 7) % GIVEN.length]}`,
    office ? year : `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/${year}`,
    i % 3 === 0 ? 'Nam' : 'Nữ',
    `0010${String(year).slice(2)}${String(i).padStart(6, '0')}`,
    school,
    `Xã Số ${commune + 1}`,
    TITLES[i % TITLES.length],
    i % 4 === 0 ? 'x' : null,
  ];
}
if (office) {
  const r = 5 + rows;
  sheet.getCell(`A${r}`).value = `Tổng cộng: ${rows} người`;
  sheet.mergeCells(`A${r}:E${r}`);
  sheet.getCell(`F${r + 2}`).value = 'Lào Cai, ngày 15 tháng 9 năm 2026';
  sheet.getCell(`B${r + 3}`).value = 'NGƯỜI LẬP BIỂU';
  sheet.getCell(`F${r + 3}`).value = 'GIÁM ĐỐC';
  sheet.getCell(`B${r + 7}`).value = 'Vàng Thị Dung';
  sheet.getCell(`F${r + 7}`).value = 'Lù Văn Sáng';
}
const file = Buffer.from(await workbook.xlsx.writeBuffer());
console.log(`Tệp Excel: ${rows} dòng${office ? ' (kiểu văn phòng)' : ''}, ${(file.length / 1_048_576).toFixed(1)} MB`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-bench-roster-'));
const config = { ...loadConfig(), dataDir };
const handle = openDatabase(config);
await migrateToLatest(handle.db);
const ctx: AppContext = { db: handle.db, dialect: handle.dialect, config, clock: systemClock, parseFiles: 'child' };
const root = await ensureRootUnit(ctx);
// A stored preview belongs to a real user: an organiser of the whole province, as in the office.
const organiser = await buildUser(ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
const actor = { ...(await systemActor(ctx)), userId: organiser.userId };

let started = performance.now();
const preview = await previewImport(ctx, actor, { file, fileName: 'bench.xlsx', underUnitId: root.id, store: true });
const previewMs = performance.now() - started;
started = performance.now();
const written = preview.importId === null ? null : await commitStoredImport(ctx, actor, preview.importId, preview.unitsToCreate);
const commitMs = performance.now() - started;
clearInterval(sampler);

console.log(
  `Xem trước (${handle.dialect}): ${previewMs.toFixed(0)} ms — ${preview.valid} hợp lệ, ${preview.problems.length} lỗi, `
    + `${preview.unitsToCreate.length} đơn vị mới, ${preview.skipped?.length ?? 0} dòng chân trang bỏ qua`,
);
console.log(`Ghi: ${commitMs.toFixed(0)} ms — ${JSON.stringify(written)}`);
console.log(`Bộ nhớ đỉnh (RSS, không kể tiến trình con đọc tệp): ${(peakRss / 1_048_576).toFixed(0)} MB`);
console.log(
  JSON.stringify({
    rows,
    office,
    db: handle.dialect,
    preview_ms: Math.round(previewMs),
    commit_ms: Math.round(commitMs),
    created: written?.created ?? 0,
    problems: preview.problems.length,
    peak_rss_mb: Math.round(peakRss / 1_048_576),
  }),
);
await handle.destroy();
fs.rmSync(dataDir, { recursive: true, force: true });
