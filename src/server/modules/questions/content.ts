import { OPTION_LETTERS } from '../../../domain/question-bank/excel/parse-question-sheet.ts';
import type { RichBlock } from '../../../domain/question-bank/rich-text.ts';

/** What a question version stores in content_json; the key is the version's correct_index. */
export interface StoredContent {
  stem: string;
  /** Only when the stem has formatting or a table; rows stored before rich stems have none. */
  stemRich?: RichBlock[];
  stemImages: number[];
  options: { text: string; pinned: boolean; images: number[] }[];
}

export function readContent(json: string): StoredContent {
  return JSON.parse(json) as StoredContent;
}

/** The one serialisation (fixed key order), so that two contents are equal when their JSON is. */
export function contentJson(content: StoredContent): string {
  return JSON.stringify({
    stem: content.stem,
    ...(content.stemRich ? { stemRich: content.stemRich } : {}),
    stemImages: content.stemImages,
    options: content.options.map((o) => ({ text: o.text, pinned: o.pinned, images: o.images })),
  });
}

export function imageIdsOf(content: StoredContent): number[] {
  return [...content.stemImages, ...content.options.flatMap((o) => o.images)];
}

/** The options lettered A, B, … with the key marked, as staff screens and writers show them. */
export function letteredOptions(content: StoredContent, correctIndex: number) {
  return content.options.map((o, i) => ({
    letter: OPTION_LETTERS[i],
    text: o.text,
    pinned: o.pinned,
    correct: i === correctIndex,
    images: o.images,
  }));
}
