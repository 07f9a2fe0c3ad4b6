import { normalizeText } from '../text.ts';

export interface EditableOption { text: string; correct: boolean; pinned: boolean }

/** The problems of a question typed in the editor, in Vietnamese; empty when it can be saved. */
export function questionContentProblems(stem: string, options: EditableOption[]): string[] {
  const problems: string[] = [];
  if (!normalizeText(stem)) problems.push('Câu hỏi không có nội dung');
  if (options.length < 2) problems.push('Câu hỏi cần ít nhất 2 phương án');
  if (options.length > 8) problems.push('Câu hỏi có tối đa 8 phương án');
  const empty = options.findIndex((o) => !normalizeText(o.text));
  if (empty >= 0) problems.push(`Phương án ${'ABCDEFGH'[empty] ?? empty + 1} không có nội dung`);
  const correct = options.filter((o) => o.correct).length;
  if (correct === 0) problems.push('Chưa chọn đáp án đúng');
  if (correct > 1) problems.push('Chỉ được chọn một đáp án đúng');
  return problems;
}
