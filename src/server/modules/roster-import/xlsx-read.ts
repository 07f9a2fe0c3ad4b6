/**
 * Reads an uploaded .xlsx (roster or question sheet) into plain sheet rows for parseRosterSheet/parseQuestionSheet.
 *
 * The worksheet XML is tokenized as it inflates (files/zip.ts + files/xml-stream.ts) and turned into rows on the way:
 * nothing but the rows is kept, and rows, cells, XML elements and uncompressed bytes are counted against the budgets
 * (files/limits.ts) while streaming, so a workbook of a million rows is refused after reading the first 100,000 rather
 * than loaded whole. Cell values follow what exceljs gave: shared and inline strings (rich text joined), numbers,
 * dates (a number whose style has a date format, 1900 or 1904 system), booleans, a formula's cached result, errors as
 * null; merged ranges give every cell the master's value.
 */
import { findHeader } from '../../../domain/roster-import/header.ts';
import type { CellValue, SheetRow } from '../../../domain/roster-import/types.ts';
import { fileLimits, limitError, ROSTER_ADVICE, type FileLimits } from '../../../domain/files/limits.ts';
import { XmlStream, attributeValue, type XmlHandler } from '../../../domain/files/xml-stream.ts';
import { NotZipError, ZipFile } from '../../../domain/files/zip.ts';

export const NOT_XLSX_MESSAGE = 'Tệp không phải là tệp Excel .xlsx hợp lệ.';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export interface ReadWorkbookOptions {
  /** Budgets (files/limits.ts); the defaults when absent. */
  limits?: Partial<FileLimits>;
  /** What to do when over a budget, in the message (default: split by unit). */
  advice?: string;
}

interface SheetRead {
  rows: SheetRow[];
  /** [row index in rows, cell index] of cells that repeat the master value of a range merged across a row. */
  mergedCopies: [number, number][];
}

interface SheetRef {
  path: string;
  state: string;
}

class NotXlsx extends Error {}

/** Built-in number formats that are dates or times (exceljs' table through its isDateFmt). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs' rule: a format is a date when, outside quotes and [..], it has one of y m d h M s b. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function excelToDate(value: number, date1904: boolean): Date {
  return new Date(Math.round((value - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** The `_x000D_` escapes Excel writes in shared strings. */
