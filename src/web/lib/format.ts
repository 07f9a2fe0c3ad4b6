import { formatDateVi } from '../../domain/person-fields.ts';
import { formatDateTimeVi } from '../../domain/datetime.ts';
import { GENDER_LABELS, POSITION_LABELS, labelOf } from '../../domain/roster.ts';

export { formatDateVi, formatDateTimeVi };

/** 10.000 */
export function formatCount(value: number): string {
  return value.toLocaleString('vi-VN');
}

/** dd/mm/yyyy in Vietnam's time zone, from a stored UTC instant. */
export function formatInstantDateVi(iso: string | null | undefined): string {
  return formatDateTimeVi(iso).slice(0, 10);
}

export const genderLabel = (value: string | null | undefined) => labelOf(GENDER_LABELS, value);
export const positionLabel = (value: string | null | undefined) => labelOf(POSITION_LABELS, value);
