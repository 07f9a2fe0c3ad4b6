/** Decides what an uploaded file really is from its bytes, not from its name or the browser's content type. */
import { zipEntryNames } from '../../domain/files/zip.ts';

export interface SniffedType {
  ext: string;
  contentType: string;
  /** Shown in the browser (PDF, images) rather than downloaded. */
  inline: boolean;
}

const TYPES: Record<string, SniffedType> = {
  pdf: { ext: 'pdf', contentType: 'application/pdf', inline: true },
  png: { ext: 'png', contentType: 'image/png', inline: true },
  jpg: { ext: 'jpg', contentType: 'image/jpeg', inline: true },
  gif: { ext: 'gif', contentType: 'image/gif', inline: true },
  webp: { ext: 'webp', contentType: 'image/webp', inline: true },
  docx: { ext: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', inline: false },
  pptx: { ext: 'pptx', contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', inline: false },
  xlsx: { ext: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', inline: false },
};

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The file's type when it is one we accept (PDF, Office Open XML, PNG/JPEG/GIF/WebP), else null. */
export async function sniffFile(bytes: Uint8Array): Promise<SniffedType | null> {
  if (startsWith(bytes, ascii('%PDF-'))) return TYPES.pdf;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return TYPES.png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return TYPES.jpg;
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return TYPES.gif;
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return TYPES.webp;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Only the zip's directory is read — nothing is inflated — so a stored file costs the same whatever it holds.
    const names = zipEntryNames(bytes);
    if (!names) return null;
    const has = new Set(names);
    if (!has.has('[Content_Types].xml')) return null;
    if (has.has('word/document.xml')) return TYPES.docx;
    if (has.has('ppt/presentation.xml')) return TYPES.pptx;
    if (has.has('xl/workbook.xml')) return TYPES.xlsx;
  }
  return null;
}
