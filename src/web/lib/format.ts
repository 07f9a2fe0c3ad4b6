import { formatDateVi } from '../../domain/person-fields.ts';
import { GENDER_LABELS, POSITION_LABELS, labelOf } from '../../domain/roster.ts';

export { formatDateVi };

/** 10.000 */
export function formatCount(value: number): string {
  return value.toLocaleString('vi-VN');
}

const DATE_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
  hourCycle: 'h23',
});

/** dd/mm/yyyy HH:mm in Vietnam's time zone, from a stored UTC instant. */
export function formatDateTimeVi(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = (type: Intl.DateTimeFormatPartTypes) => DATE_TIME.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

/** dd/mm/yyyy in Vietnam's time zone, from a stored UTC instant. */
export function formatInstantDateVi(iso: string | null | undefined): string {
  return formatDateTimeVi(iso).slice(0, 10);
}

export const genderLabel = (value: string | null | undefined) => labelOf(GENDER_LABELS, value);
export const positionLabel = (value: string | null | undefined) => labelOf(POSITION_LABELS, value);
