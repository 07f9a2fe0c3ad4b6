/** Parsers for the single-cell roster fields: name, ids, gender, position, level, party, contact. */
import { fold, normalizeText } from '../text.ts';
import { SCHOOL_LEVEL_LABELS, type Gender, type Position, type SchoolLevel } from '../roster.ts';
import { cellText } from './header.ts';
import { builtInCategory, CATEGORY_CHOICES, keptTitle } from './titles.ts';
import { fail, ok, parseDateCell, type Parsed } from './dates.ts';
import type { CellValue } from './types.ts';
import { EXTRA_MINUTES_MAX } from '../assessment/extra-time.ts';

/** Folded, punctuation turned into single spaces: "TH&THCS" → "th thcs". */
const key = (text: string): string =>
  fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function lookup<T>(table: Record<string, T>, text: string): T | undefined {
  return Object.hasOwn(table, text) ? table[text] : undefined;
}

// ---- Full name ------------------------------------------------------------------------------

const NAME_CHARS = /^[\p{L}\p{M}\s'’.-]+$/u;

function titleCase(name: string): string {
  return name
    .toLocaleLowerCase('vi')
    .replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toLocaleUpperCase('vi'));
}

/** NFC, spaces collapsed; ALL CAPS (or all lower case) turned into "Nguyễn Văn An". */
export function parseFullName(value: string): Parsed<string> {
  const name = normalizeText(value);
  if (!name) return fail('Thiếu họ và tên');
  if (!NAME_CHARS.test(name)) return fail(`Họ và tên không hợp lệ: ${name} (chỉ được gồm chữ cái)`);
  const words = name.split(' ').filter((word) => /\p{L}/u.test(word));
  if (words.length < 2) return fail(`Họ và tên phải có ít nhất 2 từ (họ và tên): ${name}`);
  const uniformCase = name === name.toLocaleUpperCase('vi') || name === name.toLocaleLowerCase('vi');
  return ok(uniformCase ? titleCase(name) : name);
}

// ---- Ids ------------------------------------------------------------------------------------

const EXPONENT = /^\d+(?:[.,]\d+)?e\+?\d+$/i;

