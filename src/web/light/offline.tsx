/** The participant app without network: its service worker, telling "offline" from "signed out", and what is kept. */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formatDateTimeVi } from '../../domain/datetime.ts';
import { useMe } from '../hooks/useMe.ts';
import { keptExams } from './exam/exam-copy.ts';

/** Asking the server again whether a session exists, while it cannot be reached. */
const RECHECK_MS = 15_000;

/**
 * Registers /thi-sw.js (built by vite.config.ts) for the /thi pages once the page has loaded, so that its precaching
 * fetches come after the page's own (mostly from the HTTP cache the page just filled).
 */
export function registerParticipantWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/thi-sw.js', { scope: '/thi' }).catch(() => undefined);
  };
  if (document.readyState === 'complete') setTimeout(register, 500);
  else window.addEventListener('load', () => setTimeout(register, 500), { once: true });
}

/**
 * Without a signed-in user: 'signed_out' when the server says so, 'offline' when it cannot be asked (the page was
 * loaded from the service worker's cache) — then asked again every 15 s and when the network returns.
 */
export function useNoSession(): 'checking' | 'offline' | 'signed_out' | null {
  const { me, loading, refresh } = useMe();
  const [state, setState] = useState<'checking' | 'offline' | 'signed_out'>('checking');
  useEffect(() => {
    if (loading || me) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      clearTimeout(timer);
      refresh().then(
        (next) => {
          if (!cancelled && !next) setState('signed_out');
        },
        () => {
          if (cancelled) return;
          setState('offline');
          timer = setTimeout(check, RECHECK_MS);
        },
      );
    };
    check();
    window.addEventListener('online', check);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      window.removeEventListener('online', check);
    };
  }, [me, loading, refresh]);
  if (loading) return 'checking';
  return me ? null : state;
}

/** A /thi page other than an exam, opened without network: what this device keeps and can open. */
export function OfflineNotice() {
  const [kept] = useState(keptExams);
  return (
    <section className="lt-card" aria-labelledby="offline-title">
      <h2 id="offline-title">Không có kết nối mạng</h2>
      <p>Trang này cần mạng để tải. Trang sẽ tự mở khi có mạng trở lại.</p>
      {kept.length > 0 ? (
        <>
          <p>Bài làm dở đã lưu trên máy này (mở được cả khi không có mạng; câu trả lời sẽ tự gửi khi có mạng):</p>
          <ul>
            {kept.map((exam) => (
              <li key={exam.attemptId}>
                <Link to={`/thi/bai-lam/${exam.attemptId}`}>{exam.title}</Link>
                <span className="lt-muted"> — hạn nộp {formatDateTimeVi(exam.deadlineAt)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="lt-muted">Máy này không có bài làm dở nào được lưu.</p>
      )}
    </section>
  );
}
