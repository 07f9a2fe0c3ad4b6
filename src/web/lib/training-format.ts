import { ATTENDANCE_STATUS_LABELS, type AttendanceStatus } from '../../domain/training/attendance.ts';
import { formatNumberVi } from '../../domain/text.ts';

/** 'YYYY-MM-DD' → 'dd/mm/yyyy'. */
export function viDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

const WEEKDAYS = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];
/** 'T2, 06/07/2026' */
export function viDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ${viDate(iso)}`;
}

const WEEKDAYS_LONG = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
/** 'Thứ Hai, 06/07/2026' */
export function viDayLong(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${WEEKDAYS_LONG[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ${viDate(iso)}`;
}

/** 60,79% or — */
export function percent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '—' : `${formatNumberVi(value, digits)}%`;
}

export const statusLabel = (s: AttendanceStatus | null) => (s ? ATTENDANCE_STATUS_LABELS[s] : 'Chưa điểm danh');
export const STATUS_COLORS: Record<AttendanceStatus, string> = { present: 'green', late: 'gold', absent: 'red' };

export function periodText(startsOn: string | null, endsOn: string | null): string {
  if (!startsOn) return 'Chưa đặt ngày';
  return endsOn && endsOn !== startsOn ? `${viDate(startsOn)} – ${viDate(endsOn)}` : viDate(startsOn);
}
