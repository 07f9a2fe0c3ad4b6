/** Fonts with Vietnamese glyphs for pdfkit documents, and turning a document into bytes. */
import fs from 'node:fs';

const FONT_DIR = new URL('../../../assets/fonts/', import.meta.url);
const FONT_FILES = { Body: 'DejaVuSans.ttf', Bold: 'DejaVuSans-Bold.ttf' } as const;
export type FontName = keyof typeof FONT_FILES;

const cache = new Map<FontName, Buffer>();

function fontBytes(name: FontName): Buffer {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = fs.readFileSync(new URL(FONT_FILES[name], FONT_DIR));
    cache.set(name, bytes);
  }
  return bytes;
}

/** Registers 'Body' and 'Bold' (DejaVu Sans, embedded as subsets) and selects 'Body'. */
export function registerVietnameseFonts(doc: PDFKit.PDFDocument): void {
  for (const name of Object.keys(FONT_FILES) as FontName[]) doc.registerFont(name, fontBytes(name));
  doc.font('Body');
}

/** Ends the document and resolves with its bytes. Call once, after everything is drawn. */
export function pdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
