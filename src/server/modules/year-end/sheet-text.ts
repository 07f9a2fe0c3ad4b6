/** The words and numbers both year-end files print, so the Excel and the PDF say the same thing. */
import { formatDecimalVi } from '../../../domain/statistics/index.ts';
import { formatVnDate } from '../../files/xlsx-style.ts';
import type { YearEndRow, YearEndSheet } from './sheet-data.ts';

export const SHEET_TITLE = 'DANH SÁCH KẾT QUẢ BỒI DƯỠNG CHÍNH TRỊ';
export const SHEET_PURPOSE = '(Một trong những căn cứ để đánh giá, xếp loại và xét danh hiệu thi đua cuối năm học)';
export const SIGNERS = [
  { title: 'NGƯỜI LẬP BIỂU', hint: '(Ký, ghi rõ họ tên)' },
  { title: 'THỦ TRƯỞNG ĐƠN VỊ', hint: '(Ký tên, đóng dấu)' },
] as const;

export const COLUMN_HEADERS = [
  'STT',
  'Họ và tên',
  'Năm sinh',
  'Đơn vị',
  'Chức vụ',
  'Đảng viên',
  'Điểm khảo sát',
  'Xếp loại',
  'Số buổi dự / tổng số buổi',
  'Tỷ lệ chuyên cần',
  'Chuyên cần',
  'Lớp bồi dưỡng tại trung tâm',
  'Ghi chú',
] as const;

export const count = (n: number) => n.toLocaleString('vi-VN');

export function subtitleLines(sheet: YearEndSheet): string[] {
  return [`${sheet.campaignName} – Năm học ${sheet.schoolYear}`, `Đơn vị: ${sheet.unitName}`];
}

/** "Bình Minh, ngày 05 tháng 12 năm 2026". */
export function placeDateLine(sheet: YearEndSheet): string {
  const [day, month, year] = formatVnDate(new Date(sheet.generatedAt)).split('/');
  return `${sheet.place}, ngày ${day} tháng ${month} năm ${year}`;
}

export function attendanceCells(row: YearEndRow): { sessions: string; met: string } {
  return {
    sessions: row.sessions === null ? 'Không có điểm cầu' : `${row.attended}/${row.sessions}`,
    met: row.attendanceMet === null ? '' : row.attendanceMet ? 'Đạt' : 'Chưa đạt',
  };
}

/** The row as text (the PDF), with the Vietnamese decimal comma. */
export function rowTexts(row: YearEndRow, index: number, decimals: number): string[] {
  const a = attendanceCells(row);
  return [
    String(index + 1),
    row.fullName,
    row.birthYear,
    row.unitName,
    row.position,
    row.partyMember ? 'x' : '',
    row.score === null ? '' : formatDecimalVi(row.score, decimals),
    row.band,
    a.sessions,
    row.attendancePercent === null ? '' : `${formatDecimalVi(row.attendancePercent, 1)}%`,
    a.met,
    row.classes,
    row.surveyNote,
  ];
}

export function totalsLine(sheet: YearEndSheet): string {
  const t = sheet.totals;
  const bands = t.bands
    .filter((b) => b.count > 0)
    .map((b) => `${b.label}: ${count(b.count)}`)
    .join(', ');
  return (
    [
      `Tổng số: ${count(t.people)} người`,
      sheet.survey ? `đã làm bài khảo sát: ${count(t.took)}${bands ? ` (${bands})` : ''}` : null,
      sheet.attendanceRequiredPercent !== null
        ? `đạt yêu cầu chuyên cần (${sheet.attendanceRequiredPercent}% số buổi): ${count(t.attendanceMet)}`
        : null,
      `hoàn thành lớp bồi dưỡng tại trung tâm: ${count(t.classesCompleted)}`,
    ]
      .filter(Boolean)
      .join('; ') + '.'
  );
}
