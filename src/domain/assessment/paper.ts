/** A variant printed on paper (the fallback when the network fails): what both the Word and the PDF writers draw. */
import type { ParsedImage } from '../question-bank/types.ts';
import type { RichBlock } from '../question-bank/rich-text.ts';
import { OPTION_LETTERS } from './responses.ts';

export interface PaperQuestion {
  stem: string;
  stemRich?: RichBlock[] | null;
  stemImages: ParsedImage[];
  options: { text: string; images: ParsedImage[] }[];
}

export interface PaperInput {
  /** The organising unit, printed in capitals at the top left. */
  organisation: string;
  title: string;
  code: string;
  durationMin: number;
  instructions: string | null;
  questions: PaperQuestion[];
  /** Display position of the correct option per question. */
  key: number[];
}

export function paperHeading(input: PaperInput) {
  return {
    organisation: input.organisation.toLocaleUpperCase('vi'),
    title: input.title.toLocaleUpperCase('vi'),
    meta: `Thời gian làm bài: ${input.durationMin} phút — ${input.questions.length} câu hỏi`,
    code: `Mã đề: ${input.code}`,
    candidate:
      'Họ và tên: ........................................................ Đơn vị: ......................................................',
    keyTitle: `ĐÁP ÁN — MÃ ĐỀ ${input.code}`,
  };
}

/** Rows of the answer key table: columns of (question number, letter) pairs. */
export function keyRows(key: readonly number[], columns = 5): { number: number; letter: string }[][] {
  const rows: { number: number; letter: string }[][] = [];
  const perColumn = Math.ceil(key.length / columns);
  for (let r = 0; r < perColumn; r++) {
    const row: { number: number; letter: string }[] = [];
    for (let c = 0; c < columns; c++) {
      const i = c * perColumn + r;
      if (i < key.length) row.push({ number: i + 1, letter: OPTION_LETTERS[key[i]] });
    }
    rows.push(row);
  }
  return rows;
}

export function paperFileName(title: string, code: string, extension: string): string {
  return `${title} - ma de ${code}.${extension}`;
}
