/** Shapes shared by every question-bank import format (Word, Excel, GIFT, Aiken) and the exporters. */
import type { RichBlock } from './rich-text.ts';

export type Difficulty = 'recognition' | 'comprehension' | 'application';
export const DIFFICULTY_LABELS: Record<Difficulty, string> = {
  recognition: 'Nhận biết',
  comprehension: 'Thông hiểu',
  application: 'Vận dụng',
};

export interface ParsedImage {
  /** e.g. 'image/png' */
  contentType: string;
  data: Uint8Array;
}

export interface ParsedOption {
  letter: string; // 'A'..'H'
  text: string;
  correct: boolean;
  pinned: boolean;
  images: ParsedImage[];
}

export interface ParsedQuestion {
  /** The question's number in the file (its order when the format has none). */
  number: number;
  /** 1-based line (paragraph) where the question starts. */
  line: number;
  /** Plain text (search, duplicates, plain-text formats); the rich form's plain text when there is one. */
  stem: string;
  /** Only when the stem has bold/italic/underlined words or a table (see rich-text.ts). */
  stemRich?: RichBlock[];
  topic: string | null;
  difficulty: Difficulty | null;
  images: ParsedImage[];
  options: ParsedOption[];
}

export interface QuestionProblem {
  /** The question's number in the file, or null for a problem outside any question. */
  question: number | null;
  line: number;
  message: string;
}

export interface QuestionParseResult {
  questions: ParsedQuestion[];
  problems: QuestionProblem[];
}
