/**
 * Aiken export: the stem on one line, "A. …" options, "ANSWER: X", a blank line between questions. A stem of several
 * lines is joined into one (Moodle's importer takes every line before "A." as a separate piece and mangles it); the
 * export says so (export/losses.ts).
 */
import { normalizeText } from '../../text.ts';
import type { ParsedQuestion } from '../types.ts';
import { letter } from './parse-aiken.ts';

const oneLine = (text: string) => normalizeText(text.replace(/\r\n|\r|\n/g, ' '));

export function writeAiken(questions: ParsedQuestion[]): string {
  return questions
    .map((q) => {
      const options = q.options.map((o, i) => `${letter(i)}. ${oneLine(o.text)}`);
      const correct = q.options.findIndex((o) => o.correct);
      return [oneLine(q.stem), ...options, `ANSWER: ${correct >= 0 ? letter(correct) : ''}`].join('\n') + '\n';
    })
    .join('\n');
}
