/** The downloadable roster template: the list sheet with two example rows, and a "Hướng dẫn" sheet. */
import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS } from '../../../domain/roster-import/header.ts';
import type { RosterField } from '../../../domain/roster-import/types.ts';
import { POSITION_LABELS, SCHOOL_LEVEL_LABELS } from '../../../domain/roster.ts';

export const TEMPLATE_TITLE = 'DANH SÁCH CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN';
export const TEMPLATE_HEADER_ROW = 3;
const LAST_INPUT_ROW = 1000;

interface ColumnSpec {
  width: number;
  /** Text format, so Excel keeps leading zeros and does not reinterpret dd/mm/yyyy by the computer's locale. */
  text?: boolean;
  required: string;
  guide: string;
  choices?: string[];
}

const ID_REQUIRED = 'Cần Mã định danh hoặc Số CCCD';

const SPECS: Record<RosterField, ColumnSpec> = {
  fullName: {
    width: 26,
    required: 'Bắt buộc',
    guide: 'Họ và tên đầy đủ, có dấu, ví dụ: Nguyễn Văn An. Gõ chữ in hoa toàn bộ cũng được, hệ thống tự chuyển thành chữ hoa đầu từ.',
  },
  birthDate: {
    width: 13,
    text: true,
    required: 'Không',
    guide: 'Ngày/tháng/năm theo dạng dd/mm/yyyy, ví dụ 15/03/1985, hoặc chỉ năm sinh (1985) nếu không rõ ngày. Tuổi phải từ 17 đến 80.',
  },
  gender: { width: 10, required: 'Không', guide: 'Nam hoặc Nữ.', choices: ['Nam', 'Nữ'] },
  staffId: {
    width: 16,
    text: true,
    required: ID_REQUIRED,
    guide: 'Mã định danh ngành giáo dục: chỉ gồm chữ số (từ 4 đến 20 chữ số), giữ nguyên các số 0 ở đầu. Không được trùng giữa các dòng.',
  },
  citizenId: {
    width: 16,
    text: true,
    required: ID_REQUIRED,
    guide: 'Số căn cước công dân: 12 chữ số (hoặc 9 chữ số nếu là CMND cũ), giữ nguyên các số 0 ở đầu. Không được trùng giữa các dòng.',
  },
  unitName: { width: 32, required: 'Bắt buộc', guide: 'Tên trường hoặc đơn vị công tác, ví dụ: Trường THCS Lê Lợi.' },
  communeName: { width: 20, required: 'Không', guide: 'Xã/phường nơi đơn vị đóng (theo đơn vị hành chính hiện nay), ví dụ: Xã Tân Lập.' },
  position: {
    width: 18,
    required: 'Bắt buộc',
    guide: `Chức vụ, chức danh như đơn vị vẫn ghi (Hiệu trưởng, Tổ trưởng chuyên môn, Giáo viên chủ nhiệm, Kế toán, Văn thư – Thủ quỹ…), hoặc một trong: ${Object.values(POSITION_LABELS).join(', ')}. Chức vụ được giữ nguyên như ghi và xếp vào nhóm để thống kê; chức vụ hệ thống chưa biết sẽ được hỏi một lần khi xem trước.`,
  },
  positionGroup: {
    width: 16,
    required: 'Không',
    guide: `Nhóm để thống kê: ${Object.values(POSITION_LABELS).join(', ')}. Có cột này thì dùng nhóm ghi ở đây thay cho nhóm suy ra từ Chức vụ.`,
    choices: Object.values(POSITION_LABELS),
  },
  schoolLevel: {
    width: 12,
    required: 'Không',
    guide: `Một trong: ${Object.values(SCHOOL_LEVEL_LABELS).join(', ')} (TH&THCS, THCS&THPT là Liên cấp).`,
    choices: Object.values(SCHOOL_LEVEL_LABELS),
  },
  partyMember: {
    width: 11,
    required: 'Không',
    guide: 'Đánh "x" hoặc "Có" nếu là đảng viên; để trống nếu không phải.',
    choices: ['x', 'Có'],
  },
  partyJoinedOn: {
    width: 15,
    text: true,
    required: 'Không',
    guide: 'Ngày vào Đảng theo dạng dd/mm/yyyy. Có ngày vào Đảng thì được tính là đảng viên.',
  },
  theoryLevel: {
    width: 15,
    required: 'Không',
    guide: 'Trình độ lý luận chính trị: Sơ cấp, Trung cấp, Cao cấp, Cử nhân…; để trống nếu chưa có.',
  },
  phone: { width: 14, text: true, required: 'Không', guide: 'Số điện thoại: từ 9 đến 11 chữ số, ví dụ 0912345678.' },
  email: { width: 28, required: 'Không', guide: 'Địa chỉ thư điện tử, ví dụ: nguyenvanan@example.edu.vn.' },
  legacyDistrict: { width: 18, required: 'Không', guide: 'Huyện/thị xã/thành phố cũ (trước khi sắp xếp đơn vị hành chính), nếu cần.' },
  extraMinutes: {
    width: 14,
    required: 'Không',
    guide:
      'Số phút được cộng thêm khi làm bài khảo sát (0 đến 240), ví dụ 30 cho người khuyết tật hoặc ở nơi mạng yếu; để trống nếu không cộng thêm. Không có cột này thì giữ nguyên thời gian cộng thêm đã lưu.',
  },
};

