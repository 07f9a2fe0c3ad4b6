/** Opens a .docx (zip + WordprocessingML) into body blocks: paragraphs of formatted runs, tables, images. */
import { BANK_ADVICE, fileLimits, limitError, type FileLimits } from '../../files/limits.ts';
import { XmlStream } from '../../files/xml-stream.ts';
import { NotZipError, ZipFile } from '../../files/zip.ts';
import type { ParsedImage } from '../types.ts';
import { childOf, childrenOf, attrOf, tagOf, textOf, findFirst, XmlTreeBuilder, type XmlNode } from './xml.ts';
import { Numbering } from './numbering.ts';
import { NOT_DOCX_MESSAGE } from './messages.ts';

export interface RunFormat {
  underline: boolean;
  /** A colour other than automatic/black. */
  color: boolean;
  /** Highlight or cell-like shading. */
  highlight: boolean;
  bold: boolean;
  italic: boolean;
}

/** A piece of a run: text (tabs as '\t', breaks as '\n') or one image (empty text). */
export interface DocxRun extends RunFormat {
  text: string;
  image?: ParsedImage;
}

export interface DocxParagraph {
  kind: 'paragraph';
  /** 1-based over body-level blocks (paragraphs; a table counts as one). */
  line: number;
  runs: DocxRun[];
}

export interface DocxTable {
  kind: 'table';
  line: number;
  /** rows → cells → paragraphs (their line is the table's). */
  rows: DocxParagraph[][][];
}

export type DocxBlock = DocxParagraph | DocxTable;

export interface ReadDocxOptions {
  /** Budgets (files/limits.ts); the defaults when absent. */
  limits?: Partial<FileLimits>;
  /** What to do when over a budget, in the message (default: split the bank into several files). */
  advice?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  svg: 'image/svg+xml',
  webp: 'image/webp',
  emf: 'image/x-emf',
  wmf: 'image/x-wmf',
  ico: 'image/x-icon',
};

export function contentTypeOf(path: string): string {
  const ext = path.toLowerCase().split('.').pop() ?? '';
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

function isOn(node: XmlNode | undefined): boolean {
  if (!node) return false;
  const val = attrOf(node, 'w:val');
  return val === undefined || !['0', 'false', 'off', 'none'].includes(val.toLowerCase());
}

export function readFormat(rPr: XmlNode | undefined): RunFormat {
  const format: RunFormat = { underline: false, color: false, highlight: false, bold: false, italic: false };
  if (!rPr) return format;
  format.underline = isOn(childOf(rPr, 'w:u'));
  const color = attrOf(childOf(rPr, 'w:color') ?? {}, 'w:val')?.toUpperCase();
  format.color = color !== undefined && color !== 'AUTO' && color !== '000000';
  const shading = attrOf(childOf(rPr, 'w:shd') ?? {}, 'w:fill')?.toUpperCase();
  format.highlight = isOn(childOf(rPr, 'w:highlight')) || (shading !== undefined && shading !== 'AUTO' && shading !== 'FFFFFF');
  format.bold = isOn(childOf(rPr, 'w:b'));
  format.italic = isOn(childOf(rPr, 'w:i'));
  return format;
}

/** Relationship ids of the images in the nodes; of an mc:AlternateContent only its first branch with images. */
function imageIds(nodes: XmlNode[]): string[] {
  const ids: string[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'mc:AlternateContent') {
      for (const branch of childrenOf(node)) {
        const found = imageIds(childrenOf(branch));
        if (found.length > 0) {
          ids.push(...found);
          break;
        }
      }
    } else if (tag === 'a:blip') {
      const id = attrOf(node, 'r:embed');
      if (id) ids.push(id);
    } else if (tag === 'v:imagedata') {
      const id = attrOf(node, 'r:id');
      if (id) ids.push(id);
    } else {
      ids.push(...imageIds(childrenOf(node)));
    }
  }
  return ids;
}

