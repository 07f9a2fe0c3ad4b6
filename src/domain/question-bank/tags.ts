/** Question tags: free words the organiser adds ("Luật Nhà giáo", "ôn tập 2026") and filters on. */
import { fold, normalizeText } from '../text.ts';

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;

/** NFC, spaces collapsed, empty ones dropped, one per folded form (first spelling kept); or the Vietnamese problem. */
export function normalizeTags(raw: readonly string[]): { tags: string[]; problem: string | null } {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const value of raw) {
    const tag = normalizeText(value);
    if (!tag || seen.has(fold(tag))) continue;
    if (tag.length > MAX_TAG_LENGTH) return { tags, problem: `Nhãn "${tag.slice(0, 20)}…" dài quá ${MAX_TAG_LENGTH} ký tự` };
    seen.add(fold(tag));
    tags.push(tag);
  }
  if (tags.length > MAX_TAGS) return { tags, problem: `Một câu hỏi có tối đa ${MAX_TAGS} nhãn` };
  return { tags, problem: null };
}
