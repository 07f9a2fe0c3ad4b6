/**
 * Test data: a small bank with what each export format must carry or report — a question without a topic, topics (one
 * named like a heading), a pinned option, difficulties, a bold word, a stem table, a stem of two lines and pictures —
 * and what importing each export gives back (the bank minus what the format cannot carry, see losses.ts).
 */
import { TINY_PNG } from '../docx/docx-test-builder.ts';
import type { RichBlock } from '../rich-text.ts';
import type { ParsedOption, ParsedQuestion } from '../types.ts';
import type { ExportFormat } from './losses.ts';

const option = (letter: string, text: string, correct = false, pinned = false, images: ParsedOption['images'] = []): ParsedOption => ({
  letter,
  text,
  correct,
  pinned,
  images,
});
const png = () => [{ contentType: 'image/png', data: TINY_PNG }];

const BOLD_STEM: RichBlock[] = [
  { type: 'paragraph', runs: [{ text: 'Việc nào sau đây ' }, { text: 'không', bold: true }, { text: ' phải là nhiệm vụ của nhà giáo?' }] },
];
const TABLE_STEM: RichBlock[] = [
  { type: 'paragraph', runs: [{ text: 'Theo bảng sau, Đại hội nào họp năm 2021?' }] },
  {
    type: 'table',
    rows: [
      [[{ text: 'Đại hội' }], [{ text: 'Năm' }]],
      [[{ text: 'XII' }], [{ text: '2016' }]],
      [[{ text: 'XIII' }], [{ text: '2021' }]],
    ],
  },
];

export const ROUND_TRIP_BANK: ParsedQuestion[] = [
  {
    number: 1,
    line: 0,
    stem: 'Câu hỏi chung của đợt bồi dưỡng:\nNăm học 2025-2026 có chủ đề gì?',
    topic: null,
    difficulty: null,
    images: [],
    options: [option('A', 'Đổi mới và sáng tạo', true), option('B', 'Kỷ cương và trách nhiệm')],
  },
  {
    number: 2,
    line: 0,
    stem: 'Nghị quyết số 29-NQ/TW về đổi mới căn bản, toàn diện giáo dục và đào tạo được ban hành năm nào?',
    topic: 'Nghị quyết 29-NQ/TW',
    difficulty: 'recognition',
    images: [],
    options: [
      option('A', '2011'),
      option('B', '2013', true),
      option('C', '2015'),
      option('D', 'Tất cả các phương án trên đều sai', false, true),
    ],
  },
  {
    number: 3,
    line: 0,
    stem: 'Việc nào sau đây không phải là nhiệm vụ của nhà giáo?',
    stemRich: BOLD_STEM,
    topic: 'Nghị quyết 29-NQ/TW',
    difficulty: 'comprehension',
    images: [],
    options: [option('A', 'Giáo dục, giảng dạy theo mục tiêu'), option('B', 'Kinh doanh dịch vụ tại trường', true)],
  },
  {
    number: 4,
    line: 0,
    stem: 'Theo bảng sau, Đại hội nào họp năm 2021?\nĐại hội | Năm\nXII | 2016\nXIII | 2021',
    stemRich: TABLE_STEM,
    topic: 'Phần II. Luật Giáo dục 2019',
    difficulty: null,
    images: [],
    options: [option('A', 'Đại hội XII'), option('B', 'Đại hội XIII', true), option('C', 'Đại hội XI')],
  },
  {
    number: 5,
    line: 0,
    stem: 'Hình bên là lá cờ nào?',
    topic: 'Phần II. Luật Giáo dục 2019',
    difficulty: 'application',
    images: png(),
    options: [option('A', 'Cờ Tổ quốc', true, false, png()), option('B', 'Cờ Đảng')],
  },
];

/** The bank as it reads back after an export to the format and an import of that file. */
export function expectedAfterRoundTrip(format: Exclude<ExportFormat, 'qti'>, q: ParsedQuestion): ParsedQuestion {
  if (format === 'docx') return q;
  const { stemRich, ...rest } = q;
  const plain: ParsedQuestion = { ...rest, images: [], options: q.options.map((o) => ({ ...o, images: [] })) };
  if (format === 'xlsx') return plain;
  const unpinned = plain.options.map((o) => ({ ...o, pinned: false }));
  if (format === 'gift') return { ...plain, ...(stemRich ? { stemRich } : {}), difficulty: null, options: unpinned };
  return { ...plain, stem: q.stem.replace(/\n/g, ' '), topic: null, difficulty: null, options: unpinned };
}
