/** Checks of a person's fields typed in a form: the same rules as the Excel import, on plain strings. */
import { formatViDate, parseDateCell, type Parsed } from './roster-import/dates.ts';
import { parseCitizenId, parseEmail, parsePhone, parseStaffId } from './roster-import/fields.ts';

export type FieldResult = Parsed<string>;

function required(parsed: Parsed<string | null>): FieldResult {
  if (!parsed.ok) return parsed;
  return parsed.value === null ? { ok: false, message: 'Không được để trống' } : { ok: true, value: parsed.value };
}

export const checkCitizenId = (raw: string): FieldResult => required(parseCitizenId(raw));
export const checkStaffId = (raw: string): FieldResult => required(parseStaffId(raw));
export const checkPhone = (raw: string): FieldResult => required(parsePhone(raw));
export const checkEmail = (raw: string): FieldResult => required(parseEmail(raw));

export function checkIsoDate(raw: string): FieldResult {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return { ok: false, message: 'Ngày không hợp lệ' };
  return required(parseDateCell(raw, 'Ngày'));
}

/** dd/mm/yyyy for the screen and the files. */
export function formatDateVi(iso: string | null | undefined): string {
  return iso ? formatViDate(iso.slice(0, 10)) : '';
}
