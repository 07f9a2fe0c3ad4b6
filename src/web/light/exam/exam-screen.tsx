import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { AttemptResult } from '../../../domain/assessment/views.ts';
import { PageLoading } from '../../components/page-loading.tsx';
import { usePageTitle } from '../../hooks/usePageTitle.ts';
import { ErrorAlert, TopBarLayout } from '../light-layout.tsx';
import type { AnswerQueue } from './answer-queue.ts';
import { Countdown } from './countdown.tsx';
import { Navigator } from './navigator.tsx';
import { QuestionCard } from './question-card.tsx';
import { SubmitDialog } from './submit-dialog.tsx';
import { useExamSession } from './use-exam-session.ts';

type Mode = 'one' | 'all';
const MODE_KEY = 'bd-exam-mode';

function storedMode(): Mode {
  try {
    return localStorage.getItem(MODE_KEY) === 'all' ? 'all' : 'one';
  } catch {
    return 'one';
  }
}

function NetworkLine({ queue, closedMessage, attemptId }: { queue: AnswerQueue; closedMessage: string | null; attemptId: number }) {
  const pending = queue.pending().length;
  switch (queue.connection) {
    case 'offline':
      return (
        <div className="ex-net ex-net--offline" role="status">
          Mất kết nối — câu trả lời được lưu trên máy và sẽ gửi lại{pending ? ` (${pending} câu chờ gửi)` : ''}.{' '}
          <button type="button" className="lt-link" onClick={() => queue.retryNow()}>Thử lại ngay</button>
        </div>
      );
    case 'closed':
      return <div className="ex-net ex-net--closed" role="alert">{closedMessage ?? 'Bài làm đã đóng.'}</div>;
    case 'signed_out':
      return (
        <div className="ex-net ex-net--closed" role="alert">
          Phiên đăng nhập đã hết hạn. Câu trả lời vẫn được lưu trên máy:{' '}
          <Link to="/dang-nhap" state={{ from: `/thi/bai-lam/${attemptId}` }}>đăng nhập lại</Link> để gửi tiếp.
        </div>
      );
    case 'saving':
      return <div className="ex-net ex-net--saving" role="status">Đang lưu câu trả lời…</div>;
    default:
      return <div className="ex-net ex-net--ok" role="status">✓ Đã lưu tất cả câu trả lời lên máy chủ.</div>;
  }
}

export default function ExamScreen() {
  const attemptId = Number(useParams().attemptId);
  const navigate = useNavigate();
  const onFinished = useCallback((result: AttemptResult | null) => {
    navigate(`/thi/ket-qua/${attemptId}`, { replace: true, state: result ? { result } : undefined });
  }, [attemptId, navigate]);
  const session = useExamSession(attemptId, onFinished);
  const { exam, queue, submit } = session;
  usePageTitle(exam ? exam.assessment.title : 'Bài làm');
  const [mode, setMode] = useState<Mode>(storedMode);
  const [current, setCurrent] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const onZero = useCallback(() => void session.doSubmit(true), [session.doSubmit]);

  if (session.loadError) {
    return <TopBarLayout><ErrorAlert message={session.loadError} /><Link to="/thi">← Bài khảo sát của tôi</Link></TopBarLayout>;
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
      <QuestionCard key={position} question={q} answer={queue.answerOf(position)} status={queue.statusOf(position)}
        onChoose={(choice) => { setCurrent(position); queue.choose(position, choice); }}
        onFlag={(f) => queue.flag(position, f)} />
    );
  };
  const closed = queue.connection === 'closed';

  return (
    <div className="lt">
      <header className="ex-bar">
        <span className="ex-bar__title" title={exam.assessment.title}>{exam.assessment.title}</span>
        <Countdown deadline={session.deadline} serverNow={session.serverNow} onZero={onZero} />
      </header>
      <NetworkLine queue={queue} closedMessage={session.closedMessage} attemptId={attemptId} />
      {submit.kind === 'submitting' && submit.auto && <div className="lt-alert lt-alert--warn" role="status">Đã hết giờ — đang nộp bài…</div>}
      {submit.kind === 'error' && <div className="lt-alert lt-alert--error" role="alert">{submit.message}</div>}
      <main className="lt-main">
        <div className="ex-meta">
          <span className="lt-muted">Mã đề <strong>{exam.attempt.variantCode}</strong> · Đã trả lời {answeredCount}/{count}</span>
          <span style={{ flex: 1 }} />
          <div role="group" aria-label="Cách hiển thị" className="lt-actions">
            <button type="button" className={`lt-btn lt-btn--small${mode === 'one' ? ' lt-btn--primary' : ''}`} aria-pressed={mode === 'one'}
              onClick={() => switchMode('one')}>Từng câu</button>
            <button type="button" className={`lt-btn lt-btn--small${mode === 'all' ? ' lt-btn--primary' : ''}`} aria-pressed={mode === 'all'}
              onClick={() => switchMode('all')}>Cả bài</button>
          </div>
        </div>
        <div className="ex-layout">
          <div>
            {mode === 'one' ? (
              <>
                {card(current)}
                <div className="ex-stepper">
                  <button type="button" className="lt-btn" disabled={current === 0} onClick={() => go(current - 1)}>← Câu trước</button>
                  <button type="button" className="lt-btn" disabled={current === count - 1} onClick={() => go(current + 1)}>Câu sau →</button>
                </div>
              </>
            ) : exam.questions.map((q) => card(q.position))}
          </div>
          <aside className="ex-side lt-card">
            <Navigator count={count} queue={queue} current={mode === 'one' ? current : null} onGo={go} />
            <div className="ex-foot">
              <button type="button" className="lt-btn lt-btn--primary lt-btn--block" disabled={closed || submit.kind === 'submitting'}
                onClick={() => setConfirming(true)}>Nộp bài</button>
            </div>
          </aside>
        </div>
      </main>
      {confirming && (
        <SubmitDialog unanswered={unanswered} flagged={flagged} submitting={submit.kind === 'submitting'} onGo={go}
          onCancel={() => setConfirming(false)} onConfirm={() => void session.doSubmit(false)} />
      )}
    </div>
  );
}
