import { writeQuestionsXlsx } from '../../../domain/question-bank/export/index.ts';
import type { ParsedQuestion } from '../../../domain/question-bank/types.ts';

const option = (letter: string, text: string, correct = false, pinned = false) => ({ letter, text, correct, pinned, images: [] });

const EXAMPLES: ParsedQuestion[] = [
  {
    number: 1,
    line: 0,
    topic: 'Nghị quyết 29-NQ/TW',
    difficulty: 'recognition',
    images: [],
    stem: 'Nghị quyết số 29-NQ/TW về đổi mới căn bản, toàn diện giáo dục và đào tạo được ban hành năm nào?',
    options: [
      option('A', '2011'),
      option('B', '2013', true),
      option('C', '2015'),
      option('D', 'Tất cả các phương án trên đều sai', false, true),
    ],
  },
  {
    number: 2,
    line: 0,
    topic: 'Chuyên đề năm 2026 của tỉnh',
    difficulty: 'comprehension',
    images: [],
    stem: 'Mục tiêu nào sau đây là mục tiêu của chuyên đề năm 2026 của tỉnh?',
    options: [option('A', 'Nâng cao chất lượng đội ngũ', true), option('B', 'Giảm số trường học'), option('C', 'Tăng học phí')],
  },
];

/** The Excel template: the import layout with two worked examples to overwrite. */
export function questionTemplate(): Promise<Uint8Array> {
  return writeQuestionsXlsx(EXAMPLES, { title: 'MẪU NGÂN HÀNG CÂU HỎI (xóa hai câu ví dụ rồi nhập câu hỏi của đơn vị)' });
}