function unescapeOoxml(text: string): string {
  return text.indexOf('_x') === -1 ? text : text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** exceljs decoded a formula's string result (and 't="str"' cells) once more. */
function xmlDecodeAgain(text: string): string {
  return text.indexOf('&') === -1
    ? text
    : text.replace(
        /&(lt|gt|amp|apos|quot);/g,
        (_, name: string) => (({ lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' }) as Record<string, string>)[name],
      );
}

/** 'AB12' → 28 (1-based column). */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col;
}

function rowOf(ref: string): number {
  const match = /\d+$/.exec(ref);
  return match ? Number(match[0]) : 0;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function resolvePath(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

/** A handler that only needs start tags (workbook, relationships, styles). */
function onOpen(fn: (name: string, attributes: string) => void): XmlHandler {
  return { open: (name, attributes) => fn(localName(name), attributes), close: () => {}, text: () => {} };
}

class WorkbookReader {
  private elements = 0;
  private date1904 = false;
  private dateStyles: boolean[] = [];
  private sharedStrings: string[] = [];
  /** Rows and cells read so far over every sheet. */
  private rows = 0;
  private cells = 0;
  readonly sheets: SheetRef[] = [];

  constructor(
    private readonly zip: ZipFile,
    private readonly limits: FileLimits,
    private readonly advice: string,
  ) {}

  private async xml(path: string, handler: XmlHandler): Promise<void> {
    const { limits, advice } = this;
    const stream = new XmlStream(handler, {
      maxElements: limits.sheetXmlElements - this.elements,
      tooManyElements: () => limitError('sheetXmlElements', limits, advice),
      invalid: () => new NotXlsx(),
    });
    await this.zip.stream(path, { max: limits.sheetXmlBytes, tooLarge: () => limitError('sheetXmlBytes', limits, advice) }, (chunk) =>
      stream.writeBytes(chunk),
    );
    stream.end();
    this.elements += stream.elements;
  }

  private async relationships(path: string): Promise<Map<string, { type: string; target: string }>> {
    const out = new Map<string, { type: string; target: string }>();
    if (!this.zip.has(path)) return out;
    await this.xml(
      path,
      onOpen((name, attributes) => {
        if (name !== 'Relationship' || attributeValue(attributes, 'TargetMode') === 'External') return;
        const id = attributeValue(attributes, 'Id');
        const target = attributeValue(attributes, 'Target');
        if (id && target) out.set(id, { type: attributeValue(attributes, 'Type') ?? '', target });
      }),
    );
    return out;
  }

  async load(): Promise<void> {
    const root = await this.relationships('_rels/.rels');
    const office = [...root.values()].find((rel) => rel.type.endsWith('/officeDocument'));
    const workbook = office ? resolvePath('', office.target) : 'xl/workbook.xml';
    if (!this.zip.has(workbook)) throw new NotXlsx();
    const dir = workbook.includes('/') ? workbook.slice(0, workbook.lastIndexOf('/') + 1) : '';
    const rels = await this.relationships(`${dir}_rels/${workbook.slice(dir.length)}.rels`);
    const sheets: { id: string; state: string }[] = [];
    await this.xml(
      workbook,
      onOpen((name, attributes) => {
        if (name === 'workbookPr') {
          const value = attributeValue(attributes, 'date1904');
          this.date1904 = value === '1' || value === 'true';
        } else if (name === 'sheet') {
          const id = attributeValue(attributes, 'r:id') ?? /\b[\w.-]+:id\s*=\s*"([^"]*)"/.exec(attributes)?.[1];
          if (id) sheets.push({ id, state: attributeValue(attributes, 'state') ?? 'visible' });
        }
      }),
    );
    for (const sheet of sheets) {
      const rel = rels.get(sheet.id);
      if (!rel || !rel.type.endsWith('/worksheet')) continue;
      const path = resolvePath(dir, rel.target);
      if (this.zip.has(path)) this.sheets.push({ path, state: sheet.state });
    }
    if (this.sheets.length === 0) throw new NotXlsx();
    const styles = [...rels.values()].find((rel) => rel.type.endsWith('/styles'));
    if (styles && this.zip.has(resolvePath(dir, styles.target))) await this.readStyles(resolvePath(dir, styles.target));
    const strings = [...rels.values()].find((rel) => rel.type.endsWith('/sharedStrings'));
    if (strings && this.zip.has(resolvePath(dir, strings.target))) await this.readSharedStrings(resolvePath(dir, strings.target));
  }

  private async readStyles(path: string): Promise<void> {
    const custom = new Map<number, string>();
    const xfFormats: number[] = [];
    let inCellXfs = false;
    await this.xml(path, {
      open: (tag, attributes, selfClosing) => {
        const name = localName(tag);
        if (name === 'numFmt') {
          const id = Number(attributeValue(attributes, 'numFmtId'));
          const code = attributeValue(attributes, 'formatCode');
          if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
        } else if (name === 'cellXfs') {
          inCellXfs = !selfClosing;
        } else if (name === 'xf' && inCellXfs) {
          if (xfFormats.length >= this.limits.cells) throw limitError('cells', this.limits, this.advice);
          xfFormats.push(Number(attributeValue(attributes, 'numFmtId') ?? 0) || 0);
        }
      },
      close: (tag) => {
        if (localName(tag) === 'cellXfs') inCellXfs = false;
      },
      text: () => {},
    });
    this.dateStyles = xfFormats.map((id) => {
      if (!id) return false;
      const code = custom.get(id);
      return code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id);
    });
  }

  private async readSharedStrings(path: string): Promise<void> {
    const strings = this.sharedStrings;
    let inItem = false;
    let text = '';
    let runs: string[] | null = null;
    let inText = false;
    let phonetic = 0;
    let inRun = false;
    await this.xml(path, {
      open: (tag, _attributes, selfClosing) => {
        const name = localName(tag);
        if (name === 'si') {
          inItem = !selfClosing;
          text = '';
          runs = null;
          if (selfClosing) strings.push('');
        } else if (!inItem || selfClosing) {
          // nothing to read
        } else if (name === 'rPh') phonetic++;
        else if (phonetic > 0) {
          // phonetic guide text is not the cell's text
        } else if (name === 'r') {
          inRun = true;
          runs ??= [];
          runs.push('');
        } else if (name === 't') inText = true;
      },
      close: (tag) => {
        const name = localName(tag);
        if (name === 'si') {
          if (strings.length >= this.limits.cells) throw limitError('cells', this.limits, this.advice);
          strings.push(runs ? runs.map(unescapeOoxml).join('') : unescapeOoxml(text));
          inItem = false;
        } else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
        else if (name === 'r') inRun = false;
        else if (name === 't') inText = false;
      },
      text: (value) => {
        if (!inText || phonetic > 0) return;
        if (inRun && runs) runs[runs.length - 1] += value;
        else text += value;
      },
    });
  }

  /** One worksheet's rows, built as its XML streams in. */
  async readSheet(sheet: SheetRef): Promise<SheetRead> {
    const { limits, advice } = this;
    const tooManyRows = () => limitError('rows', limits, advice);
    const tooManyCells = () => limitError('cells', limits, advice);
    /** Row number → cells by column index (0-based); undefined = no cell there. */
    const rows = new Map<number, (CellValue | undefined)[]>();
    const merges: string[] = [];
    let rowNumber = 0;
    let row: (CellValue | undefined)[] | null = null;
    let rowHasCells = false;
    let column = 0;
    let cellType = '';
    let cellDate = false;
    let value: string | undefined;
    let inline: string | undefined;
    let formula = false;
    let collect: 'v' | 'f' | 't' | null = null;
    let inCell = false;
    let inInline = false;
    let phonetic = 0;

    const finishCell = () => {
      let out: CellValue | undefined;
      if (formula) {
        let result: unknown;
        if (value) {
          if (cellType === 'str') result = xmlDecodeAgain(value);
          else if (cellType === 'b') result = parseInt(value, 10) !== 0;
          else if (cellType === 'e') result = null;
          else result = parseFloat(value);
        }
        if (result !== undefined && result !== null && cellDate) result = excelToDate(Number(result), this.date1904);
        out = plain(result);
      } else if (inline !== undefined && cellType === 'inlineStr') {
        out = inline;
      } else if (value !== undefined) {
        if (cellType === 's') out = this.sharedStrings[parseInt(value, 10)] ?? null;
        else if (cellType === 'str') out = xmlDecodeAgain(value);
        else if (cellType === 'inlineStr') out = value;
        else if (cellType === 'b') out = parseInt(value, 10) !== 0;
        else if (cellType === 'e') out = null;
        else {
          const number = parseFloat(value);
          out = plain(cellDate ? excelToDate(number, this.date1904) : number);
        }
      }
      // A cell without a value (only a style) is no cell for the reader.
      if (out !== undefined && row) {
        row[column - 1] = out;
        rowHasCells = true;
      }
    };

    await this.xml(sheet.path, {
      open: (tag, attributes, selfClosing) => {
        const name = localName(tag);
        if (inCell) {
          if (name === 'f') {
            // exceljs: a formula is its text or its sharing type ('shared', 'array').
            if (attributeValue(attributes, 't') !== undefined) formula = true;
            if (!selfClosing) collect = 'f';
          } else if (name === 'v') {
            if (!selfClosing) collect = 'v';
          } else if (name === 'is') {
            inInline = !selfClosing;
          } else if (name === 'rPh') {
            if (!selfClosing) phonetic++;
          } else if (name === 't' && (inInline || cellType === 'inlineStr') && phonetic === 0 && !selfClosing) {
            collect = 't';
          }
          return;
        }
        if (name === 'row') {
          if (++this.rows > limits.rows) throw tooManyRows();
          const r = Number(attributeValue(attributes, 'r'));
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          if (rowNumber > limits.rows) throw tooManyRows();
          row = rows.get(rowNumber) ?? [];
          rowHasCells = rows.has(rowNumber);
          column = 0;
          if (selfClosing) row = null;
        } else if (name === 'c') {
          if (++this.cells > limits.cells) throw tooManyCells();
          const ref = attributeValue(attributes, 'r');
          const col = ref ? columnOf(ref) : 0;
          column = col > 0 ? col : column + 1;
          if (column > 16384) throw new NotXlsx();
          cellType = attributeValue(attributes, 't') ?? '';
          const style = Number(attributeValue(attributes, 's') ?? 0);
          cellDate = style > 0 && this.dateStyles[style] === true;
          value = undefined;
          inline = undefined;
          formula = false;
          collect = null;
          inInline = false;
          phonetic = 0;
          inCell = !selfClosing;
        } else if (name === 'mergeCell') {
          const ref = attributeValue(attributes, 'ref');
          if (ref) merges.push(ref);
        }
      },
      close: (tag) => {
        const name = localName(tag);
        if (inCell) {
          if (name === 'c') {
            inCell = false;
            finishCell();
          } else if (name === 'f' || name === 'v' || name === 't') collect = null;
          else if (name === 'is') inInline = false;
          else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
          return;
        }
        if (name === 'row') {
          if (row && rowHasCells) rows.set(rowNumber, row);
          row = null;
        }
      },
      text: (text) => {
        if (collect === 'v') value = value === undefined ? text : value + text;
        else if (collect === 't') inline = inline === undefined ? text : inline + text;
        else if (collect === 'f' && text) formula = true;
      },
    });
    return this.merged(rows, merges);
  }

  /** Gives each merged range's cells the master's value, then lays the rows out densely from row 1. */
  private merged(rows: Map<number, (CellValue | undefined)[]>, merges: string[]): SheetRead {
    const copies: [number, number][] = [];
    for (const ref of merges) {
      const [from, to] = ref.split(':');
      if (!to) continue;
      const top = rowOf(from);
      const left = columnOf(from);
      const bottom = rowOf(to);
      const right = columnOf(to);
      if (top < 1 || left < 1 || bottom < top || right < left || right > 16384) continue;
      this.cells += (bottom - top + 1) * (right - left + 1);
      if (this.cells > this.limits.cells) throw limitError('cells', this.limits, this.advice);
      if (bottom > this.limits.rows) throw limitError('rows', this.limits, this.advice);
      const master = rows.get(top)?.[left - 1] ?? null;
      for (let r = top; r <= bottom; r++) {
        let cells = rows.get(r);
        if (!cells) rows.set(r, (cells = []));
        for (let c = left; c <= right; c++) {
          if (r === top && c === left) continue;
          cells[c - 1] = master;
          if (r === top) copies.push([r - 1, c - 1]);
        }
      }
    }
    const numbers = [...rows.keys()].sort((a, b) => a - b);
    const last = numbers.length ? numbers[numbers.length - 1] : 0;
    const out: SheetRow[] = [];
    for (let r = 1; r <= last; r++) {
      const cells = rows.get(r);
      if (!cells) {
        out.push({ excelRow: r, cells: [] });
        continue;
      }
      let end = cells.length;
      while (end > 0 && cells[end - 1] === undefined) end--;
      const dense: CellValue[] = new Array(end);
      for (let c = 0; c < end; c++) dense[c] = cells[c] ?? null;
      out.push({ excelRow: r, cells: dense });
    }
    return { rows: out, mergedCopies: copies };
  }
}

/** A value as the cell parsers take it: non-finite numbers and invalid dates are no value. */
function plain(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return null;
}

/**
 * The first worksheet with a recognisable roster header (visible sheets first), else the first sheet.
 * Merged cells repeat their master value in the header area. Below the header, a range merged down a
 * column (one "Đơn vị" cell spanning a school's people) fills every row; one merged across a row counts once.
 * Throws NOT_XLSX_MESSAGE for a file that is not a readable .xlsx, a FileLimitError past a budget.
 */
export async function readRosterWorkbook(buffer: Uint8Array, options: ReadWorkbookOptions = {}): Promise<SheetRow[]> {
  if (buffer.length < 4 || ZIP_MAGIC.some((byte, i) => buffer[i] !== byte)) throw new Error(NOT_XLSX_MESSAGE);
  const limits = fileLimits(options.limits);
  const advice = options.advice ?? ROSTER_ADVICE;
  try {
    const book = new WorkbookReader(ZipFile.open(buffer, { limits, advice }), limits, advice);
    await book.load();
    const order = [...book.sheets].sort((a, b) => Number(a.state !== 'visible') - Number(b.state !== 'visible'));
    const read = new Map<SheetRef, SheetRead>();
    let chosen: SheetRead | null = null;
    let headerRow = 0;
    for (const sheet of order) {
      const sheetRead = await book.readSheet(sheet);
      read.set(sheet, sheetRead);
      const header = findHeader(sheetRead.rows);
      if (header) {
        chosen = sheetRead;
        headerRow = header.headerRow;
        break;
      }
    }
    chosen ??= read.get(book.sheets[0]) ?? (await book.readSheet(book.sheets[0]));
    for (const [rowIndex, cellIndex] of chosen.mergedCopies) {
      const row = chosen.rows[rowIndex];
      if (row.excelRow > headerRow) row.cells[cellIndex] = null;
    }
    return chosen.rows;
  } catch (err) {
    if (err instanceof NotXlsx || err instanceof NotZipError) throw new Error(NOT_XLSX_MESSAGE, { cause: err });
    throw err;
  }
}
