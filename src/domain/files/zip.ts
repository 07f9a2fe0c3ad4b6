/**
 * A zip (.docx, .xlsx) read under budgets: the central directory is read without inflating anything, and an entry is
 * inflated (node:zlib) in chunks that are counted as they come out, so a deflate bomb whose directory lies about its
 * sizes is stopped after at most the budget. Only the entries asked for are ever inflated.
 */
import zlib from 'node:zlib';
import { DEFAULT_FILE_LIMITS, limitError, type FileLimits } from './limits.ts';

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const LOCAL_ENTRY_SIGNATURE = 0x04034b50;
const MAX_COMMENT = 0xffff;
const CHUNK = 256 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** As declared by the directory: a hint only, never trusted. */
  declaredSize: number;
  localHeaderOffset: number;
}

/** Thrown for anything that is not a readable zip; the caller turns it into "not a .docx/.xlsx". */
export class NotZipError extends Error {
  constructor() {
    super('not a readable zip');
    this.name = 'NotZipError';
  }
}

function fail(): never {
  throw new NotZipError();
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

/** Sizes and offset from the zip64 extra field, each present only when its 32-bit field is saturated. */
function zip64Fields(view: DataView, start: number, length: number, entry: ZipEntry): void {
  let at = start;
  while (at + 4 <= start + length) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const end = field + size;
      const take = () => {
        if (field + 8 > end) fail();
        const value = u64(view, field);
        field += 8;
        return value;
      };
      if (entry.declaredSize === 0xffffffff) entry.declaredSize = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take();
      return;
    }
    at += 4 + size;
  }
}

export interface ZipOptions {
  limits: FileLimits;
  /** Appended to limit messages: what the person should do ("hãy tách theo đơn vị"). */
  advice: string;
}

/** Budget of one entry's inflation: at most `max` bytes, else `tooLarge()` is thrown. */
export interface EntryBudget {
  max: number;
  tooLarge: () => Error;
}

export class ZipFile {
  private readonly entries = new Map<string, ZipEntry>();
  /** Uncompressed bytes inflated so far from this file. */
  inflated = 0;

  private constructor(
    private readonly file: Uint8Array,
    private readonly options: ZipOptions,
  ) {}

  /** Reads the central directory; NotZipError when the bytes are not a zip, a limit error past `zipEntries`. */
  static open(file: Uint8Array, options: ZipOptions): ZipFile {
    if (file.byteLength < 22 || file[0] !== 0x50 || file[1] !== 0x4b) fail();
    const zip = new ZipFile(file, options);
    const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
    const { count, offset } = directoryLocation(view, findEndOfCentralDirectory(view));
    if (count > options.limits.zipEntries) throw limitError('zipEntries', options.limits, options.advice);
    const decoder = new TextDecoder();
    let at = offset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL_ENTRY_SIGNATURE) fail();
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      if (at + 46 + nameLength + extraLength > view.byteLength) fail();
      const entry: ZipEntry = {
        name: decoder.decode(file.subarray(at + 46, at + 46 + nameLength)),
        flags: view.getUint16(at + 8, true),
        method: view.getUint16(at + 10, true),
        compressedSize: view.getUint32(at + 20, true),
        declaredSize: view.getUint32(at + 24, true),
        localHeaderOffset: view.getUint32(at + 42, true),
      };
      zip64Fields(view, at + 46 + nameLength, extraLength, entry);
      if (!zip.entries.has(entry.name)) zip.entries.set(entry.name, entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
    return zip;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** Where the entry's compressed bytes are. */
  private dataOf(entry: ZipEntry): Uint8Array {
    const view = new DataView(this.file.buffer, this.file.byteOffset, this.file.byteLength);
    const at = entry.localHeaderOffset;
    if (at + 30 > view.byteLength || view.getUint32(at, true) !== LOCAL_ENTRY_SIGNATURE) fail();
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.file.byteLength) fail();
    return this.file.subarray(start, end);
  }

  /**
   * Inflates the entry, handing each chunk to `onChunk` as it comes out; stops at once (and rejects) when the entry's
   * budget, the file's total budget or `onChunk` throws.
   */
  stream(name: string, budget: EntryBudget, onChunk: (chunk: Uint8Array) => void): Promise<void> {
    const entry = this.entries.get(name);
    if (!entry) return Promise.reject(new NotZipError());
    // Encrypted, or compressed other than stored/deflate: not something Word or Excel writes.
    if ((entry.flags & 1) !== 0 || (entry.method !== 0 && entry.method !== 8)) return Promise.reject(new NotZipError());
    let data: Uint8Array;
    try {
      data = this.dataOf(entry);
    } catch (err) {
      return Promise.reject(err);
    }
    const { limits, advice } = this.options;
    let seen = 0;
    const take = (chunk: Uint8Array) => {
      seen += chunk.byteLength;
      this.inflated += chunk.byteLength;
      if (seen > budget.max) throw budget.tooLarge();
      if (this.inflated > limits.totalBytes) throw limitError('totalBytes', limits, advice);
      onChunk(chunk);
    };
    if (entry.method === 0) {
      return new Promise((resolve, reject) => {
        try {
          for (let at = 0; at < data.byteLength; at += CHUNK) take(data.subarray(at, Math.min(at + CHUNK, data.byteLength)));
          resolve();
        } catch (err) {
          reject(err);
        }
      });
    }
    return new Promise((resolve, reject) => {
      const inflater = zlib.createInflateRaw({ chunkSize: CHUNK });
      let settled = false;
      const settle = (err?: unknown) => {
        if (settled) return;
        settled = true;
        if (err === undefined) resolve();
        else {
          inflater.destroy();
          reject(err);
        }
      };
      inflater.on('data', (chunk: Buffer) => {
        if (settled) return;
        try {
          take(chunk);
        } catch (err) {
          settle(err);
        }
      });
      inflater.on('error', () => settle(new NotZipError()));
      inflater.on('end', () => settle());
      inflater.end(data);
    });
  }

  /** The entry's inflated bytes, under the budget. */
  async read(name: string, budget: EntryBudget): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    await this.stream(name, budget, (chunk) => {
      chunks.push(chunk);
      size += chunk.byteLength;
    });
    // A copy of the exact size: zlib's chunks may be views of a larger buffer.
    const out = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.byteLength;
    }
    return out;
  }
}

/**
 * The names in a zip's central directory, read without inflating anything, or null when the bytes are not a zip.
 * For sniffing a stored file's type: cheap whatever the file holds.
 */
export function zipEntryNames(file: Uint8Array, maxEntries = 100_000): string[] | null {
  try {
    const zip = ZipFile.open(file, { limits: { ...DEFAULT_FILE_LIMITS, zipEntries: maxEntries }, advice: '' });
    return [...zip.names()];
  } catch {
    return null;
  }
}
