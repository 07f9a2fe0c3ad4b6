/** The Vietnamese problems reported for one parsed question. */
import type { ParsedQuestion } from '../types.ts';

/** Messages in order: content, option count, letter gaps/duplicates, answer letters, correct count. */
export function questionProblems(question: ParsedQuestion, answerLetters: string[]): string[] {
  const messages: string[] = [];
  if (question.stem === '' && question.images.length === 0) messages.push('Câu hỏi không có nội dung');
  const letters = question.options.map((option) => option.letter);
  if (letters.length === 0) messages.push('Câu hỏi không có phương án');
  if (letters.length === 1) messages.push('Câu hỏi chỉ có 1 phương án');
  const last = letters.reduce((max, letter) => (letter > max ? letter : max), 'A');
  const missing: string[] = [];
  for (let code = 65; code < last.charCodeAt(0); code++) {
    if (!letters.includes(String.fromCharCode(code))) missing.push(String.fromCharCode(code));
  }
  if (missing.length > 0) messages.push(`Thiếu phương án ${missing.join(', ')}`);
  for (const letter of new Set(letters.filter((l, i) => letters.indexOf(l) !== i))) messages.push(`Phương án ${letter} bị lặp lại`);
  for (const option of question.options) {
    if (option.text === '' && option.images.length === 0) messages.push(`Phương án ${option.letter} không có nội dung`);
  }
  for (const letter of new Set(answerLetters)) {
    if (!letters.includes(letter)) messages.push(`Đáp án ${letter} không có trong các phương án`);
  }
  if (letters.length > 0) {
    const correct = question.options.filter((option) => option.correct).map((option) => option.letter);
    if (correct.length === 0) messages.push('Không tìm thấy đáp án đúng');
    if (correct.length > 1) messages.push(`Có ${correct.length} phương án được đánh dấu đúng (${correct.join(', ')})`);
  }
  return messages;
}
