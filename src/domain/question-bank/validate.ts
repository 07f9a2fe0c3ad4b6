import { normalizeText } from '../text.ts';

export interface EditableOption {
  text: string;
  correct: boolean;
  pinned: boolean;
  images?: readonly unknown[];
}

/**
 * The problems of a question typed in the editor or about to be imported, in Vietnamese; empty when it can be saved.
 * A stem or an option may be a picture alone.
 */
export function questionContentProblems(stem: string, options: EditableOption[], stemImages = 0): string[] {
  const problems: string[] = [];
  if (!normalizeText(stem) && stemImages === 0) problems.push('Câu hỏi không có nội dung');
  if (options.length < 2) problems.push('Câu hỏi cần ít nhất 2 phương án');
  if (options.length > 8) problems.push('Câu hỏi có tối đa 8 phương án');
  const empty = options.findIndex((o) => !normalizeText(o.text) && !o.images?.length);
  if (empty >= 0) problems.push(`Phương án ${'ABCDEFGH'[empty] ?? empty + 1} không có nội dung`);
  const correct = options.filter((o) => o.correct).length;
  if (correct === 0) problems.push('Chưa chọn đáp án đúng');
  if (correct > 1) problems.push('Chỉ được chọn một đáp án đúng');
  return problems;
}