function idDigits(value: CellValue, label: string): Parsed<{ digits: string; fromNumber: boolean } | null> {
  if (value === null || value === '') return ok(null);
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) return fail(`${label} chỉ được gồm chữ số`);
    if (!Number.isSafeInteger(value)) {
      return fail(`${label} quá dài nên Excel đã làm tròn: hãy định dạng cột là Văn bản (Text) rồi nhập lại`);
    }
    return ok({ digits: String(value), fromNumber: true });
  }
  if (typeof value !== 'string') return fail(`${label} chỉ được gồm chữ số`);
  const text = normalizeText(value);
  if (EXPONENT.test(text)) {
    return fail(`${label} bị Excel đổi sang dạng số mũ (${text}) nên đã mất chữ số: hãy định dạng cột là Văn bản (Text) rồi nhập lại`);
  }
  const digits = text.replace(/^['’]/, '').replace(/[\s.\-–]/g, '');
  if (!digits) return ok(null);
  if (!/^\d+$/.test(digits)) return fail(`${label} chỉ được gồm chữ số`);
  return ok({ digits, fromNumber: false });
}

/**
 * 12 digits (CCCD) or 9 (old CMND). Leading zeros a number cell lost come back: every province code
 * is 001–096, so a CCCD loses at most two of them; a CMND loses at most one.
 */
export function parseCitizenId(value: CellValue): Parsed<string | null> {
  const parsed = idDigits(value, 'Số CCCD');
  if (!parsed.ok || parsed.value === null) return parsed as Parsed<null>;
  const { digits, fromNumber } = parsed.value;
  if (digits.length === 11 || (fromNumber && digits.length === 10)) return ok(digits.padStart(12, '0'));
  if (digits.length === 8) return ok(`0${digits}`);
  if (digits.length === 12 || digits.length === 9) return ok(digits);
  return fail('Số CCCD phải có 12 chữ số (hoặc 9 chữ số CMND cũ)');
}

export function parseStaffId(value: CellValue): Parsed<string | null> {
  const parsed = idDigits(value, 'Mã định danh');
  if (!parsed.ok || parsed.value === null) return parsed as Parsed<null>;
  const { digits } = parsed.value;
  if (digits.length < 4 || digits.length > 20) return fail('Mã định danh phải có từ 4 đến 20 chữ số');
  return ok(digits);
}

// ---- Vocabulary fields ---------------------------------------------------------------------

const GENDERS: Record<string, Gender> = {
  nam: 'male',
  m: 'male',
  male: 'male',
  trai: 'male',
  nu: 'female',
  f: 'female',
  female: 'female',
  gai: 'female',
};

export function parseGender(value: CellValue): Parsed<Gender | null> {
  const text = cellText(value);
  if (!text) return ok(null);
  const gender = lookup(GENDERS, key(text));
  return gender ? ok(gender) : fail(`Giới tính không hợp lệ: ${text} (chỉ nhận Nam, Nữ)`);
}

/** The optional "Nhóm chức vụ" column: one of the three categories, named or abbreviated. */
export function parsePositionGroup(value: CellValue): Parsed<Position | null> {
  const text = cellText(value);
  if (!text) return ok(null);
  const position = keptTitle(text) === null ? builtInCategory(text) : null;
  return position ? ok(position) : fail(`Nhóm chức vụ không hợp lệ: ${text} (chỉ nhận ${CATEGORY_CHOICES})`);
}

/**
 * The title as written and its category by the built-in vocabulary (titles.ts); a category of null is a title to be
 * mapped by the organiser (the service applies the stored mappings, the preview lists what is left).
 */
export function parsePosition(value: CellValue): Parsed<{ title: string | null; position: Position | null }> {
  const text = cellText(value);
  if (!text) return fail('Thiếu chức vụ');
  return ok({ title: keptTitle(text), position: builtInCategory(text) });
}

const SCHOOL_LEVELS: Record<string, SchoolLevel> = {
  'mam non': 'mam_non',
  mn: 'mam_non',
  'mau giao': 'mam_non',
  'nha tre': 'mam_non',
  'tieu hoc': 'tieu_hoc',
  th: 'tieu_hoc',
  thcs: 'thcs',
  'trung hoc co so': 'thcs',
  thpt: 'thpt',
  'trung hoc pho thong': 'thpt',
  gdtx: 'gdtx',
  'gdnn gdtx': 'gdtx',
  'giao duc thuong xuyen': 'gdtx',
  'giao duc nghe nghiep giao duc thuong xuyen': 'gdtx',
  'lien cap': 'lien_cap',
  'th thcs': 'lien_cap',
  'thcs thpt': 'lien_cap',
  'th thcs thpt': 'lien_cap',
  'tieu hoc va trung hoc co so': 'lien_cap',
  'trung hoc co so va trung hoc pho thong': 'lien_cap',
  'th va thcs': 'lien_cap',
  'thcs va thpt': 'lien_cap',
  'pho thong nhieu cap hoc': 'lien_cap',
};

export function parseSchoolLevel(value: CellValue): Parsed<SchoolLevel | null> {
  const text = cellText(value);
  if (!text) return ok(null);
  const level = lookup(SCHOOL_LEVELS, key(text));
  if (level) return ok(level);
  return fail(`Cấp học không hợp lệ: ${text} (chỉ nhận ${Object.values(SCHOOL_LEVEL_LABELS).join(', ')})`);
}

// ---- Party ----------------------------------------------------------------------------------

const PARTY_WORDS: Record<string, boolean> = {
  x: true,
  co: true,
  '1': true,
  'dang vien': true,
  'la dang vien': true,
  dv: true,
  yes: true,
  y: true,
  true: true,
  khong: false,
  '0': false,
  no: false,
  n: false,
  k: false,
  false: false,
  chua: false,
  'khong phai': false,
};

/** Membership, plus a join date when the cell holds a date instead of a mark. */
export function parsePartyMember(value: CellValue): Parsed<{ member: boolean; joinedOn: string | null }> {
  if (typeof value === 'boolean') return ok({ member: value, joinedOn: null });
  const text = cellText(value);
  if (!text) return ok({ member: false, joinedOn: null });
  const mark = lookup(PARTY_WORDS, key(text));
  if (mark !== undefined) return ok({ member: mark, joinedOn: null });
  const date = parseDateCell(value, 'Ngày vào Đảng');
  if (date.ok && date.value) return ok({ member: true, joinedOn: date.value });
  return fail(`Đảng viên không hợp lệ: ${text} (đánh "x" hoặc "Có" nếu là đảng viên, để trống nếu không)`);
}

const THEORY_LEVELS: Record<string, string> = {
  'so cap': 'Sơ cấp',
  'trung cap': 'Trung cấp',
  'cao cap': 'Cao cấp',
  'cu nhan': 'Cử nhân',
};

export function parseTheoryLevel(value: CellValue): string | null {
  const text = cellText(value);
  return text ? (lookup(THEORY_LEVELS, key(text)) ?? text) : null;
}

// ---- Contact --------------------------------------------------------------------------------

/** Digits with an optional leading +; 9–11 digits; a 9-digit number that lost its leading 0 gets it back. */
export function parsePhone(value: CellValue): Parsed<string | null> {
  const text = typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : cellText(value);
  if (!text) return ok(null);
  const compact = text.replace(/^['’]/, '').replace(/[\s.\-()]/g, '');
  const digits = compact.replace(/^\+/, '');
  if (!/^\d+$/.test(digits) || digits.length < 9 || digits.length > 11) {
    return fail(`Số điện thoại không hợp lệ: ${text} (cần 9–11 chữ số)`);
  }
  return ok(compact.length === 9 && !compact.startsWith('0') ? `0${compact}` : compact);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;

export function parseEmail(value: CellValue): Parsed<string | null> {
  const text = cellText(value).replace(/^mailto:/i, '');
  if (!text) return ok(null);
  const email = text.toLowerCase();
  return EMAIL.test(email) ? ok(email) : fail(`Email không hợp lệ: ${text}`);
}

// ---- Extra time ----------------------------------------------------------------------------

const EXTRA_HINT = `ghi số phút từ 0 đến ${EXTRA_MINUTES_MAX}, ví dụ 30; để trống nếu không cộng thêm`;

/**
 * The optional "Thời gian cộng thêm (phút)" column: whole minutes 0–240, written as 30, "30 phút", "30'", or in hours
 * ("1 giờ", "1,5 giờ", "1h"). Blank is 0 (the column is there, and says nothing is added).
 */
export function parseExtraMinutes(value: CellValue): Parsed<number> {
  if (value === null || value === '') return ok(0);
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0 && value <= EXTRA_MINUTES_MAX
      ? ok(value)
      : fail(`Thời gian cộng thêm không hợp lệ: ${String(value).replace('.', ',')} (${EXTRA_HINT})`);
  }
  const text = cellText(value);
  if (!text) return ok(0);
  const k = fold(text).replace(/\s+/g, ' ').trim();
  let minutes: number | null = null;
  if (/^(khong|0|-)$/.test(k)) minutes = 0;
  const m = /^(\d{1,3})\s*(phut|p|ph|')?$/.exec(k);
  if (m) minutes = Number(m[1]);
  const h = /^(\d{1,2}(?:[.,]\d{1,2})?)\s*(gio|h|tieng)$/.exec(k);
  if (h) minutes = Number(h[1].replace(',', '.')) * 60;
  if (minutes === null || !Number.isInteger(minutes) || minutes < 0 || minutes > EXTRA_MINUTES_MAX) {
    return fail(`Thời gian cộng thêm không hợp lệ: ${text} (${EXTRA_HINT})`);
  }
  return ok(minutes);
}
