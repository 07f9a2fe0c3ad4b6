import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageLoading } from '../../components/page-loading.tsx';
import { usePageTitle } from '../../hooks/usePageTitle.ts';
import { ErrorAlert, TopBarLayout } from '../light-layout.tsx';
import { Countdown } from './countdown.tsx';
import { NetworkLine } from './network-line.tsx';
import { SignInAgain } from './sign-in-again.tsx';
import { Navigator } from './navigator.tsx';
import { QuestionCard } from './question-card.tsx';
import { SubmitDialog } from './submit-dialog.tsx';
import { useExamSession, type Finished } from './use-exam-session.ts';

type Mode = 'one' | 'all';
const MODE_KEY = 'bd-exam-mode';

function storedMode(): Mode {
  try {
    return localStorage.getItem(MODE_KEY) === 'all' ? 'all' : 'one';
  } catch {
    return 'one';
  }
}

export default function ExamScreen() {
  const attemptId = Number(useParams().attemptId);
  const navigate = useNavigate();
  const onFinished = useCallback(
    ({ result, unsent, closedMessage }: Finished) => {
      navigate(`/thi/ket-qua/${attemptId}`, { replace: true, state: { result: result ?? undefined, unsent, closedMessage } });
    },
    [attemptId, navigate],
  );
  const session = useExamSession(attemptId, onFinished);
  const { exam, queue, submit } = session;
  usePageTitle(exam ? exam.assessment.title : 'Bài làm');
  const [mode, setMode] = useState<Mode>(storedMode);
  const [current, setCurrent] = useState(0);
  const [confirming, setConfirming] = useState(false);

  if (session.loadError) {
    const { failure, message } = session.loadError;
    const signIn = failure === 'signed_out' || failure === 'wrong_account';
    return (
      <TopBarLayout>
        <ErrorAlert
          message={
            failure === 'wrong_account'
              ? `Bài làm này không thuộc tài khoản đang đăng nhập${session.blocked.account ? ` (${session.blocked.account})` : ''}. Đăng nhập bằng tài khoản của bạn để làm tiếp; câu trả lời đã lưu trên máy này vẫn được giữ.`
              : failure === 'offline' || failure === 'unavailable'
                ? 'Chưa mở được bài làm vì không kết nối được với máy chủ, và máy này chưa lưu sẵn bài làm này. Câu trả lời đã chọn trên máy này (nếu có) vẫn được giữ; trang sẽ tự mở bài khi có mạng trở lại.'
                : message
          }
        />
        {signIn && <SignInAgain onSignedIn={() => window.location.reload()} />}
        {!signIn && (
          <p>
            <button type="button" className="lt-btn" onClick={() => window.location.reload()}>
              Tải lại
            </button>
          </p>
        )}
        <Link to="/thi">← Bài khảo sát của tôi</Link>
      </TopBarLayout>
    );
  }
  if (!exam) return <PageLoading label="Đang tải bài làm…" />;

  const count = exam.questions.length;
  const answeredCount = exam.questions.filter((q) => (queue.answerOf(q.position)?.choice ?? null) !== null).length;
  const unanswered = exam.questions.filter((q) => (queue.answerOf(q.position)?.choice ?? null) === null).map((q) => q.position);
  const flagged = exam.questions.filter((q) => queue.answerOf(q.position)?.flagged).map((q) => q.position);
  const switchMode = (next: Mode) => {
    setMode(next);
    try {
      localStorage.setItem(MODE_KEY, next);
    } catch {
      // the choice is only a preference
    }
  };
  const go = (position: number) => {
    setConfirming(false);
    setCurrent(position);
    if (mode === 'all') document.getElementById(`cau-${position + 1}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    else window.scrollTo({ top: 0 });
  };
  const card = (position: number) => {
    const q = exam.questions[position];
    return (
      <QuestionCard
        key={position}
        question={q}
        answer={queue.answerOf(position)}
        status={queue.statusOf(position)}
        onChoose={(choice) => {
          setCurrent(position);
          queue.choose(position, choice);
        }}
        onFlag={(f) => queue.flag(position, f)}
      />
    );
  };
  const closed = queue.connection === 'closed';

  return (
    <div className="lt">
      <header className="ex-bar">
        <span className="ex-bar__title" title={exam.assessment.title}>
          {exam.assessment.title}
        </span>
        <Countdown deadline={session.deadline} serverNow={session.serverNow} />
      </header>
      <NetworkLine
        queue={queue}
        blocked={session.blocked}
        fromDevice={session.fromDevice}
        onRetry={session.retryNow}
        onSignedIn={() => void session.resume()}
      />
      {session.changedElsewhere.length > 0 && (
        <div className="lt-alert lt-alert--warn ex-changed" role="alert">
          <span>
            Câu{' '}
            {session.changedElsewhere.map((p, i) => (
              <span key={p}>
                {i > 0 && ', '}
                <button type="button" className="lt-link" onClick={() => go(p)}>
                  {p + 1}
                </button>
              </span>
            ))}{' '}
            đã được trả lời trên thiết bị khác của bạn; trang đang hiện câu trả lời máy chủ giữ. Chọn lại nếu muốn đổi.
          </span>
          <button type="button" className="lt-btn lt-btn--small" onClick={session.dismissChanged}>
            Đã hiểu
          </button>
        </div>
      )}
      {submit.kind === 'submitting' && submit.auto && (
        <div className="lt-alert lt-alert--warn" role="status">
          Đã hết giờ — đang nộp bài…
        </div>
      )}
      {submit.kind === 'error' && (
        <div className="lt-alert lt-alert--error" role="alert">
          {submit.message}
        </div>
      )}
      <main className="lt-main">
        <div className="ex-meta">
          <span className="lt-muted">
            Mã đề <strong>{exam.attempt.variantCode}</strong> · Đã trả lời {answeredCount}/{count}
          </span>
          <span style={{ flex: 1 }} />
          <div role="group" aria-label="Cách hiển thị" className="lt-actions">
            <button
              type="button"
              className={`lt-btn lt-btn--small${mode === 'one' ? ' lt-btn--primary' : ''}`}
              aria-pressed={mode === 'one'}
              onClick={() => switchMode('one')}
            >
              Từng câu
            </button>
            <button
              type="button"
              className={`lt-btn lt-btn--small${mode === 'all' ? ' lt-btn--primary' : ''}`}
              aria-pressed={mode === 'all'}
              onClick={() => switchMode('all')}
            >
              Cả bài
            </button>
          </div>
        </div>
        <div className="ex-layout">
          <div>
            {mode === 'one' ? (
              <>
                {card(current)}
                <div className="ex-stepper">
                  <button type="button" className="lt-btn" disabled={current === 0} onClick={() => go(current - 1)}>
                    ← Câu trước
                  </button>
                  <button type="button" className="lt-btn" disabled={current === count - 1} onClick={() => go(current + 1)}>
                    Câu sau →
                  </button>
                </div>
              </>
            ) : (
              exam.questions.map((q) => card(q.position))
            )}
          </div>
          <aside className="ex-side lt-card">
            <Navigator count={count} queue={queue} current={mode === 'one' ? current : null} onGo={go} />
            <div className="ex-foot">
              <button
                type="button"
                className="lt-btn lt-btn--primary lt-btn--block"
                disabled={closed || submit.kind === 'submitting'}
                onClick={() => setConfirming(true)}
              >
                Nộp bài
              </button>
            </div>
          </aside>
        </div>
      </main>
      {confirming && (
        <SubmitDialog
          unanswered={unanswered}
          flagged={flagged}
          submitting={submit.kind === 'submitting'}
          onGo={go}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void session.doSubmit(false)}
        />
      )}
    </div>
  );
}
