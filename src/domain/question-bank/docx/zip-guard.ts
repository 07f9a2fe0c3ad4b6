/** Zip safety: the central directory read without inflating (non-zips, zip bombs), and inflating under a budget. */
import type JSZip from 'jszip';

export const NOT_DOCX_MESSAGE = 'Tệp không phải là tệp Word .docx hợp lệ.';
export const TOO_LARGE_MESSAGE = 'Tệp Word quá lớn sau khi giải nén (có thể là tệp độc hại).';
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const MAX_COMMENT = 0xffff;

export interface ZipEntryInfo {
  name: string;
  uncompressedSize: number;
}

function fail(): never {
  throw new Error(NOT_DOCX_MESSAGE);
}

function u64(view: DataView, offset: number): number {
  const value = view.getBigUint64(offset, true);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let i = last; i >= first; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) return i;
  }
  return fail();
}

function directoryLocation(view: DataView, eocd: number): { count: number; offset: number } {
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) fail();
    const zip64 = u64(view, locator + 8);
    if (zip64 + 56 > view.byteLength || view.getUint32(zip64, true) !== ZIP64_EOCD_SIGNATURE) fail();
    count = u64(view, zip64 + 32);
    offset = u64(view, zip64 + 48);
  }
  return { count, offset };
}

/** The size recorded in the zip64 extra field when the 32-bit field is saturated. */
function zip64Size(view: DataView, start: number, length: number): number {
  let at = start;
  while (at + 4 <= start + length) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001 && size >= 8) return u64(view, at + 4);
    at += 4 + size;
  }
  return Number.MAX_SAFE_INTEGER;
}

/** Lists the entries of the zip's central directory; throws NOT_DOCX_MESSAGE when it is not a zip. */
export function listZipEntries(file: Uint8Array): ZipEntryInfo[] {
  if (file.byteLength < 22 || file[0] !== 0x50 || file[1] !== 0x4b) fail();
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const { count, offset } = directoryLocation(view, findEndOfCentralDirectory(view));
  const decoder = new TextDecoder();
  const entries: ZipEntryInfo[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL_ENTRY_SIGNATURE) fail();
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > view.byteLength) fail();
    const name = decoder.decode(file.subarray(at + 46, at + 46 + nameLength));
    let uncompressedSize = view.getUint32(at + 24, true);
    if (uncompressedSize === 0xffffffff) uncompressedSize = zip64Size(view, at + 46 + nameLength, extraLength);
    entries.push({ name, uncompressedSize });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Throws TOO_LARGE_MESSAGE when the declared uncompressed total is above the limit. */
export function checkZipSize(entries: ZipEntryInfo[], maxUncompressedBytes: number): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > maxUncompressedBytes) throw new Error(TOO_LARGE_MESSAGE);
  }
}

interface InternalStream {
  on(event: 'data', callback: (chunk: Uint8Array) => void): InternalStream;
  on(event: 'end', callback: () => void): InternalStream;
  on(event: 'error', callback: (error: Error) => void): InternalStream;
  resume(): InternalStream;
  pause(): InternalStream;
}

/** Inflates one entry, stopping as soon as the byte budget is exceeded (sizes in the directory can lie). */
export function inflate(entry: JSZip.JSZipObject, budget: { left: number }): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let settled = false;
    const stream = (entry as unknown as { internalStream(type: string): InternalStream }).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        if (settled) return;
        size += chunk.length;
        budget.left -= chunk.length;
        if (budget.left < 0) {
          settled = true;
          stream.pause();
          reject(new Error(TOO_LARGE_MESSAGE));
          return;
        }
        chunks.push(chunk);
      })
      .on('error', () => {
        if (settled) return;
        settled = true;
        reject(new Error(NOT_DOCX_MESSAGE));
      })
      .on('end', () => {
        if (settled) return;
        settled = true;
        const out = new Uint8Array(size);
        let at = 0;
        for (const chunk of chunks) {
          out.set(chunk, at);
          at += chunk.length;
        }
        resolve(out);
      })
      .resume();
  });
}

