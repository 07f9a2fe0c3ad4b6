/** Answers on the canonical questions, independent of the variant's shuffle: what grading, regrading and statistics read. */
import type { VariantItem } from './assemble.ts';

export const OPTION_LETTERS = 'ABCDEFGH';
export const NO_ANSWER = '-';

/**
 * One character per canonical question: the letter of the ORIGINAL option chosen, or '-'.
 * `choices` maps a display position of the variant to the display option chosen there (null = cleared).
 */
export function canonicalResponses(items: readonly VariantItem[], choices: ReadonlyMap<number, number | null>): string {
  const out: string[] = Array.from({ length: items.length }, () => NO_ANSWER);
  items.forEach((item, position) => {
    const choice = choices.get(position);
    if (choice === null || choice === undefined) return;
    const original = item.optionOrder[choice];
    if (original !== undefined) out[item.ordinal] = OPTION_LETTERS[original];
  });
  return out.join('');
}

/** The key as letters in canonical order, from each question's correct option index. */
export function keyLetters(correctIndexes: readonly number[]): string {
  return correctIndexes.map((i) => OPTION_LETTERS[i]).join('');
}

/** The display option chosen at each position, read back from canonical responses (for review pages). */
export function displayChoices(items: readonly VariantItem[], responses: string): (number | null)[] {
  return items.map((item) => {
    const letter = responses[item.ordinal];
    const original = letter ? OPTION_LETTERS.indexOf(letter) : -1;
    if (original < 0) return null;
    const display = item.optionOrder.indexOf(original);
    return display < 0 ? null : display;
  });
}
