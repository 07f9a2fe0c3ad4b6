import { useEffect, useRef } from 'react';

/** Confirms the submit and names the questions left unanswered or marked for review. */
export function SubmitDialog({
  unanswered,
  flagged,
  submitting,
  onCancel,
  onConfirm,
  onGo,
}: {
  unanswered: number[];
  flagged: number[];
  submitting: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  onGo: (position: number) => void;
}) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  const list = (positions: number[]) =>
    positions.map((p, i) => (
      <span key={p}>
        {i > 0 && ', '}
        <button type="button" className="lt-link" onClick={() => onGo(p)}>
          {p + 1}
        </button>
      </span>
    ));
  return (
    <div className="ex-dialog-backdrop" role="presentation" onClick={onCancel}>
      <div className="ex-dialog" role="dialog" aria-modal="true" aria-labelledby="submit-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="submit-title">Nộp bài?</h2>
        {unanswered.length > 0 ? (
          <div className="lt-alert lt-alert--warn">
            Bạn còn <strong>{unanswered.length} câu chưa trả lời</strong>: câu {list(unanswered)}.
          </div>
        ) : (
          <div className="lt-alert lt-alert--ok">Bạn đã trả lời tất cả các câu.</div>
        )}
        {flagged.length > 0 && <p className="lt-muted">Câu đã đánh dấu xem lại: {list(flagged)}.</p>}
        <p>Sau khi nộp, bạn không thể sửa bài làm.</p>
        <div className="lt-actions">
          <button type="button" className="lt-btn" onClick={onCancel} disabled={submitting}>
            Làm tiếp
          </button>
          <button type="button" ref={confirmRef} className="lt-btn lt-btn--primary" onClick={onConfirm} disabled={submitting}>
            {submitting ? 'Đang nộp…' : 'Nộp bài'}
          </button>
        </div>
      </div>
    </div>
  );
}
