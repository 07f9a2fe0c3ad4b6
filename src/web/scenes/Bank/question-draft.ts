import { blocksOfPlainText, richPlainText, type RichBlock } from '../../../domain/question-bank/rich-text.ts';
import type { Difficulty } from '../../../domain/question-bank/types.ts';
import { questionImageUrl, type QuestionDetail, type QuestionEdit } from '../../api/banks.ts';
import type { EditorImage } from './image-upload-button.tsx';

export const LETTERS = 'ABCDEFGH';
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 8;

export interface DraftOption {
  /** React key: stays with the option when an option above it is removed. */
  key: number;
  text: string;
  pinned: boolean;
  images: EditorImage[];
}

/** What the editor holds while the question is changed; nothing is sent until it is saved. */
export interface QuestionDraft {
  stem: RichBlock[];
  stemImages: EditorImage[];
  options: DraftOption[];
  /** Index of the correct option, −1 when none is chosen (e.g. the correct one was removed). */
  correct: number;
  topicId: number | null;
  difficulty: Difficulty | null;
  tags: string[];
  source: string;
  nextKey: number;
}

export type DraftAction =
  | { type: 'load'; draft: QuestionDraft }
  | { type: 'stem'; stem: RichBlock[] }
  | { type: 'addStemImage'; image: EditorImage }
  | { type: 'removeStemImage'; index: number }
  | { type: 'option'; index: number; change: Partial<Omit<DraftOption, 'key'>> }
  | { type: 'addOption' }
  | { type: 'removeOption'; index: number }
  | { type: 'correct'; index: number }
  | { type: 'topic'; topicId: number | null }
  | { type: 'difficulty'; difficulty: Difficulty | null }
  | { type: 'tags'; tags: string[] }
  | { type: 'source'; source: string };

export const EMPTY_DRAFT: QuestionDraft = {
  stem: [],
  stemImages: [],
  options: [],
  correct: -1,
  topicId: null,
  difficulty: null,
  tags: [],
  source: '',
  nextKey: 100,
};

const storedImages = (questionId: number, ids: number[]): EditorImage[] => ids.map((id) => ({ id, src: questionImageUrl(questionId, id) }));

/** The stem as rich blocks: a plain stem becomes paragraphs. */
export function stemBlocksOf(q: Pick<QuestionDetail, 'stem' | 'stemRich'>): RichBlock[] {
  return q.stemRich ?? blocksOfPlainText(q.stem);
}

/** The draft of a stored question. */
export function draftOf(q: QuestionDetail): QuestionDraft {
  return {
    stem: stemBlocksOf(q),
    stemImages: storedImages(q.id, q.stemImages),
    options: q.options.map((o, i) => ({ key: i, text: o.text, pinned: o.pinned, images: storedImages(q.id, o.images) })),
    correct: q.options.findIndex((o) => o.correct),
    topicId: q.topicId,
    difficulty: q.difficulty,
    tags: q.tags,
    source: q.source ?? '',
    nextKey: 100,
  };
}

/** The request body of a save: images by id, the key as a flag on its option, an empty source as null. */
export function editOf(draft: QuestionDraft): QuestionEdit {
  return {
    stemRich: draft.stem,
    stemImages: draft.stemImages.map((i) => i.id),
    topicId: draft.topicId,
    difficulty: draft.difficulty,
    tags: draft.tags,
    source: draft.source.trim() || null,
    options: draft.options.map((o, i) => ({
      text: o.text,
      pinned: o.pinned,
      correct: i === draft.correct,
      images: o.images.map((img) => img.id),
    })),
  };
}

/** The question as participants will see it (before shuffling), for the editor's preview. */
export function previewOf(draft: QuestionDraft) {
  return {
    stem: richPlainText(draft.stem),
    stemRich: draft.stem,
    stemImages: draft.stemImages.map((i) => i.src),
    options: draft.options.map((o, i) => ({
      letter: LETTERS[i],
      text: o.text,
      pinned: o.pinned,
      correct: i === draft.correct,
      images: o.images.map((img) => img.src),
    })),
  };
}

export const canAddOption = (draft: QuestionDraft) => draft.options.length < MAX_OPTIONS;
export const canRemoveOption = (draft: QuestionDraft) => draft.options.length > MIN_OPTIONS;

export function draftReducer(draft: QuestionDraft, action: DraftAction): QuestionDraft {
  switch (action.type) {
    case 'load':
      return action.draft;
    case 'stem':
      return { ...draft, stem: action.stem };
    case 'addStemImage':
      return { ...draft, stemImages: [...draft.stemImages, action.image] };
    case 'removeStemImage':
      return { ...draft, stemImages: draft.stemImages.filter((_, i) => i !== action.index) };
    case 'option':
      return { ...draft, options: draft.options.map((o, i) => (i === action.index ? { ...o, ...action.change } : o)) };
    case 'addOption':
      return {
        ...draft,
        options: [...draft.options, { key: draft.nextKey, text: '', pinned: false, images: [] }],
        nextKey: draft.nextKey + 1,
      };
    case 'removeOption': {
      const { index } = action;
      const correct = draft.correct === index ? -1 : draft.correct > index ? draft.correct - 1 : draft.correct;
      return { ...draft, options: draft.options.filter((_, i) => i !== index), correct };
    }
    case 'correct':
      return { ...draft, correct: action.index };
    case 'topic':
      return { ...draft, topicId: action.topicId };
    case 'difficulty':
      return { ...draft, difficulty: action.difficulty };
    case 'tags':
      return { ...draft, tags: action.tags };
    case 'source':
      return { ...draft, source: action.source };
  }
}
