/**
 * Budgets for reading an uploaded or CLI-read file (Excel, Word, GIFT/Aiken text). Each is checked while the file is
 * inflated and parsed — on the bytes that come out of each zip entry, never on the sizes the zip declares — so a file
 * over budget is refused after reading at most the budget, with a Vietnamese message naming the limit and what to do.
 *
 * The defaults are ~5× what the largest real files need: a province roster of 20,000 rows (~2 MB .xlsx, 12 MB of
 * sheet XML), a bank of 1,000 questions with images (~3 MB of document.xml written by Word, 7,000 paragraphs,
 * ~400,000 XML elements, a few hundred images or MathType previews). At the limits a file still parses within the
 * parsing child's default 1 GB heap: 3 million cells in ~7 s and ~600 MB, 29,000 Word paragraphs of 1.45 million
 * elements in ~4 s and ~450 MB.
 */
import { formatNumberVi } from '../text.ts';

export interface FileLimits {
  /** Entries in a zip's directory (a .docx or .xlsx has a few dozen, plus one per image). */
  zipEntries: number;
  /** Uncompressed bytes of everything read from one zip, counted as it inflates. */
  totalBytes: number;
  /** Uncompressed bytes of one worksheet or shared-strings part of an .xlsx. */
  sheetXmlBytes: number;
  /** Rows of the worksheets read, as they stream (every <row>, and no row number beyond it). */
  rows: number;
  /** Cells of the worksheets read, with merged ranges counted cell by cell. */
  cells: number;
  /** XML elements of an .xlsx (rich text runs, formulas, …), a bound on the work of the rest. */
  sheetXmlElements: number;
  /** Uncompressed bytes of one XML part of a .docx (document.xml, numbering.xml, …). */
  wordXmlBytes: number;
  /** Paragraphs of a .docx (table cells included). */
  paragraphs: number;
  /** XML elements of the .docx parts read: the size of the tree kept in memory. */
  wordXmlElements: number;
  /** Images of a .docx: how many, the uncompressed bytes of one and of all. */
  images: number;
  imageBytes: number;
  imagesTotalBytes: number;
  /** Bytes of a GIFT or Aiken text file. */
  textBytes: number;
  /** Questions read from one file, whatever its format: what the preview stores and the organiser ticks. */
  questions: number;
}

const MB = 1024 * 1024;

export const DEFAULT_FILE_LIMITS: FileLimits = {
  zipEntries: 20_000,
  totalBytes: 512 * MB,
  sheetXmlBytes: 256 * MB,
  rows: 100_000,
  cells: 3_000_000,
  sheetXmlElements: 20_000_000,
  wordXmlBytes: 64 * MB,
  paragraphs: 30_000,
  wordXmlElements: 1_500_000,
  images: 10_000,
  imageBytes: 20 * MB,
  imagesTotalBytes: 100 * MB,
  textBytes: 10 * MB,
  questions: 10_000,
};

export type FileLimitName = keyof FileLimits;

/** The environment variable that overrides each limit (config.ts), and its unit: bytes are given in MB. */
export const LIMIT_ENV_NAMES: Record<FileLimitName, { name: string; unit: number }> = {
  zipEntries: { name: 'UPLOAD_LIMIT_ZIP_ENTRIES', unit: 1 },
  totalBytes: { name: 'UPLOAD_LIMIT_TOTAL_MB', unit: MB },
  sheetXmlBytes: { name: 'UPLOAD_LIMIT_SHEET_XML_MB', unit: MB },
  rows: { name: 'UPLOAD_LIMIT_ROWS', unit: 1 },
  cells: { name: 'UPLOAD_LIMIT_CELLS', unit: 1 },
  sheetXmlElements: { name: 'UPLOAD_LIMIT_SHEET_XML_ELEMENTS', unit: 1 },
  wordXmlBytes: { name: 'UPLOAD_LIMIT_WORD_XML_MB', unit: MB },
  paragraphs: { name: 'UPLOAD_LIMIT_PARAGRAPHS', unit: 1 },
  wordXmlElements: { name: 'UPLOAD_LIMIT_WORD_XML_ELEMENTS', unit: 1 },
  images: { name: 'UPLOAD_LIMIT_IMAGES', unit: 1 },
  imageBytes: { name: 'UPLOAD_LIMIT_IMAGE_MB', unit: MB },
  imagesTotalBytes: { name: 'UPLOAD_LIMIT_IMAGES_TOTAL_MB', unit: MB },
  textBytes: { name: 'UPLOAD_LIMIT_TEXT_MB', unit: MB },
  questions: { name: 'UPLOAD_LIMIT_QUESTIONS', unit: 1 },
};

