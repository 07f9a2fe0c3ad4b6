/** Vietnamese text helpers: normalisation, diacritic folding and the name sort key. */

const WHITESPACE = /[\s\u00a0\u200b\ufeff]+/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** NFC, spaces collapsed, trimmed. Every user input string goes through this. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(WHITESPACE, ' ').trim();
}

/** Lower case, diacritics removed, đ → d: the form searched and compared on. */
export function fold(value: string): string {
  return normalizeText(value).normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Splits a full name into the given name (last word) and the rest. */
export function splitGivenName(fullName: string): { given: string; rest: string } {
  const words = normalizeText(fullName).split(' ').filter(Boolean);
  const given = words.pop() ?? '';
  return { given, rest: words.join(' ') };
}

// Vietnamese alphabetical order; f j w z only appear in foreign names.
const ALPHABET = [
  'a',
  'ă',
  'â',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'ê',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
  'o',
  'ô',
  'ơ',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'ư',
  'v',
  'w',
  'x',
  'y',
  'z',
];
const LETTER_CODE = new Map(ALPHABET.map((letter, i) => [letter, String.fromCharCode(0x41 + i)]));
// Dictionary order of the tones: ngang, huyền, hỏi, ngã, sắc, nặng.
const TONE_CODE = new Map([
  ['\u0300', '1'],
  ['\u0309', '2'],
  ['\u0303', '3'],
  ['\u0301', '4'],
  ['\u0323', '5'],
]);
const LETTER_MODIFIERS = new Set(['\u0306', '\u0302', '\u031b']); // breve, circumflex, horn

function encodeWord(word: string): { primary: string; secondary: string } {
  let primary = '';
  let secondary = '';
  for (const char of word.toLowerCase().normalize('NFC')) {
    if (char >= '0' && char <= '9') {
      primary += char;
      secondary += '0';
      continue;
    }
    const parts = char.normalize('NFD');
    let base = parts[0];
    let tone = '0';
    for (const mark of parts.slice(1)) {
      if (LETTER_MODIFIERS.has(mark)) base = (base + mark).normalize('NFC');
      else tone = TONE_CODE.get(mark) ?? tone;
    }
    const code = LETTER_CODE.get(base);
    if (!code) continue;
    primary += code;
    secondary += tone;
  }
  return { primary, secondary };
}

function encodeWords(text: string): { primary: string; secondary: string } {
  const words = text.split(' ').filter(Boolean).map(encodeWord);
  // '!' separates words, ' ' separates sections: a shorter name sorts before a longer one.
  return {
    primary: words.map((w) => w.primary).join('!'),
    secondary: words.map((w) => w.secondary).join('!'),
  };
}

/**
 * A key whose byte order is the Vietnamese order of names: given name first, then the rest,
 * letters by the Vietnamese alphabet, tones as a secondary difference.
 * Compare it bytewise (SQLite's default; COLLATE "C" on PostgreSQL).
 */
export function nameSortKey(fullName: string): string {
  const { given, rest } = splitGivenName(fullName);
  const g = encodeWords(given);
  const r = encodeWords(rest);
  return [g.primary, g.secondary, r.primary, r.secondary].join(' ');
}

const collator = new Intl.Collator('vi', { sensitivity: 'variant' });

/** Compares two full names the Vietnamese way (given name, then the rest). */
export function compareNames(a: string, b: string): number {
  const x = splitGivenName(a);
  const y = splitGivenName(b);
  return collator.compare(x.given, y.given) || collator.compare(x.rest, y.rest);
}

/** 60,79 — decimal comma, thousands dot. */
export function formatNumberVi(value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat('vi-VN', {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}
