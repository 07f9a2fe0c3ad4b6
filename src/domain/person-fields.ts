/** Checks and normalisation of a person's identifiers and contact fields, shared by forms and imports. */

export type FieldResult = { ok: true; value: string } | { ok: false; message: string };

const SEPARATORS = /[\s.\-]/g;

/** Citizen id: 12 digits (CCCD) or 9 (old CMND); one leading zero lost by a spreadsheet is restored. */
export function checkCitizenId(raw: string): FieldResult {
  const value = raw.replace(SEPARATORS, '');
  if (!/^\d+$/.test(value)) return { ok: false, message: 'Số CCCD chỉ được gồm chữ số' };
  if (value.length === 11 || value.length === 8) return { ok: true, value: `0${value}` };
  if (value.length !== 12 && value.length !== 9) {
    return { ok: false, message: 'Số CCCD phải có 12 chữ số (hoặc 9 chữ số CMND cũ)' };
  }
  return { ok: true, value };
}

export function checkStaffId(raw: string): FieldResult {
  const value = raw.replace(SEPARATORS, '');
  if (!/^\d+$/.test(value)) return { ok: false, message: 'Mã định danh chỉ được gồm chữ số' };
  if (value.length < 4 || value.length > 20) return { ok: false, message: 'Mã định danh phải có từ 4 đến 20 chữ số' };
  return { ok: true, value };
}

export function checkPhone(raw: string): FieldResult {
  let value = raw.replace(/[\s.\-()]/g, '');
  if (/^\+?\d+$/.test(value) && value.length === 9 && !value.startsWith('0')) value = `0${value}`;
  const digits = value.replace(/^\+/, '');
  if (!/^\d+$/.test(digits) || digits.length < 9 || digits.length > 12) {
    return { ok: false, message: 'Số điện thoại không hợp lệ' };
  }
  return { ok: true, value };
}

export function checkEmail(raw: string): FieldResult {
  const value = raw.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return { ok: false, message: 'Email không hợp lệ' };
  return { ok: true, value };
}

/** 'YYYY-MM-DD' of a real calendar day, or null. */
export function isoDateOf(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}

export function checkIsoDate(raw: string): FieldResult {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const iso = m ? isoDateOf(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  return iso ? { ok: true, value: iso } : { ok: false, message: 'Ngày không hợp lệ' };
}

/** dd/mm/yyyy for the screen and the files. */
export function formatDateVi(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