/** Per-document reading state: images by relationship id, automatic numbering counters. */
interface ReadContext {
  image(id: string): ParsedImage | undefined;
  numbering: Numbering;
}

const SKIPPED_IN_PARAGRAPH = new Set(['w:pPr', 'w:del', 'w:moveFrom', 'w:rPr']);

function readRun(run: XmlNode, ctx: ReadContext, out: DocxRun[]): void {
  const format = readFormat(childOf(run, 'w:rPr'));
  let text = '';
  const flush = (): void => {
    if (text) out.push({ ...format, text });
    text = '';
  };
  for (const child of childrenOf(run)) {
    const tag = tagOf(child);
    if (tag === 'w:t') text += textOf(child);
    else if (tag === 'w:tab' || tag === 'w:ptab') text += '\t';
    else if (tag === 'w:br' || tag === 'w:cr') text += '\n';
    else if (tag === 'w:noBreakHyphen') text += '-';
    else if (tag === 'w:drawing' || tag === 'w:pict' || tag === 'w:object' || tag === 'mc:AlternateContent') {
      for (const id of imageIds([child])) {
        const image = ctx.image(id);
        if (!image) continue;
        flush();
        out.push({ ...format, text: '', image });
      }
    }
  }
  flush();
}

function collectRuns(nodes: XmlNode[], ctx: ReadContext, out: DocxRun[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'w:r') readRun(node, ctx, out);
    else if (tag === 'm:oMath' || tag === 'm:oMathPara') {
      const math = findAllText(node, 'm:t');
      if (math) out.push({ underline: false, color: false, highlight: false, bold: false, italic: false, text: math });
    } else if (!SKIPPED_IN_PARAGRAPH.has(tag) && tag !== '#text') collectRuns(childrenOf(node), ctx, out);
  }
}

function findAllText(node: XmlNode, tag: string): string {
  if (tagOf(node) === tag) return textOf(node);
  return childrenOf(node)
    .map((child) => findAllText(child, tag))
    .join('');
}

function readParagraph(node: XmlNode, line: number, ctx: ReadContext): DocxParagraph {
  const runs: DocxRun[] = [];
  const label = ctx.numbering.label(childOf(node, 'w:pPr'));
  if (label) runs.push({ ...readFormat(label.rPr), text: `${label.text} ` });
  collectRuns(childrenOf(node), ctx, runs);
  return { kind: 'paragraph', line, runs };
}

