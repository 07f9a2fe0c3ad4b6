import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { RichBlock } from '../../../domain/question-bank/rich-text.ts';
import { DIFFICULTY_LABELS, type Difficulty } from '../../../domain/question-bank/types.ts';
import { RichText } from '../../components/rich-text.tsx';
import { Thumbnails } from './thumbnails.tsx';

export const DIFFICULTY_COLORS: Record<Difficulty, string> = { recognition: 'blue', comprehension: 'gold', application: 'volcano' };

export function DifficultyTag({ value }: { value: Difficulty | null }) {
  if (!value) return <Tag>Chưa phân mức độ</Tag>;
  return <Tag color={DIFFICULTY_COLORS[value]}>{DIFFICULTY_LABELS[value]}</Tag>;
}

export interface ViewOption {
  letter: string;
  text: string;
  correct: boolean;
  pinned: boolean;
  /** Addresses of the option's pictures. */
  images?: string[];
}

/** A question as the organiser checks it: the stem as it will look, lettered options, the correct one in green. */
export function QuestionView({
  stem,
  stemRich,
  stemImages,
  options,
  footer,
  heading,
}: {
  stem: string;
  stemRich?: RichBlock[] | null;
  stemImages?: string[];
  options: ViewOption[];
  footer?: ReactNode;
  heading?: ReactNode;
}) {
  const empty = !stem && !stemRich?.length;
  return (
    <div className="question-view">
      {heading}
      <div className="question-view__stem">
        {empty ? <span className="muted">(Chưa có nội dung câu hỏi)</span> : <RichText blocks={stemRich} text={stem} />}
      </div>
      <Thumbnails srcs={stemImages} large />
      <ol className="question-view__options">
        {options.map((o) => (
          <li key={o.letter} className={o.correct ? 'question-option question-option--correct' : 'question-option'}>
            <span className="question-option__letter" aria-hidden>
              {o.letter}
            </span>
            <span className="visually-hidden">Phương án {o.letter}: </span>
            <span className="question-option__text">
              {o.text || (!o.images?.length && <span className="muted">(trống)</span>)}
              <Thumbnails srcs={o.images} />
            </span>
            <span className="question-option__tags">
              {o.correct && <Tag color="green">Đáp án</Tag>}
              {o.pinned && <Tag>Cố định</Tag>}
            </span>
          </li>
        ))}
      </ol>
      {footer}
    </div>
  );
}
