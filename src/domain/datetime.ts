/** Instants are stored in UTC and shown in Vietnam's time zone as dd/mm/yyyy HH:mm. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const DATE_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
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

/** HH:mm in Vietnam's time zone. */
export function formatTimeVi(iso: string | null | undefined): string {
  return formatDateTimeVi(iso).slice(11);
}