const EXAMPLES: Partial<Record<RosterField, string>>[] = [
  {
    fullName: 'Nguyễn Văn An',
    birthDate: '15/03/1985',
    gender: 'Nam',
    staffId: '0100123456',
    citizenId: '038085001234',
    unitName: 'Trường THCS Lê Lợi',
    communeName: 'Xã Tân Lập',
    position: 'Giáo viên',
    schoolLevel: 'THCS',
    partyMember: 'x',
    partyJoinedOn: '19/05/2012',
    theoryLevel: 'Sơ cấp',
    phone: '0912345678',
    email: 'nguyenvanan@example.edu.vn',
    legacyDistrict: 'Huyện Tân Lập',
  },
  {
    fullName: 'Trần Thị Bình',
    birthDate: '02/09/1990',
    gender: 'Nữ',
    staffId: '0100123457',
    citizenId: '038190004321',
    unitName: 'Trường Tiểu học Kim Đồng',
    communeName: 'Phường Đông Sơn',
    position: 'Cán bộ quản lý',
    schoolLevel: 'Tiểu học',
    phone: '0987654321',
  },
];

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF9E9E9E' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

// exceljs supports range data validations but its typings do not declare worksheet.dataValidations.
type WithValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

function addListSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Danh sách', { views: [{ state: 'frozen', xSplit: 0, ySplit: TEMPLATE_HEADER_ROW }] });
  const headers = ['STT', ...ROSTER_COLUMNS.map((c) => c.label)];
  sheet.columns = [{ width: 6 }, ...ROSTER_COLUMNS.map((c) => ({ width: SPECS[c.field].width }))];

  sheet.mergeCells(1, 1, 1, headers.length);
  const title = sheet.getCell(1, 1);
  title.value = TEMPLATE_TITLE;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 24;

  const header = sheet.getRow(TEMPLATE_HEADER_ROW);
  header.values = headers;
  header.height = 30;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BOX;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });

  EXAMPLES.forEach((example, i) => {
    const row = sheet.getRow(TEMPLATE_HEADER_ROW + 1 + i);
    row.values = [i + 1, ...ROSTER_COLUMNS.map((c) => example[c.field] ?? null)];
    row.font = { italic: true, color: { argb: 'FF595959' } };
  });

  ROSTER_COLUMNS.forEach((c, i) => {
    const spec = SPECS[c.field];
    const column = sheet.getColumn(i + 2);
    if (spec.text) column.numFmt = '@';
    if (!spec.choices) return;
    const letter = column.letter;
    (sheet as unknown as WithValidations).dataValidations.add(`${letter}${TEMPLATE_HEADER_ROW + 1}:${letter}${LAST_INPUT_ROW}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${spec.choices.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: c.label,
      error: spec.guide,
    });
  });
}

function addGuideSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Hướng dẫn');
  sheet.columns = [{ width: 18 }, { width: 30 }, { width: 90 }];
  const notes = [
    'HƯỚNG DẪN ĐIỀN DANH SÁCH',
    `Điền từ dòng ${TEMPLATE_HEADER_ROW + 1} của trang "Danh sách", mỗi người một dòng; giữ nguyên dòng tiêu đề (dòng ${TEMPLATE_HEADER_ROW}).`,
    'Hai dòng chữ nghiêng là ví dụ: hãy ghi đè hoặc xoá trước khi gửi.',
    'Các cột ngày, mã định danh, số CCCD, điện thoại đã được định dạng Văn bản để giữ các số 0 ở đầu; không đổi định dạng các cột này.',
  ];
  notes.forEach((text, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    if (i === 0) cell.font = { bold: true, size: 13 };
  });
  const top = notes.length + 2;
  const header = sheet.getRow(top);
  header.values = ['Cột', 'Bắt buộc', 'Cách nhập'];
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BOX;
  });
  const rows: [string, string, string][] = [
    ['STT', 'Không', 'Số thứ tự, chỉ để tiện theo dõi.'],
    ...ROSTER_COLUMNS.map((c): [string, string, string] => [c.label, SPECS[c.field].required, SPECS[c.field].guide]),
  ];
  rows.forEach((values, i) => {
    const row = sheet.getRow(top + 1 + i);
    row.values = values;
    row.eachCell((cell) => {
      cell.border = BOX;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  });
}

export async function buildRosterTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bồi dưỡng';
  addListSheet(workbook);
  addGuideSheet(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
