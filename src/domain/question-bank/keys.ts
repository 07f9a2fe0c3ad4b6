import { fold } from '../text.ts';
import type { ParsedQuestion } from './types.ts';

const squash = (text: string) =>
  fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Folded stem and options: "nghi quyet 29" finds "Nghị quyết 29". */
export function searchText(q: { stem: string; options: readonly { text: string }[] }): string {
  return [q.stem, ...q.options.map((o) => o.text)].map(fold).join(' \n ');
}

/** Two stems with the same key (no case, diacritics, punctuation or numbering) are likely the same question. */
export function duplicateKey(stem: string): string {
  return squash(stem.replace(/^\s*(c[aâ]u|b[aà]i)\s*\d+\s*[.:)]?\s*/i, ''));
}

/** Problems for questions repeated inside the file or already in the bank. */
export function duplicateProblems(questions: ParsedQuestion[], existingKeys: Set<string>) {
  const seen = new Map<string, number>();
  const problems: { question: number; line: number; message: string }[] = [];
  for (const q of questions) {
    const key = duplicateKey(q.stem);
    if (!key) continue;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ question: q.number, line: q.line, message: `Có thể trùng với câu ${earlier} trong tệp` });
    } else if (existingKeys.has(key)) {
      problems.push({ question: q.number, line: q.line, message: 'Có thể trùng với một câu hỏi đã có trong ngân hàng' });
    }
    if (earlier === undefined) seen.set(key, q.number);
  }
  return problems;
}
