/** One attempt on this device: its questions, the answer queue, the server's clock, presence pings, submit. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AttemptResult, ExamPayload } from '../../../domain/assessment/views.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { AnswerQueue, localStore, type SendOutcome } from './answer-queue.ts';
import { examApi } from './api.ts';

const PING_EVERY_MS = 30_000;
const SUBMIT_RETRY_MS = 4000;

function outcomeOf(error: unknown): SendOutcome {
  if (!(error instanceof ApiError)) return 'retry';
  if (error.status === 0 || error.status >= 500 || error.status === 429 || error.status === 408) return 'retry';
  if (error.status === 401) return 'signed_out';
  if (error.status === 409) return 'closed';
  return 'rejected';
}

/** A random id kept for this tab (it survives a reload, not a new tab): two ids on one attempt are a signal. */
function clientIdFor(attemptId: number): string {
  const key = `bd-client-${attemptId}`;
  try {
    const existing = sessionStorage.getItem(key);
    if (existing) return existing;
    const id = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
    sessionStorage.setItem(key, id);
    return id;
  } catch {
    return `t${Date.now()}`;
  }
}

export type SubmitState = { kind: 'idle' } | { kind: 'submitting'; auto: boolean } | { kind: 'error'; message: string; auto: boolean };

export function useExamSession(attemptId: number, onFinished: (result: AttemptResult | null) => void) {
  const [exam, setExam] = useState<ExamPayload | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [, setVersion] = useState(0);
  const [deadline, setDeadline] = useState<number>(0);
  const [closedMessage, setClosedMessage] = useState<string | null>(null);
  const [submit, setSubmit] = useState<SubmitState>({ kind: 'idle' });
  const offset = useRef(0);
  const clientId = useMemo(() => clientIdFor(attemptId), [attemptId]);
  const finished = useRef(false);
  const rerender = useCallback(() => setVersion((v) => v + 1), []);

  const syncClock = (serverNow: string, sentAt: number) => {
    const now = Date.now();
    offset.current = Date.parse(serverNow) - (sentAt + now) / 2;
  };

  const queue = useMemo(() => new AnswerQueue({
    store: localStore(attemptId),
    onChange: rerender,
    send: async (answers) => {
      const sentAt = Date.now();
      try {
        const reply = await examApi.save(attemptId, clientId, answers);
        syncClock(reply.serverNow, sentAt);
        return 'ok';
      } catch (error) {
        const outcome = outcomeOf(error);
        if (outcome === 'closed') setClosedMessage(errorMessage(error));
        return outcome;
      }
    },
  }), [attemptId, clientId, rerender]);

  useEffect(() => {
    let cancelled = false;
    const sentAt = Date.now();
    examApi.load(attemptId).then((payload) => {
      if (cancelled) return;
      syncClock(payload.serverNow, sentAt);
      if (payload.attempt.status !== 'in_progress') {
        finished.current = true;
        queue.clear();
        onFinished(null);
        return;
      }
      queue.init({ answers: payload.answers, lastSeq: payload.lastSeq });
      setDeadline(Date.parse(payload.attempt.deadlineAt));
      setExam(payload);
    }, (error) => !cancelled && setLoadError(errorMessage(error)));
    return () => { cancelled = true; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attemptId, queue]);

  const serverNow = useCallback(() => Date.now() + offset.current, []);

  const doSubmit = useCallback(async (auto: boolean) => {
    if (finished.current) return;
    setSubmit({ kind: 'submitting', auto });
    const answers = queue.pending();
    try {
      const result = await examApi.submit(attemptId, { clientId, answers, kind: auto ? 'deadline' : 'participant' });
      finished.current = true;
      queue.clear();
      onFinished(result);
    } catch (error) {
      const outcome = outcomeOf(error);
      setSubmit({ kind: 'error', auto, message: outcome === 'retry'
        ? 'Chưa nộp được vì mất kết nối. Bài làm vẫn được lưu trên máy; hệ thống sẽ tự thử lại.' : errorMessage(error) });
      if (outcome === 'retry') setTimeout(() => void doSubmitRef.current(auto), SUBMIT_RETRY_MS);
    }
  }, [attemptId, clientId, queue, onFinished]);
  const doSubmitRef = useRef(doSubmit);
  doSubmitRef.current = doSubmit;

  // Presence: a ping every 30 s with the time the page was hidden; it also brings an extended deadline.
  useEffect(() => {
    if (!exam) return;
    let hiddenCount = 0;
    let hiddenMs = 0;
    let hiddenSince: number | null = document.hidden ? Date.now() : null;
    const onVisibility = () => {
      if (document.hidden) {
        hiddenSince = Date.now();
        hiddenCount += 1;
      } else if (hiddenSince !== null) {
        hiddenMs += Date.now() - hiddenSince;
        hiddenSince = null;
        void ping();
      }
    };
    const ping = async () => {
      const body = { clientId, hiddenCount, hiddenMs };
      hiddenCount = 0;
      hiddenMs = 0;
      const sentAt = Date.now();
      try {
        const reply = await examApi.ping(attemptId, body);
        syncClock(reply.serverNow, sentAt);
        setDeadline(Date.parse(reply.deadlineAt));
        if (reply.status !== 'in_progress' && !finished.current) {
          finished.current = true;
          queue.clear();
          onFinished(null);
        }
      } catch {
        hiddenCount += body.hiddenCount;
        hiddenMs += body.hiddenMs;
      }
    };
    const onOnline = () => queue.retryNow();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('online', onOnline);
    void ping();
    const timer = setInterval(() => void ping(), PING_EVERY_MS);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('online', onOnline);
      clearInterval(timer);
    };
  }, [exam, attemptId, clientId, queue, onFinished]);

  return { exam, loadError, queue, deadline, serverNow, closedMessage, submit, doSubmit };
}
