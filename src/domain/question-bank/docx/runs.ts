/** Character-level helpers over formatted runs: plain text, slicing by offsets, format shares. */
import type { ParsedImage } from '../types.ts';
import type { DocxRun, RunFormat } from './read-docx.ts';

export function plainText(runs: DocxRun[]): string {
  return runs.map((run) => run.text).join('');
}

/**
 * The runs covering [start, end) of the plain text, cut at the edges. An image (empty run) at offset p belongs
 * to the slice with start <= p < end, or to the last slice (includeEnd) when p === end.
 */
export function sliceRuns(runs: DocxRun[], start: number, end: number, includeEnd = false): DocxRun[] {
  const out: DocxRun[] = [];
  let at = 0;
  for (const run of runs) {
    const from = at;
    const to = at + run.text.length;
    at = to;
    if (run.text.length === 0) {
      if (from >= start && (from < end || (includeEnd && from === end))) out.push(run);
      continue;
    }
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (a < b) out.push({ ...run, text: run.text.slice(a - from, b - from) });
  }
  return out;
}

/** The format of the character at the offset (undefined past the end). */
export function formatAt(runs: DocxRun[], index: number): RunFormat | undefined {
  let at = 0;
  for (const run of runs) {
    if (index >= at && index < at + run.text.length) return run;
    at += run.text.length;
  }
  return undefined;
}

/** Share (0..1) of the non-whitespace characters having the flag; 0 when there are none. */
export function shareOf(runs: DocxRun[], flag: keyof RunFormat): number {
  let total = 0;
  let flagged = 0;
  for (const run of runs) {
    const count = run.text.replace(/[\s\u00a0\u200b]/g, '').length;
    total += count;
    if (run[flag]) flagged += count;
  }
  return total === 0 ? 0 : flagged / total;
}

export function imagesOf(runs: DocxRun[]): ParsedImage[] {
  return runs.flatMap((run) => (run.image ? [run.image] : []));
}