/** What the person should do, by the kind of file: appended to every limit message. */
export const ROSTER_ADVICE = 'hãy tách theo đơn vị';
export const BANK_ADVICE = 'hãy tách ngân hàng thành nhiều tệp';

/** A budget was exceeded. The message is Vietnamese and complete; `limit` and `max` name the budget. */
export class FileLimitError extends Error {
  constructor(
    readonly limit: FileLimitName,
    readonly max: number,
    message: string,
  ) {
    super(message);
    this.name = 'FileLimitError';
  }
}

const count = (n: number) => formatNumberVi(n, 0);
const megabytes = (n: number) =>
  n < MB ? `${formatNumberVi(Math.max(1, Math.round(n / 1024)), 0)} KB` : `${formatNumberVi(Math.round(n / MB), 0)} MB`;

/** The error for a budget; `part` names the zip entry when it helps (an image). */
export function limitError(limit: FileLimitName, limits: FileLimits, advice: string, part?: string): FileLimitError {
  const max = limits[limit];
  const text: Record<FileLimitName, string> = {
    zipEntries: `Tệp nén có hơn ${count(max)} thành phần; ${advice}.`,
    totalBytes: `Tệp lớn hơn ${megabytes(max)} sau khi giải nén (có thể là tệp độc hại); ${advice}.`,
    sheetXmlBytes: `Một trang tính của tệp Excel lớn hơn ${megabytes(max)} sau khi giải nén; ${advice}.`,
    rows: `Tệp có hơn ${count(max)} dòng; ${advice}.`,
    cells: `Tệp có hơn ${count(max)} ô dữ liệu (ô gộp tính từng ô); hãy xoá các cột, ô gộp thừa hoặc ${advice.replace(/^hãy /, '')}.`,
    sheetXmlElements: `Tệp Excel quá phức tạp (hơn ${count(max)} thành phần XML); ${advice}.`,
    wordXmlBytes: `Nội dung tệp Word lớn hơn ${megabytes(max)} sau khi giải nén; ${advice}.`,
    paragraphs: `Tệp Word có hơn ${count(max)} đoạn văn; ${advice}.`,
    wordXmlElements: `Tệp Word quá phức tạp (hơn ${count(max)} thành phần XML); ${advice}.`,
    images: `Tệp Word có hơn ${count(max)} hình ảnh; ${advice}.`,
    imageBytes: `Một hình ảnh trong tệp Word${part ? ` (${part})` : ''} lớn hơn ${megabytes(max)} sau khi giải nén; hãy thu nhỏ ảnh rồi tải lên lại.`,
    imagesTotalBytes: `Hình ảnh trong tệp Word lớn hơn ${megabytes(max)} sau khi giải nén; hãy thu nhỏ ảnh hoặc ${advice.replace(/^hãy /, '')}.`,
    textBytes: `Tệp văn bản lớn hơn ${megabytes(max)}; ${advice}.`,
    questions: `Tệp có hơn ${count(max)} câu hỏi; ${advice}.`,
  };
  return new FileLimitError(limit, max, text[limit]);
}

/** Limits from a partial override (configuration, tests); unknown or non-positive values keep the default. */
export function fileLimits(overrides: Partial<FileLimits> = {}): FileLimits {
  const limits = { ...DEFAULT_FILE_LIMITS };
  for (const key of Object.keys(limits) as FileLimitName[]) {
    const value = overrides[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) limits[key] = Math.floor(value);
  }
  return limits;
}
