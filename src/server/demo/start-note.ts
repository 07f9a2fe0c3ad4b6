/** The "where to start" note the demo prints under its accounts: which account, which page first, what to look at. */
import type { DemoAccount } from './seed-demo.ts';

export interface DemoStartInput {
  baseUrl: string;
  accounts: DemoAccount[];
  lastYear: { assessmentId: number; miskeyedOrdinal: number | null };
  surveyId: number;
  campaignId: number | null;
}

export function demoStartNote(input: DemoStartInput): string[] {
  const account = (role: DemoAccount['role']) => input.accounts.find((a) => a.role === role);
  const organizer = account('organizer');
  const lines = ['Bắt đầu từ đây:'];
  lines.push(`  1. Mở ${input.baseUrl}/dang-nhap, đăng nhập tài khoản Ban tổ chức (Sở)${organizer ? ` ${organizer.username}` : ''}.`);
  lines.push(
    `  2. Trang đầu tiên nên xem: ${input.baseUrl}/bai-khao-sat/${input.lastYear.assessmentId} — thống kê bài năm trước`
      + ' (phổ điểm, xếp loại theo đơn vị, tải báo cáo Excel/PDF).',
  );
  if (input.lastYear.miskeyedOrdinal !== null) {
    lines.push(
      `     Cuối trang, "Phân tích câu hỏi": câu ${input.lastYear.miskeyedOrdinal + 1} bị cảnh báo có thể sai đáp án —`
        + ' bấm "Sửa đáp án" để chấm lại toàn bộ bài.',
    );
  }
  if (input.campaignId !== null) {
    lines.push(
      `  3. ${input.baseUrl}/dot-boi-duong/${input.campaignId} — đợt bồi dưỡng hè: tài liệu, điểm cầu, lịch học, tab "Chuyên cần"`
        + ' (đã điểm danh các buổi đã học, một buổi còn chờ điểm danh).',
    );
  }
  lines.push(
    `  4. ${input.baseUrl}/bai-khao-sat/${input.surveyId}/giam-sat — giám sát bài khảo sát đang mở; đăng nhập tài khoản Học viên`
      + ` trong cửa sổ ẩn danh (${input.baseUrl}/thi) để làm bài và xem màn hình giám sát thay đổi.`,
  );
  const principal = account('unit_manager');
  const proctor = account('proctor');
  if (principal) lines.push(`  Hiệu trưởng (${principal.username}): ${input.baseUrl}/nhan-su — danh sách trường, in phiếu đăng nhập.`);
  if (proctor) lines.push(`  Giám sát (${proctor.username}): ${input.baseUrl}/diem-danh — điểm danh trên điện thoại.`);
  return lines;
}
