/** Reading dates from roster cells: Date cells, Excel serial numbers and dd/mm/yyyy text. */
import { fold, normalizeText } from '../text.ts';
import type { CellValue } from './types.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T = never>(message: string): Parsed<T> => ({ ok: false, message });

const DAY_MS = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MAX_EXCEL_SERIAL = 2_958_465; // 31/12/9999

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy', the form users type. */
export function formatViDate(iso: string): string {
  if (/^\d{4}$/.test(iso)) return iso;
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function fromParts(year: number, month: number, day: number, label: string, raw: string): Parsed<string> {
  if (!isRealDate(year, month, day)) return fail(`${label} không hợp lệ: ${raw}`);
  return ok(`${pad(year, 4)}-${pad(month)}-${pad(day)}`);
}

function fromUtcMs(ms: number, label: string, raw: string): Parsed<string> {
  if (!Number.isFinite(ms)) return fail(`${label} không hợp lệ: ${raw}`);
  // Round to the second first: Excel serials stored as doubles can land a hair before midnight.
  const date = new Date(Math.round(ms / 1000) * 1000);
  return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), label, raw);
}

function fromSerial(serial: number, label: string): Parsed<string> {
  const raw = String(serial);
  if (Number.isInteger(serial) && serial >= 1900 && serial <= 2100) return fail(`${label} không đầy đủ: cần ngày/tháng/năm`);
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_EXCEL_SERIAL) return fail(`${label} không hợp lệ: ${raw}`);
  // Excel counts a 29/02/1900 that never was; serials before it are one day early.
  const days = Math.floor(serial) < 60 ? Math.floor(serial) + 1 : Math.floor(serial);
  return fromUtcMs(EXCEL_EPOCH_MS + days * DAY_MS, label, raw);
}

const DAY_MONTH_YEAR = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const YEAR_MONTH_DAY = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const WORDS = /^ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})$/;
const INCOMPLETE = /^(?:\d{4}|\d{1,2}\s*[/.-]\s*\d{4}|(?:thang \d{1,2} )?nam \d{4})$/;

function fromText(text: string, label: string): Parsed<string> {
  const dmy = DAY_MONTH_YEAR.exec(text) ?? WORDS.exec(fold(text).replace(/,/g, ''));
  if (dmy) return fromParts(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]), label, text);
  const ymd = YEAR_MONTH_DAY.exec(text);
  if (ymd) return fromParts(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), label, text);
  if (INCOMPLETE.test(fold(text))) return fail(`${label} không đầy đủ: cần ngày/tháng/năm`);
  return fail(`${label} không hợp lệ: ${text} (cần dạng dd/mm/yyyy)`);
}

const YEAR_ONLY = /^(?:nam )?(\d{4})$/;

/**
 * A date cell as 'YYYY-MM-DD'; null when empty. label names the column in messages ("Ngày sinh"). With yearOnly, a
 * cell holding only a year (1985, "1985", "năm 1985": a "Năm sinh" column) is that year, 'YYYY'.
 */
export function parseDateCell(value: CellValue | undefined, label: string, options: { yearOnly?: boolean } = {}): Parsed<string | null> {
  if (value === null || value === undefined) return ok(null);
  if (options.yearOnly && (typeof value === 'number' || typeof value === 'string')) {
    const year = YEAR_ONLY.exec(fold(String(value)));
    if (year && Number(year[1]) >= 1900 && Number(year[1]) <= 2100) return ok(year[1]);
  }
  if (value instanceof Date) {
    const raw = Number.isNaN(value.getTime()) ? '(ngày không đọc được)' : value.toISOString().slice(0, 10);
    return fromUtcMs(value.getTime(), label, raw);
  }
  if (typeof value === 'number') return fromSerial(value, label);
  if (typeof value === 'boolean') return fail(`${label} không hợp lệ: ${value ? 'TRUE' : 'FALSE'}`);
  const text = normalizeText(value);
  return text ? fromText(text, label) : ok(null);
}

/** Whole years from an ISO date (or a bare year: its age this year) to today (UTC calendar). */
export function ageOn(iso: string, today: Date): number {
  const [y, m = 1, d = 1] = iso.split('-').map(Number);
  const beforeBirthday = today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d);
  return today.getUTCFullYear() - y - (beforeBirthday ? 1 : 0);
}

/** Today's date as 'YYYY-MM-DD' (UTC calendar), comparable with parsed dates. */
export function isoDay(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}
