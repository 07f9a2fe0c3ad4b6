import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { formatDateTimeVi } from '../../../domain/datetime.ts';
import { errorMessage } from '../../api/client.ts';
import { PageLoading } from '../../components/page-loading.tsx';
import { usePageTitle } from '../../hooks/usePageTitle.ts';
import { ErrorAlert } from '../light-layout.tsx';
import { examApi, type MyAssessment } from './api.ts';
import { formatScore } from './format.ts';

const STATE_BADGES: Record<MyAssessment['state'], { label: string; tone: string }> = {
  upcoming: { label: 'Chưa mở', tone: '' },
  open: { label: 'Đang mở', tone: 'open' },
  in_progress: { label: 'Đang làm', tone: 'progress' },
  submitted: { label: 'Đã nộp', tone: 'done' },
  missed: { label: 'Đã đóng', tone: '' },
};

function StartDialog({
  item,
  starting,
  onCancel,
  onStart,
}: {
  item: MyAssessment;
  starting: boolean;
  onCancel: () => void;
  onStart: () => void;
}) {
  return (
    <div className="ex-dialog-backdrop" role="presentation" onClick={onCancel}>
      <div className="ex-dialog" role="dialog" aria-modal="true" aria-labelledby="start-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="start-title">Bắt đầu làm bài?</h2>
        <p>
          <strong>{item.title}</strong>
        </p>
        <p>
          {item.questionCount} câu hỏi, {item.durationMin} phút. Thời gian tính từ lúc bắt đầu và không dừng lại khi bạn thoát ra; bài đóng
          muộn nhất lúc {formatDateTimeVi(item.closesAt)}.
        </p>
        {item.extraMinutes > 0 && (
          <p>
            Bạn được cộng thêm <strong>{item.extraMinutes} phút</strong>: hạn nộp của bạn lùi thêm chừng ấy, kể cả khi bắt đầu sát giờ đóng
            bài.
          </p>
        )}
        {item.instructions && <div className="lt-alert lt-alert--info">{item.instructions}</div>}
        <p className="lt-muted lt-small">Mỗi lần chọn được lưu ngay. Nếu mất mạng, câu trả lời được giữ trên máy và gửi lại khi có mạng.</p>
        <div className="lt-actions">
          <button type="button" className="lt-btn" onClick={onCancel} disabled={starting}>
            Để sau
          </button>
          <button type="button" className="lt-btn lt-btn--primary" onClick={onStart} disabled={starting}>
            {starting ? 'Đang mở bài…' : 'Bắt đầu'}
          </button>
        </div>
      </div>
    </div>
  );
}

function AssessmentCard({ item, onStart, onOpen }: { item: MyAssessment; onStart: () => void; onOpen: (path: string) => void }) {
  const badge = STATE_BADGES[item.state];
  const attempt = item.attempt;
  return (
    <article className="lt-card" aria-label={item.title}>
      <div className="lt-actions" style={{ alignItems: 'center', marginBottom: 4 }}>
        <span className={`lt-badge${badge.tone ? ` lt-badge--${badge.tone}` : ''}`}>{badge.label}</span>
      </div>
      <h2>{item.title}</h2>
      <div className="lt-facts">
        <span>
          {item.questionCount} câu · {item.durationMin} phút{item.extraMinutes > 0 ? ` (+${item.extraMinutes} phút cộng thêm)` : ''}
        </span>
        <span>Mở: {formatDateTimeVi(item.opensAt)}</span>
        <span>Đóng: {formatDateTimeVi(item.closesAt)}</span>
      </div>
      {attempt?.status === 'submitted' && (
        <p>
          {attempt.score !== null ? (
            <>
              Điểm: <strong>{formatScore(attempt.score)}</strong> — {attempt.band}
            </>
          ) : (
            'Đã nộp bài. Điểm sẽ được công bố theo quy định của ban tổ chức.'
          )}
        </p>
      )}
      <div className="lt-actions">
        {item.state === 'open' && (
          <button type="button" className="lt-btn lt-btn--primary" onClick={onStart}>
            Bắt đầu làm bài
          </button>
        )}
        {item.state === 'in_progress' && attempt && (
          <button type="button" className="lt-btn lt-btn--primary" onClick={() => onOpen(`/thi/bai-lam/${attempt.id}`)}>
            Tiếp tục làm bài
          </button>
        )}
        {item.state === 'submitted' && attempt && (
          <button type="button" className="lt-btn" onClick={() => onOpen(`/thi/ket-qua/${attempt.id}`)}>
            Xem kết quả
          </button>
        )}
        {item.state === 'submitted' && item.attemptsLeft > 0 && (
          <button type="button" className="lt-btn lt-btn--primary" onClick={onStart}>
            Làm lại (còn {item.attemptsLeft} lần)
          </button>
        )}
      </div>
    </article>
  );
}

export default function MyAssessmentsScreen() {
  usePageTitle('Bài khảo sát của tôi');
  const navigate = useNavigate();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const [items, setItems] = useState<MyAssessment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState<MyAssessment | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    examApi.mine().then(
      (r) => setItems(r.items),
      (e) => setError(errorMessage(e)),
    );
  }, []);

  const handleStart = async () => {
    if (!starting) return;
    setBusy(true);
    try {
      const { attemptId } = await examApi.start(starting.id);
      navigate(`/thi/bai-lam/${attemptId}`);
    } catch (e) {
      setError(errorMessage(e));
      setStarting(null);
    } finally {
      setBusy(false);
    }
  };

  if (!items && !error) return <PageLoading />;
  return (
    <>
      <h1 style={{ fontSize: 22, margin: '4px 0 14px' }}>Bài khảo sát của tôi</h1>
      {notice && (
        <div className="lt-alert lt-alert--ok" role="status">
          {notice}
        </div>
      )}
      <ErrorAlert message={error} />
      {items?.length === 0 && <div className="lt-card lt-muted">Hiện chưa có bài khảo sát nào dành cho bạn.</div>}
      {items?.map((item) => (
        <AssessmentCard key={item.id} item={item} onStart={() => setStarting(item)} onOpen={(p) => navigate(p)} />
      ))}
      {starting && <StartDialog item={starting} starting={busy} onCancel={() => setStarting(null)} onStart={() => void handleStart()} />}
    </>
  );
}
