import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { OPTION_LETTERS } from '../../../domain/assessment/responses.ts';
import { formatDateTimeVi } from '../../../domain/datetime.ts';
import { errorMessage } from '../../api/client.ts';
import { PageLoading } from '../../components/page-loading.tsx';
import { usePageTitle } from '../../hooks/usePageTitle.ts';
import { ErrorAlert } from '../light-layout.tsx';
import { examApi, type AttemptResult } from './api.ts';
import { RichText } from '../../components/rich-text.tsx';
import { formatScore } from './format.ts';

const SUBMIT_KINDS = { participant: 'bạn nộp', deadline: 'tự động nộp khi hết giờ', server: 'hệ thống tự động nộp khi hết giờ' } as const;

function Review({ result }: { result: AttemptResult }) {
  if (!result.questions) return null;
  return (
    <>
      <h2 style={{ fontSize: 19 }}>Bài làm của bạn</h2>
      {result.questions.map((q) => (
        <section key={q.position} className="ex-q" aria-label={`Câu ${q.position + 1}`}>
          <div className="ex-q__head">
            <span className="ex-q__num">Câu {q.position + 1}</span>
            {q.correct !== null && q.choice !== null && (
              <span className={`ex-q__saved ${q.choice === q.correct ? 'ex-q__saved--ok' : 'ex-q__saved--pending'}`}>
                {q.choice === q.correct ? '✓ Đúng' : '✗ Chưa đúng'}
              </span>
            )}
            {q.choice === null && <span className="ex-q__saved">Không trả lời</span>}
          </div>
          <RichText className="ex-q__stem" blocks={q.stemRich} text={q.stem} />
          {q.options.map((text, d) => {
            const tone = q.correct === d ? ' ex-opt--right' : q.choice === d && q.correct !== null ? ' ex-opt--wrong' : '';
            return (
              <div key={d} className={`ex-opt${q.choice === d ? ' ex-opt--chosen' : ''}${tone}`}>
                <span className="ex-opt__letter" aria-hidden="true">
                  {OPTION_LETTERS[d]}
                </span>
                <span className="ex-opt__text">
                  {text}
                  {q.choice === d && <em className="lt-small"> (bạn chọn)</em>}
                  {q.correct === d && <strong className="lt-small"> (đáp án đúng)</strong>}
                </span>
              </div>
            );
          })}
        </section>
      ))}
    </>
  );
}

export default function ResultScreen() {
  usePageTitle('Kết quả');
  const attemptId = Number(useParams().attemptId);
  const state = useLocation().state as { result?: AttemptResult; unsent?: number; closedMessage?: string } | null;
  const given = state?.result ?? null;
  const [result, setResult] = useState<AttemptResult | null>(given);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // The submit's reply carries the score; the review of each question (when allowed) comes from the result.
    if (!given || (given.reviewAvailable && !given.questions)) {
      examApi.result(attemptId).then(
        (full) => setResult({ ...full, rejectedAnswers: given?.rejectedAnswers, supersededAnswers: given?.supersededAnswers }),
        (e) => setError(errorMessage(e)),
      );
    }
  }, [attemptId, given]);

  // On a site's edge server the score comes back with the sync: ask again every 15 s until it is there.
  const awaiting = result?.awaitingSync === true;
  useEffect(() => {
    if (!awaiting) return;
    const timer = setInterval(() => {
      examApi.result(attemptId).then(
        (full) => {
          if (!full.awaitingSync) setResult(full);
        },
        () => {},
      );
    }, 15_000);
    return () => clearInterval(timer);
  }, [attemptId, awaiting]);

  if (error)
    return (
      <>
        <ErrorAlert message={error} />
        <Link to="/thi">← Bài khảo sát của tôi</Link>
      </>
    );
  if (!result) return <PageLoading />;
  return (
    <>
      <p>
        <Link to="/thi">← Bài khảo sát của tôi</Link>
      </p>
      <div className="lt-card">
        <h1 style={{ fontSize: 20, margin: '0 0 6px' }}>{result.assessmentTitle}</h1>
        {result.status === 'voided' && <div className="lt-alert lt-alert--error">Bài làm này đã bị hủy.</div>}
        {result.status === 'submitted' && (
          <p className="lt-muted">
            Đã nộp lúc {formatDateTimeVi(result.submittedAt)}
            {result.submitKind ? ` (${SUBMIT_KINDS[result.submitKind]})` : ''}. Trả lời {result.answered ?? 0}/{result.total} câu.
          </p>
        )}
        {state?.closedMessage && (
          <div className="lt-alert lt-alert--info" role="status">
            {state.closedMessage}
          </div>
        )}
        {state?.unsent ? (
          <div className="lt-alert lt-alert--warn" role="alert">
            {state.unsent} câu trả lời trên máy này chưa kịp gửi lên máy chủ trước khi bài làm đóng nên không được tính.
          </div>
        ) : null}
        {result.supersededAnswers ? (
          <div className="lt-alert lt-alert--warn">
            {result.supersededAnswers} câu trả lời gửi kèm khi nộp không được tính vì câu đó đã được đổi trên thiết bị khác của bạn trước
            đó.
          </div>
        ) : null}
        {result.rejectedAnswers ? (
          <div className="lt-alert lt-alert--warn">{result.rejectedAnswers} câu trả lời gửi sau khi hết giờ nên không được tính.</div>
        ) : null}
        {result.score !== null ? (
          <div className="rs-score" aria-label="Điểm">
            <strong>{formatScore(result.score)}</strong>
            <span className="lt-muted">/ 10 điểm</span>
            <span className="rs-band">{result.band}</span>
            <span className="lt-muted">
              {result.correct}/{result.total} câu đúng
            </span>
          </div>
        ) : (
          result.status === 'submitted' && (
            <div className="lt-alert lt-alert--info" role="status">
              {result.refusedByProvince
                ? 'Máy chủ tỉnh không nhận bài làm này: bạn đã được chuyển về làm bài trên máy chủ tỉnh, hoặc máy điểm cầu đã bị '
                  + 'thu hồi. Hãy báo giám sát điểm cầu.'
                : result.awaitingSync
                  ? 'Bài làm đã được lưu tại máy chủ điểm cầu. Điểm sẽ có khi đồng bộ với máy chủ tỉnh; trang này tự cập nhật.'
                  : result.scoreVisibleFrom
                    ? `Điểm sẽ được công bố sau khi bài khảo sát đóng (${formatDateTimeVi(result.scoreVisibleFrom)}).`
                    : 'Ban tổ chức không công bố điểm trên hệ thống.'}
            </div>
          )
        )}
      </div>
      <Review result={result} />
    </>
  );
}
