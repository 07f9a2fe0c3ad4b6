/**
 * Moodle GIFT export of multiple-choice questions. A stem with formatting or a table is written as [html] (Moodle and
 * parseGift read it back as such); a text that Moodle's auto-format would take for markup ("<", "&", a leading "[html]")
 * is written as [plain]. Pictures, pinned options and difficulty have no place in GIFT (export/losses.ts says so).
 */
import { normalizeText } from '../../text.ts';
import { normalizeBlocks, type RichBlock, type RichRun } from '../rich-text.ts';
import type { ParsedQuestion } from '../types.ts';

const FORMAT_PREFIX = /^\[(html|moodle|markdown|plain)\]/i;

/** Escapes GIFT's special characters; line breaks become `\n`. */
export function escapeGift(text: string): string {
  return text.replace(/[\\=~#{}:]/g, '\\$&').replace(/\r\n|\r|\n/g, '\\n');
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function runsHtml(runs: RichRun[]): string {
  return runs
    .map((run) => {
      let out = escapeHtml(run.text);
      if (run.underline) out = `<u>${out}</u>`;
      if (run.italic) out = `<em>${out}</em>`;
      if (run.bold) out = `<strong>${out}</strong>`;
      return out;
    })
    .join('');
}

export function blocksHtml(blocks: RichBlock[]): string {
  return normalizeBlocks(blocks)
    .map((block) =>
      block.type === 'paragraph'
        ? `<p>${runsHtml(block.runs)}</p>`
        : `<table>${block.rows.map((cells) => `<tr>${cells.map((cell) => `<td>${runsHtml(cell)}</td>`).join('')}</tr>`).join('')}</table>`,
    )
    .join('');
}

const cleanLines = (text: string) =>
  text
    .split(/\r\n|\r|\n/)
    .map(normalizeText)
    .filter(Boolean)
    .join('\n');

type Format = 'html' | 'plain' | 'moodle';

function formatOf(q: ParsedQuestion): Format {
  if (q.stemRich) return 'html';
  const texts = [q.stem, ...q.options.map((o) => o.text)];
  return FORMAT_PREFIX.test(cleanLines(q.stem)) || texts.some((t) => /[<&]/.test(t)) ? 'plain' : 'moodle';
}

function stemText(q: ParsedQuestion, format: Format): string {
  if (format === 'html') return `[html]${escapeGift(blocksHtml(q.stemRich!))}`;
  return (format === 'plain' ? '[plain]' : '') + escapeGift(cleanLines(q.stem));
}

function optionText(text: string, correct: boolean, format: Format): string {
  const clean = normalizeText(text);
  // A leading "%…" would be read as a weight: state the weight explicitly.
  const weight = clean.startsWith('%') ? (correct ? '%100%' : '%0%') : '';
  return (correct ? '=' : '~') + weight + escapeGift(format === 'html' ? escapeHtml(clean) : clean);
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
    const format = formatOf(q);
    const options = q.options.map((o) => `\t${optionText(o.text, o.correct, format)}`);
    blocks.push([`::Câu ${i + 1}::${stemText(q, format)} {`, ...options, '}'].join('\n'));
  });
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}
