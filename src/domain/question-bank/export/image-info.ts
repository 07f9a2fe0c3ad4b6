/** Image type and pixel size read from the bytes' header (PNG, JPEG, GIF, BMP), for placing images in exports. */
import type { ParsedImage } from '../types.ts';

export type ImageKind = 'png' | 'jpg' | 'gif' | 'bmp';

export interface ImageInfo {
  kind: ImageKind;
  /** File extension for the stored copy. */
  extension: string;
  width: number;
  height: number;
}

const FALLBACK_SIZE = { width: 200, height: 150 };

function kindOf(image: ParsedImage): ImageKind | null {
  const d = image.data;
  if (d[0] === 0x89 && d[1] === 0x50 && d[2] === 0x4e && d[3] === 0x47) return 'png';
  if (d[0] === 0xff && d[1] === 0xd8) return 'jpg';
  if (d[0] === 0x47 && d[1] === 0x49 && d[2] === 0x46) return 'gif';
  if (d[0] === 0x42 && d[1] === 0x4d) return 'bmp';
  const type = image.contentType.toLowerCase();
  if (type === 'image/png') return 'png';
  if (type === 'image/jpeg' || type === 'image/jpg') return 'jpg';
  if (type === 'image/gif') return 'gif';
  if (type === 'image/bmp') return 'bmp';
  return null;
}

function jpegSize(d: Uint8Array): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < d.length) {
    if (d[i] !== 0xff) return null;
    const marker = d[i + 1];
    const length = (d[i + 2] << 8) | d[i + 3];
    // SOF0..SOF15 except DHT (C4), JPG (C8), DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (d[i + 5] << 8) | d[i + 6], width: (d[i + 7] << 8) | d[i + 8] };
    }
    i += 2 + length;
  }
  return null;
}

function sizeOf(kind: ImageKind, d: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
  try {
    if (kind === 'png' && d.length >= 24) return { width: view.getUint32(16), height: view.getUint32(20) };
    if (kind === 'gif' && d.length >= 10) return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
    if (kind === 'bmp' && d.length >= 26) return { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
    if (kind === 'jpg') return jpegSize(d);
  } catch {
    return null;
  }
  return null;
}

/** null for a type the exports cannot embed (SVG, EMF, WMF, …). */
export function imageInfo(image: ParsedImage): ImageInfo | null {
  const kind = kindOf(image);
  if (!kind) return null;
  const size = sizeOf(kind, image.data);
  const { width, height } = size && size.width > 0 && size.height > 0 ? size : FALLBACK_SIZE;
  return { kind, extension: kind === 'jpg' ? 'jpg' : kind, width, height };
}

/** The size scaled down (never up) to fit maxWidth pixels. */
export function fitWidth(info: ImageInfo, maxWidth: number): { width: number; height: number } {
  if (info.width <= maxWidth) return { width: info.width, height: info.height };
  return { width: maxWidth, height: Math.max(1, Math.round((info.height * maxWidth) / info.width)) };
}
