import type { AnswerQueue } from './answer-queue.ts';

/** One button per question: answered, flagged, waiting to be sent, and the current one. */
export function Navigator({
  count,
  queue,
  current,
  onGo,
}: {
  count: number;
  queue: AnswerQueue;
  current: number | null;
  onGo: (position: number) => void;
}) {
  return (
    <nav aria-label="Danh sách câu hỏi">
      <div className="ex-nav">
        {Array.from({ length: count }, (_, p) => {
          const answer = queue.answerOf(p);
          const answered = answer?.choice !== null && answer?.choice !== undefined;
          const classes = [
            'ex-nav__item',
            answered && 'ex-nav__item--answered',
            answer?.flagged && 'ex-nav__item--flagged',
            queue.statusOf(p) === 'pending' && 'ex-nav__item--pending',
            current === p && 'ex-nav__item--current',
          ].filter(Boolean);
          const state = [answered ? 'đã trả lời' : 'chưa trả lời', answer?.flagged ? 'đánh dấu xem lại' : ''].filter(Boolean).join(', ');
          return (
            <button
              key={p}
              type="button"
              className={classes.join(' ')}
              aria-label={`Câu ${p + 1}: ${state}`}
              aria-current={current === p ? 'true' : undefined}
              onClick={() => onGo(p)}
            >
              {p + 1}
            </button>
          );
        })}
      </div>
      <div className="ex-legend" aria-hidden="true">
        <span>
          <i style={{ background: 'var(--brand)', borderColor: 'var(--brand)' }} />
          Đã trả lời
        </span>
        <span>
          <i />
          Chưa trả lời
        </span>
        <span>
          <i style={{ background: '#f59e0b', borderColor: '#f59e0b', borderRadius: '50%' }} />
          Xem lại
        </span>
        <span>
          <i style={{ borderStyle: 'dashed', borderWidth: 2 }} />
          Chưa gửi
        </span>
      </div>
    </nav>
  );
}
