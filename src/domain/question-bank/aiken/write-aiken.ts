/** Aiken export: stem line(s), "A. …" options, "ANSWER: X", a blank line between questions. */
import { normalizeText } from '../../text.ts';
import type { ParsedQuestion } from '../types.ts';
import { letter } from './parse-aiken.ts';

export function writeAiken(questions: ParsedQuestion[]): string {
  return questions
    .map((q) => {
      const stem = q.stem.split(/\r\n|\r|\n/).map(normalizeText).filter(Boolean);
      const options = q.options.map((o, i) => `${letter(i)}. ${normalizeText(o.text)}`);
      const correct = q.options.findIndex((o) => o.correct);
      return [...stem, ...options, `ANSWER: ${correct >= 0 ? letter(correct) : ''}`].join('\n') + '\n';
    })
    .join('\n');
}
