import { PictureOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { DIFFICULTY_LABELS, type Difficulty } from '../../../domain/question-bank/types.ts';

export const DIFFICULTY_COLORS: Record<Difficulty, string> = { recognition: 'blue', comprehension: 'gold', application: 'volcano' };

export function DifficultyTag({ value }: { value: Difficulty | null }) {
  if (!value) return <Tag>Chưa phân mức độ</Tag>;
  return <Tag color={DIFFICULTY_COLORS[value]}>{DIFFICULTY_LABELS[value]}</Tag>;
}

interface ViewOption {
  letter: string;
  text: string;
  correct: boolean;
  pinned: boolean;
  images?: number[];
}

/** Stored images of a saved question, served with the bank's access check. */
function Pictures({ questionId, ids }: { questionId?: number; ids?: number[] }) {
  if (!questionId || !ids?.length) return null;
  return (
    <span className="question-view__images">
      {ids.map((id) => (
        <img key={id} src={`/api/questions/${questionId}/images/${id}`} alt="Ảnh minh họa" loading="lazy"
          style={{ maxWidth: '100%', maxHeight: 240, display: 'block', margin: '6px 0' }} />
      ))}
    </span>
  );
}

/** A question as the organiser checks it: stem, lettered options, the correct one in green. */
export function QuestionView({ stem, options, images = 0, footer, heading, questionId, stemImages }: {
  stem: string; options: ViewOption[]; images?: number; footer?: ReactNode; heading?: ReactNode;
  /** A saved question: its images are shown instead of counted. */
  questionId?: number; stemImages?: number[];
}) {
  return (
    <div className="question-view">
      {heading}
      <div className="question-view__stem">{stem || <span className="muted">(Chưa có nội dung câu hỏi)</span>}</div>
      <Pictures questionId={questionId} ids={stemImages} />
      {images > 0 && !questionId && <Tag icon={<PictureOutlined />} style={{ marginBottom: 8 }}>{images} ảnh</Tag>}
      <ol className="question-view__options">
        {options.map((o) => (
          <li key={o.letter} className={o.correct ? 'question-option question-option--correct' : 'question-option'}>
            <span className="question-option__letter" aria-hidden>{o.letter}</span>
            <span className="visually-hidden">Phương án {o.letter}: </span>
            <span className="question-option__text">
              {o.text || <span className="muted">(trống)</span>}
              <Pictures questionId={questionId} ids={o.images} />
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
