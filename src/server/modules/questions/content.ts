import { OPTION_LETTERS } from '../../../domain/question-bank/excel/parse-question-sheet.ts';

/** What a question version stores in content_json; the key is the version's correct_index. */
export interface StoredContent {
  stem: string;
  stemImages: number[];
  options: { text: string; pinned: boolean; images: number[] }[];
}

export function readContent(json: string): StoredContent {
  return JSON.parse(json) as StoredContent;
}

export function imageIdsOf(content: StoredContent): number[] {
  return [...content.stemImages, ...content.options.flatMap((o) => o.images)];
}

/** The options lettered A, B, … with the key marked, as staff screens and writers show them. */
export function letteredOptions(content: StoredContent, correctIndex: number) {
  return content.options.map((o, i) => ({ letter: OPTION_LETTERS[i], text: o.text, pinned: o.pinned, correct: i === correctIndex,
    images: o.images }));
}
