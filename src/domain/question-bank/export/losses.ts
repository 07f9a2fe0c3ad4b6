/** What each export format cannot carry, counted per question, and said in one Vietnamese sentence. */
import { hasFormatting, hasTable } from '../rich-text.ts';
import type { ParsedQuestion } from '../types.ts';
import { imageInfo } from './image-info.ts';

export const EXPORT_FORMATS = ['docx', 'xlsx', 'gift', 'aiken', 'qti'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_NAMES: Record<ExportFormat, string> = {
  docx: 'Word',
  xlsx: 'Excel',
  gift: 'GIFT',
  aiken: 'Aiken',
  qti: 'IMS QTI',
};

type Feature = 'images' | 'unembeddable' | 'table' | 'formatting' | 'lines' | 'optionLines' | 'pinned' | 'difficulty' | 'topic';

const allImages = (q: ParsedQuestion) => [...q.images, ...q.options.flatMap((o) => o.images)];

const HAS: Record<Feature, (q: ParsedQuestion) => boolean> = {
  images: (q) => allImages(q).length > 0,
  unembeddable: (q) => allImages(q).some((image) => imageInfo(image) === null),
  table: (q) => !!q.stemRich && hasTable(q.stemRich),
  formatting: (q) => !!q.stemRich && hasFormatting(q.stemRich),
  lines: (q) => q.stem.includes('\n'),
  optionLines: (q) => q.options.some((o) => o.text.trim().includes('\n')),
  pinned: (q) => q.options.some((o) => o.pinned),
  difficulty: (q) => q.difficulty !== null,
  topic: (q) => !!q.topic,
};

const LABELS: Record<Feature, string> = {
  images: 'hình ảnh',
  unembeddable: 'hình ảnh dạng không nhúng được (SVG, EMF, WMF…)',
  table: 'bảng trong câu hỏi — ghi thành dòng chữ',
  formatting: 'chữ đậm, nghiêng, gạch chân',
  lines: 'xuống dòng trong câu hỏi — nối thành một dòng',
  optionLines: 'xuống dòng trong phương án — nối thành một dòng',
  pinned: 'phương án cố định vị trí',
  difficulty: 'mức độ',
  topic: 'chuyên đề',
};

/** What each format leaves out; the rest it writes so that its importer (if any) reads it back unchanged. */
const LOST: Record<ExportFormat, Feature[]> = {
  docx: ['unembeddable'],
  xlsx: ['images', 'table', 'formatting'],
  gift: ['images', 'optionLines', 'pinned', 'difficulty'],
  aiken: ['images', 'table', 'formatting', 'lines', 'optionLines', 'pinned', 'difficulty', 'topic'],
  qti: ['unembeddable', 'topic', 'difficulty'],
};

export interface ExportLoss {
  what: string;
  /** How many questions lose it. */
  questions: number;
}

export function exportLosses(questions: ParsedQuestion[], format: ExportFormat): ExportLoss[] {
  return LOST[format]
    .map((feature) => ({ what: LABELS[feature], questions: questions.filter(HAS[feature]).length }))
    .filter((loss) => loss.questions > 0);
}

/** "Tệp GIFT không mang được: hình ảnh (2 câu); mức độ (10 câu)."; null when nothing is lost. */
export function exportLossSummary(format: ExportFormat, losses: ExportLoss[]): string | null {
  if (losses.length === 0) return null;
  const list = losses.map((loss) => `${loss.what} (${loss.questions.toLocaleString('vi-VN')} câu)`).join('; ');
  return `Tệp ${EXPORT_FORMAT_NAMES[format]} không mang được: ${list}.`;
}
