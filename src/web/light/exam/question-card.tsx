import type { ExamQuestion } from './api.ts';
import { OPTION_LETTERS } from '../../../domain/assessment/responses.ts';
import type { Entry } from './answer-queue.ts';
import { RichText } from '../../components/rich-text.tsx';

/** 'Đã lưu' only once the server holds the answer; until then it is kept on this device and waits to be sent. */
const SAVED_LABEL = { saved: 'Đã lưu', pending: 'Chờ gửi · đã lưu trên máy', none: '' } as const;

export function QuestionCard({
  question,
  answer,
  status,
  onChoose,
  onFlag,
}: {
  question: ExamQuestion;
  answer: Entry | undefined;
  status: 'saved' | 'pending' | 'none';
  onChoose: (choice: number | null) => void;
  onFlag: (flagged: boolean) => void;
}) {
  const number = question.position + 1;
  const chosen = answer?.choice ?? null;
  const answered = chosen !== null;
  return (
    <section className="ex-q" id={`cau-${number}`} aria-labelledby={`cau-${number}-title`}>
      <div className="ex-q__head">
        <span className="ex-q__num" id={`cau-${number}-title`}>
          Câu {number}
        </span>
        {answered && status !== 'none' && (
          <span className={`ex-q__saved ex-q__saved--${status === 'saved' ? 'ok' : 'pending'}`} data-testid={`saved-${number}`}>
            {status === 'saved' ? '✓ ' : '⟳ '}
            {SAVED_LABEL[status]}
          </span>
        )}
        <button
          type="button"
          className="lt-btn lt-btn--small ex-q__flag"
          aria-pressed={answer?.flagged ?? false}
          onClick={() => onFlag(!(answer?.flagged ?? false))}
        >
          {answer?.flagged ? '★ Đã đánh dấu' : '☆ Xem lại sau'}
        </button>
      </div>
      <RichText className="ex-q__stem" blocks={question.stemRich} text={question.stem} />
      {question.stemImages.map((src) => (
        <img key={src} className="ex-q__img" src={src} alt={`Hình của câu ${number}`} loading="lazy" />
      ))}
      <div role="radiogroup" aria-label={`Các phương án của câu ${number}`}>
        {question.options.map((option, d) => (
          <button
            key={d}
            type="button"
            role="radio"
            aria-checked={chosen === d}
            className={`ex-opt${chosen === d ? ' ex-opt--chosen' : ''}`}
            onClick={() => onChoose(chosen === d ? null : d)}
          >
            <span className="ex-opt__letter" aria-hidden="true">
              {OPTION_LETTERS[d]}
            </span>
            <span className="ex-opt__text">
              <span className="visually-hidden">{OPTION_LETTERS[d]}. </span>
              {option.text}
              {option.images.map((src) => (
                <img key={src} className="ex-q__img" src={src} alt="" loading="lazy" />
              ))}
            </span>
          </button>
        ))}
      </div>
    </section>
  );
}
