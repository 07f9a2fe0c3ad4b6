/** Moodle GIFT export of multiple-choice questions. */
import { normalizeText } from '../../text.ts';
import type { ParsedQuestion } from '../types.ts';

const FORMAT_PREFIX = /^\[(html|moodle|markdown|plain)\]/i;

/** Escapes GIFT's special characters; line breaks become `\n`. */
export function escapeGift(text: string): string {
  return text.replace(/[\\=~#{}:]/g, '\\$&').replace(/\r\n|\r|\n/g, '\\n');
}

function stemText(stem: string): string {
  const lines = stem.split(/\r\n|\r|\n/).map(normalizeText).filter(Boolean).join('\n');
  // A stem that itself starts like "[html]" must not be read as a format prefix.
  return (FORMAT_PREFIX.test(lines) ? '[moodle]' : '') + escapeGift(lines);
}

function optionText(text: string, correct: boolean): string {
  const clean = normalizeText(text);
  // A leading "%…" would be read as a weight: state the weight explicitly.
  const weight = clean.startsWith('%') ? (correct ? '%100%' : '%0%') : '';
  return (correct ? '=' : '~') + weight + escapeGift(clean);
}

function categoryLine(topic: string | null): string {
  return `$CATEGORY: ${topic ? topic.replace(/\//g, '//') : ''}`;
}

export function writeGift(questions: ParsedQuestion[]): string {
  const blocks: string[] = [];
  let topic: string | null = null;
  questions.forEach((q, i) => {
    const questionTopic = q.topic ? normalizeText(q.topic) || null : null;
    if (questionTopic !== topic) {
      blocks.push(categoryLine(questionTopic));
      topic = questionTopic;
    }
    const options = q.options.map((o) => `\t${optionText(o.text, o.correct)}`);
    blocks.push([`::Câu ${i + 1}::${stemText(q.stem)} {`, ...options, '}'].join('\n'));
  });
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}
