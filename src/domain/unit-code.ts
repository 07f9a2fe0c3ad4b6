import { fold } from './text.ts';

const GENERIC_WORDS = new Set(['truong', 'trung', 'tam', 'va', 'cua']);
const KEEP_WHOLE = new Set(['mn', 'th', 'thcs', 'thpt', 'gdtx', 'gdnn']);

/** A short readable code for a unit created from a name: "Trường THCS Lê Quý Đôn" → "THCS-LQD". */
export function suggestUnitCode(name: string): string {
  const words = fold(name)
    .replace(/[^a-z0-9 &]/g, ' ')
    .split(' ')
    .filter(Boolean);
  const kept = words.filter((w) => !GENERIC_WORDS.has(w));
  const prefix = kept.filter((w) => KEEP_WHOLE.has(w)).join('-');
  const initials = kept
    .filter((w) => !KEEP_WHOLE.has(w))
    .map((w) => w[0])
    .join('');
  const code = [prefix, initials].filter(Boolean).join('-').toUpperCase();
  return (code || 'DV').slice(0, 20);
}

/** The first of code, code-2, code-3 … that is not taken. */
export function uniqueCode(base: string, taken: (code: string) => boolean): string {
  if (!taken(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}-${i}`;
    if (!taken(candidate)) return candidate;
  }
}
