/**
 * What an uploaded question file really is, from its bytes: an old Word/Excel file, an RTF or PDF under a .docx name, a
 * text file in UTF-16. Offices do all of these; each gets a message saying how to save the file, instead of a parser
 * failing on bytes it was never meant to read.
 */

import type { ErrorCode } from '../errors/catalogue.ts';

/** A file refused before parsing: a stable code of the error catalogue, whose message names the file. */
export interface FileRefusal {
  code: Extract<
    ErrorCode,
    | 'encrypted_office_file'
    | 'old_excel_file'
    | 'old_word_file'
    | 'rtf_file'
    | 'pdf_file'
    | 'office_file_as_text'
    | 'web_page_as_docx'
    | 'utf16_text'
    | 'not_utf8'
  >;
  name: string;
}

export type QuestionFileKind = 'docx' | 'xlsx' | 'text';

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Whether the name appears, as UTF-16LE, among the bytes (the stream names of an OLE compound file). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const needle = [...name].flatMap((c) => [c.charCodeAt(0), 0]);
  for (let at = bytes.indexOf(needle[0]); at !== -1 && at + needle.length <= bytes.length; at = bytes.indexOf(needle[0], at + 1)) {
    if (startsWith(bytes, needle, at)) return true;
  }
  return false;
}

/** The start of the file as lower-case text, past a UTF-8 BOM and blanks (to recognise RTF and HTML). */
function head(bytes: Uint8Array): string {
  const from = startsWith(bytes, UTF8_BOM) ? 3 : 0;
  return String.fromCharCode(...bytes.subarray(from, from + 256))
    .trimStart()
    .toLowerCase();
}

function oleRefusal(bytes: Uint8Array, name: string, kind: QuestionFileKind): FileRefusal {
  if (hasUtf16Name(bytes, 'EncryptedPackage')) {
    return { code: 'encrypted_office_file', name };
  }
  const excel = !hasUtf16Name(bytes, 'WordDocument') && (hasUtf16Name(bytes, 'Workbook') || hasUtf16Name(bytes, 'Book') || kind === 'xlsx');
  return excel ? { code: 'old_excel_file', name } : { code: 'old_word_file', name };
}

/** A file that is not what its name says and that no parser here reads, else null. */
export function foreignFileRefusal(bytes: Uint8Array, name: string, kind: QuestionFileKind): FileRefusal | null {
  if (startsWith(bytes, OLE)) return oleRefusal(bytes, name, kind);
  const start = head(bytes);
  if (start.startsWith('{\\rtf')) {
    return { code: 'rtf_file', name };
  }
  if (start.startsWith('%pdf-')) {
    return { code: 'pdf_file', name };
  }
  if (kind === 'text' && startsWith(bytes, ZIP)) {
    return { code: 'office_file_as_text', name };
  }
  if (
    kind === 'docx'
    && (start.startsWith('<html')
      || start.startsWith('<!doctype html')
      || start.startsWith('mime-version')
      || (start.startsWith('<?xml') && start.includes('word')))
  ) {
    return { code: 'web_page_as_docx', name };
  }
  return null;
}

const utf16Refusal = (name: string): FileRefusal => ({ code: 'utf16_text', name });

/** UTF-16 without a BOM: ASCII letters leave a zero byte in every other position. */
function looksUtf16(bytes: Uint8Array): 'le' | 'be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros += 1;
    if (sample[i + 1] === 0) oddZeros += 1;
  }
  const pairs = sample.length / 2;
  if (oddZeros >= pairs * 0.2 && evenZeros <= pairs * 0.05) return 'le';
  if (evenZeros >= pairs * 0.2 && oddZeros <= pairs * 0.05) return 'be';
  return null;
}

/**
 * The text of a GIFT/Aiken file: UTF-8 (BOM or not), or UTF-16 with its BOM (Notepad's "Unicode"). UTF-16 without a
 * BOM and any other encoding (TCVN3, Windows-1258) are refused with how to save the file as UTF-8.
 */
export function decodeQuestionText(bytes: Uint8Array, name: string): { text: string } | FileRefusal {
  const bom16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : null;
  if (bom16) {
    try {
      return { text: new TextDecoder(bom16, { fatal: true }).decode(bytes.subarray(2)) };
    } catch {
      return utf16Refusal(name);
    }
  }
  if (looksUtf16(bytes)) return utf16Refusal(name);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { code: 'not_utf8', name };
  }
}