function readTable(node: XmlNode, line: number, ctx: ReadContext): DocxTable {
  const rows: DocxParagraph[][][] = [];
  for (const row of childrenOf(node).filter((child) => tagOf(child) === 'w:tr')) {
    const cells: DocxParagraph[][] = [];
    for (const cell of childrenOf(row).filter((child) => tagOf(child) === 'w:tc')) {
      const paragraphs: DocxParagraph[] = [];
      const walk = (nodes: XmlNode[]): void => {
        for (const item of nodes) {
          const tag = tagOf(item);
          if (tag === 'w:p') paragraphs.push(readParagraph(item, line, ctx));
          else if (tag === 'w:tbl' || tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') walk(childrenOf(item));
          else if (tag === 'w:tr' || tag === 'w:tc') walk(childrenOf(item));
        }
      };
      walk(childrenOf(cell));
      cells.push(paragraphs);
    }
    rows.push(cells);
  }
  return { kind: 'table', line, rows };
}

function resolveTarget(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `word/${target}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

/**
 * Opens the zip and reads its XML parts and images under the budgets, each counted while it inflates: bytes of each
 * part and in all, paragraphs and XML elements (the tree kept in memory), images (how many, bytes of one and of all).
 */
class DocxReader {
  private elements = 0;
  private imageBytes = 0;

  private constructor(
    private readonly zip: ZipFile,
    private readonly limits: FileLimits,
    private readonly advice: string,
  ) {}

  static open(file: Uint8Array, options: ReadDocxOptions): DocxReader {
    const limits = fileLimits(options.limits);
    const advice = options.advice ?? BANK_ADVICE;
    return new DocxReader(ZipFile.open(file, { limits, advice }), limits, advice);
  }

  has(name: string): boolean {
    return this.zip.has(name);
  }

  async xml(name: string, countParagraphs = false): Promise<XmlNode[]> {
    const { limits, advice } = this;
    let paragraphs = 0;
    const builder = new XmlTreeBuilder(
      countParagraphs
        ? (tag) => {
            if (tag === 'w:p' && ++paragraphs > limits.paragraphs) throw limitError('paragraphs', limits, advice);
          }
        : undefined,
    );
    const stream = new XmlStream(builder, {
      maxElements: limits.wordXmlElements - this.elements,
      tooManyElements: () => limitError('wordXmlElements', limits, advice),
      invalid: () => new Error(NOT_DOCX_MESSAGE),
    });
    await this.zip.stream(name, { max: limits.wordXmlBytes, tooLarge: () => limitError('wordXmlBytes', limits, advice) }, (chunk) =>
      stream.writeBytes(chunk),
    );
    stream.end();
    this.elements += stream.elements;
    return builder.root;
  }

  async image(path: string): Promise<Uint8Array> {
    const { limits, advice } = this;
    const left = limits.imagesTotalBytes - this.imageBytes;
    const data = await this.zip.read(path, {
      max: Math.min(limits.imageBytes, left),
      tooLarge: () =>
        left < limits.imageBytes ? limitError('imagesTotalBytes', limits, advice) : limitError('imageBytes', limits, advice, path),
    });
    this.imageBytes += data.byteLength;
    return data;
  }

  imageCountCheck(count: number): void {
    if (count > this.limits.images) throw limitError('images', this.limits, this.advice);
  }
}

/** Reads the document body. Throws NOT_DOCX_MESSAGE, or a FileLimitError past a budget. */
export async function readDocx(file: Uint8Array, options: ReadDocxOptions = {}): Promise<DocxBlock[]> {
  try {
    return await readBody(DocxReader.open(file, options));
  } catch (err) {
    throw err instanceof NotZipError ? new Error(NOT_DOCX_MESSAGE) : err;
  }
}

async function readBody(reader: DocxReader): Promise<DocxBlock[]> {
  if (!reader.has('word/document.xml')) throw new Error(NOT_DOCX_MESSAGE);
  const document = await reader.xml('word/document.xml', true);
  const targets = new Map<string, string>();
  if (reader.has('word/_rels/document.xml.rels')) {
    const rels = findFirst(await reader.xml('word/_rels/document.xml.rels'), 'Relationships');
    for (const rel of rels ? childrenOf(rels) : []) {
      const id = attrOf(rel, 'Id');
      const target = attrOf(rel, 'Target');
      if (id && target && attrOf(rel, 'TargetMode') !== 'External') targets.set(id, resolveTarget(target));
    }
  }
  const mediaPaths = [...new Set(targets.values())].filter((path) => reader.has(path) && /^word\/media\//i.test(path));
  reader.imageCountCheck(mediaPaths.length);
  const media = new Map<string, ParsedImage>();
  for (const path of mediaPaths) media.set(path, { contentType: contentTypeOf(path), data: await reader.image(path) });
  const numbering = new Numbering(reader.has('word/numbering.xml') ? await reader.xml('word/numbering.xml') : null);
  const ctx: ReadContext = {
    image: (id) => {
      const path = targets.get(id);
      return path ? media.get(path) : undefined;
    },
    numbering,
  };
  const body = findFirst(document, 'w:body');
  if (!body) throw new Error(NOT_DOCX_MESSAGE);
  const blocks: DocxBlock[] = [];
  const walk = (nodes: XmlNode[]): void => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'w:p') blocks.push(readParagraph(node, blocks.length + 1, ctx));
      else if (tag === 'w:tbl') blocks.push(readTable(node, blocks.length + 1, ctx));
      else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') walk(childrenOf(node));
    }
  };
  walk(childrenOf(body));
  return blocks;
}
