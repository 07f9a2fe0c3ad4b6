/** One attempt on this device: its questions, the answer queue, the server's clock, presence pings, submit. */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DeadlineDetails } from '../../../domain/assessment/views.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { AnswerQueue, localStore, type SendResult } from './answer-queue.ts';
import { examApi, type AttemptResult, type ExamPayload } from './api.ts';
import { dropExamCopy, examCopyOf, keepExamCopy, noteExamClock } from './exam-copy.ts';
import { ServerClock } from './server-clock.ts';

const PING_EVERY_MS = 30_000;
/** While another tab or device works on the same attempt: its changes reach this one within seconds. */
const PING_FAST_MS = 5000;
const SUBMIT_RETRY_MS = 4000;
/** The device submits a moment after its countdown ends, so that the server's deadline has surely passed. */
const AUTO_SUBMIT_AFTER_MS = 1000;
/** Loading the exam again while it is shown from this device's copy: 2 s doubling up to 30 s, and when the network returns. */
const RELOAD_FIRST_MS = 2000;
const RELOAD_MAX_MS = 30_000;

type Failure = 'offline' | 'unavailable' | 'closed' | 'signed_out' | 'wrong_account' | 'refused';

function failureOf(error: unknown): Failure {
  // No answer, or a proxy's timeout / rate limit: the status is all there is.
  if (!(error instanceof ApiError) || error.status === 0 || error.status === 408 || error.status === 429) return 'offline';
  if (error.status >= 500) return 'unavailable';
  if (error.status === 401) return 'signed_out';
  switch (error.code) {
    // The attempt is not this account's, the account cannot take surveys, or another sign-in replaced the session:
    // someone else signed in here.
    case 'attempt_not_found':
    case 'forbidden':
    case 'csrf_failed':
    case 'password_change_required':
      return 'wrong_account';
    case 'attempt_closed':
    case 'assessment_closed':
      return 'closed';
    default:
      return 'refused';
  }
}

function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A random id kept for this tab (it survives a reload, not a new tab): two ids on one attempt are a signal. */
function clientIdFor(attemptId: number): string {
  const key = `bd-client-${attemptId}`;
  try {
    const existing = sessionStorage.getItem(key);
    if (existing) return existing;
    const id = randomId();
    sessionStorage.setItem(key, id);
    return id;
  } catch {
    return randomId();
  }
}

/** A random id for this browser: its tabs share the queue and the counter of changes. */
function deviceIdOfBrowser(): string {
  const key = 'bd-device';
  try {
    const existing = localStorage.getItem(key);
    if (existing && /^[A-Za-z0-9_-]{8,64}$/.test(existing)) return existing;
    const id = randomId();
    localStorage.setItem(key, id);
    return id;
  } catch {
    return randomId();
  }
}

export type SubmitState = { kind: 'idle' } | { kind: 'submitting'; auto: boolean } | { kind: 'error'; message: string; auto: boolean };

/** Why answers are not being saved, beyond the network: what the participant reads and can do. */
export interface Blocked {
  /** refused: the server's message. */
  message?: string;
  /** wrong_account: the account this browser is signed in as now. */
  account?: string | null;
}

/** How the attempt ended on this device: the submit's result, or the server's word that it was closed. */
export interface Finished {
  result: AttemptResult | null;
  /** Changes on this device the server never got: they are not counted. */
  unsent: number;
  /** Why the attempt no longer took answers, with what the server counted. */
  closedMessage?: string;
}

/**
 * What the queue's callbacks (run on the server's replies, never while rendering) share with the session's effects.
 * Plain fields behind methods rather than refs: the callbacks are handed to the queue while rendering.
 */
class SessionCells {
  private elsewhereCount = 0;
  private fastPings = false;
  private finishSession: (result: AttemptResult | null, closedMessage?: string) => void = () => undefined;

  /** How many times another device's changes arrived: a submit that sees a new one stops for a check. */
  changesFromElsewhere(): number {
    return this.elsewhereCount;
  }

  /** Ping every PING_FAST_MS while another tab or device works on the same attempt. */
  pingsFast(): boolean {
    return this.fastPings;
  }

  changedElsewhere(): void {
    this.elsewhereCount += 1;
    this.fastPings = true;
  }

  otherDeviceActive(active: boolean): void {
    this.fastPings = active;
  }

  /** The session's latest finish, kept after each render that made a new one. */
  setFinish(finish: (result: AttemptResult | null, closedMessage?: string) => void): void {
    this.finishSession = finish;
  }

  finish(result: AttemptResult | null, closedMessage?: string): void {
    this.finishSession(result, closedMessage);
  }
}

export function useExamSession(attemptId: number, onFinished: (finished: Finished) => void) {
  const [exam, setExam] = useState<ExamPayload | null>(null);
  const [loadError, setLoadError] = useState<{ message: string; failure: Failure } | null>(null);
  /** The exam shown is this device's copy: the server has not been reached since the page was loaded. */
  const [fromDevice, setFromDevice] = useState(false);
  const [, setVersion] = useState(0);
  const [deadline, setDeadline] = useState<number>(0);
  const [blocked, setBlocked] = useState<Blocked>({});
  const [changedElsewhere, setChangedElsewhere] = useState<number[]>([]);
  const [submit, setSubmit] = useState<SubmitState>({ kind: 'idle' });
  const clock = useMemo(() => new ServerClock(), []);
  const clientId = useMemo(() => clientIdFor(attemptId), [attemptId]);
  const deviceId = useMemo(() => deviceIdOfBrowser(), []);
  const store = useMemo(() => localStore(attemptId), [attemptId]);
  const cells = useMemo(() => new SessionCells(), []);
  const finished = useRef(false);
  const submitting = useRef(false);
  const rerender = useCallback(() => setVersion((v) => v + 1), []);

  /** Names the account now signed in here, for the participant to sign in again as themself. */
  const noteFailure = useCallback(
    (failure: Failure, error: unknown) => {
      if (failure === 'closed') queueMicrotask(() => cells.finish(null, errorMessage(error)));
      else if (failure === 'refused') setBlocked({ message: errorMessage(error) });
      else if (failure === 'wrong_account') {
        setBlocked({ account: null });
        examApi.whoami().then(
          (me) => setBlocked({ account: me.displayName }),
          () => undefined,
        );
      }
    },
    [cells],
  );

  const queue = useMemo(
    () =>
      new AnswerQueue({
        store,
        deviceId,
        onChange: rerender,
        onChangedElsewhere: (positions) => {
          cells.changedElsewhere();
          setChangedElsewhere((seen) => [...new Set([...seen, ...positions])].sort((a, b) => a - b));
        },
        send: async (answers): Promise<SendResult> => {
          const sentAt = clock.mark();
          try {
            const reply = await examApi.save(attemptId, { clientId, deviceId, answers });
            clock.sync(reply.serverNow, sentAt);
            return { kind: 'held', held: reply.held };
          } catch (error) {
            const failure = failureOf(error);
            noteFailure(failure, error);
            if (failure === 'offline' || failure === 'unavailable') return { kind: 'retry', connection: failure };
            return { kind: 'stop', connection: failure };
          }
        },
      }),
    [attemptId, clientId, deviceId, store, clock, cells, rerender, noteFailure],
  );

  const finish = useCallback(
    (result: AttemptResult | null, closedMessage?: string) => {
      if (finished.current) return;
      finished.current = true;
      const unsent = result ? 0 : queue.pending().length;
      queue.clear();
      dropExamCopy(attemptId);
      onFinished({ result, unsent, closedMessage });
    },
    [attemptId, queue, onFinished],
  );
  useLayoutEffect(() => cells.setFinish(finish), [cells, finish]);

  const reloadRef = useRef<() => void>(() => undefined);

  // The exam from the server; without network, the copy this device kept (questions, deadline, the queue's answers),
  // loaded again from the server as soon as it answers.
  useEffect(() => {
    let cancelled = false;
    let loading = false;
    let shownFromDevice = false;
    /** Loaded from the server once: nothing more to load (pings and the queue carry on). */
    let loaded = false;
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      if (cancelled || loading || loaded) return;
      loading = true;
      clearTimeout(timer);
      const sentAt = clock.mark();
      examApi.load(attemptId).then(
        (payload) => {
          loading = false;
          if (cancelled) return;
          clock.sync(payload.serverNow, sentAt);
          loaded = true;
          if (payload.attempt.status !== 'in_progress') {
            finish(null);
            return;
          }
          queue.reconcile(payload.answers, { initial: true });
          keepExamCopy(payload, clock.now());
          setDeadline(Date.parse(payload.attempt.deadlineAt));
          setExam(payload);
          setFromDevice(false);
          setLoadError(null);
          if (shownFromDevice) queue.retryNow();
          shownFromDevice = false;
        },
        (error) => {
          loading = false;
          if (cancelled) return;
          const failure = failureOf(error);
          noteFailure(failure, error);
          const network = failure === 'offline' || failure === 'unavailable';
          if (!shownFromDevice && network) {
            const copy = examCopyOf(attemptId);
            if (copy) {
              shownFromDevice = true;
              clock.sync(new Date(copy.serverNow).toISOString(), clock.mark());
              setDeadline(Date.parse(copy.payload.attempt.deadlineAt));
              setExam(copy.payload);
              setFromDevice(true);
              queue.refresh();
            }
          }
          if (shownFromDevice && (failure === 'signed_out' || failure === 'wrong_account')) queue.halt(failure);
          else if (!shownFromDevice || failure === 'refused') setLoadError({ message: errorMessage(error), failure });
          if (network) {
            tries += 1;
            timer = setTimeout(load, Math.min(RELOAD_MAX_MS, RELOAD_FIRST_MS * 2 ** (tries - 1)));
          }
        },
      );
    };
    reloadRef.current = () => {
      tries = 0;
      load();
    };
    load();
    const onOnline = () => reloadRef.current();
    window.addEventListener('online', onOnline);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      window.removeEventListener('online', onOnline);
    };
  }, [attemptId, queue, clock, finish, noteFailure]);

  // Another tab of this browser changed the shared answers: show them and send what waits.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === store.key) queue.refresh();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [queue, store]);

  const serverNow = useCallback(() => clock.now(), [clock]);

  const doSubmit = useCallback(
    async (auto: boolean) => {
      if (finished.current || submitting.current) return;
      submitting.current = true;
      setSubmit({ kind: 'submitting', auto });
      try {
        if (!auto) {
          // Send what waits first: an answer another device changed meanwhile is shown before anything is final.
          const seen = cells.changesFromElsewhere();
          await queue.flush();
          if (cells.changesFromElsewhere() !== seen) {
            setSubmit({
              kind: 'error',
              auto,
              message: 'Chưa nộp bài: một số câu vừa được đổi trên thiết bị khác của bạn (ghi ở trên). Kiểm tra lại rồi bấm Nộp bài.',
            });
            return;
          }
        }
        const sentAt = clock.mark();
        try {
          const result = await examApi.submit(attemptId, {
            clientId,
            deviceId,
            answers: queue.pending(),
            kind: auto ? 'deadline' : 'participant',
          });
          finish(result);
        } catch (error) {
          if (error instanceof ApiError && error.code === 'deadline_not_reached') {
            // The device's countdown ran ahead of the server's: take the server's time and deadline, and go on.
            const details = error.details as DeadlineDetails;
            clock.sync(details.serverNow, sentAt);
            setDeadline(Date.parse(details.deadlineAt));
            setSubmit({ kind: 'idle' });
            queue.retryNow();
            return;
          }
          const failure = failureOf(error);
          noteFailure(failure, error);
          if (failure === 'signed_out' || failure === 'wrong_account') queue.halt(failure);
          const retry = failure === 'offline' || failure === 'unavailable';
          setSubmit({
            kind: 'error',
            auto,
            message: retry
              ? 'Chưa nộp được vì mất kết nối với máy chủ. Bài làm vẫn được giữ trên máy; hệ thống sẽ tự thử lại.'
              : `Chưa nộp được: ${errorMessage(error)}`,
          });
          if (retry) setTimeout(() => void doSubmitRef.current(auto), SUBMIT_RETRY_MS);
        }
      } finally {
        submitting.current = false;
      }
    },
    [attemptId, clientId, deviceId, queue, clock, cells, finish, noteFailure],
  );
  const doSubmitRef = useRef(doSubmit);
  useLayoutEffect(() => {
    doSubmitRef.current = doSubmit;
  }, [doSubmit]);

  // The deadline by the server's clock: submit a moment after it (an extended deadline moves it).
  const autoSubmitted = useRef(false);
  useEffect(() => {
    if (!exam || !deadline) return;
    autoSubmitted.current = false;
    const timer = setInterval(() => {
      if (autoSubmitted.current || finished.current || clock.now() < deadline + AUTO_SUBMIT_AFTER_MS) return;
      autoSubmitted.current = true;
      void doSubmitRef.current(true);
    }, 250);
    return () => clearInterval(timer);
  }, [exam, deadline, clock]);

  const pingRef = useRef<() => Promise<void>>(async () => undefined);

  // Presence: a ping every 30 s, and whenever the page is shown again or the network returns. It brings the server's
  // time, an extended deadline, and every answer when another device changed one.
  useEffect(() => {
    if (!exam) return;
    let hiddenCount = 0;
    let hiddenMs = 0;
    let hiddenSince: number | null = document.hidden ? performance.now() : null;
    let lastPing = 0;
    const ping = async () => {
      lastPing = performance.now();
      const body = { clientId, hiddenCount, hiddenMs: Math.round(hiddenMs), known: queue.known() };
      hiddenCount = 0;
      hiddenMs = 0;
      const sentAt = clock.mark();
      try {
        const reply = await examApi.ping(attemptId, body);
        clock.sync(reply.serverNow, sentAt);
        setDeadline(Date.parse(reply.deadlineAt));
        noteExamClock(attemptId, reply.deadlineAt, clock.now());
        if (reply.status !== 'in_progress') {
          finish(null);
          return;
        }
        cells.otherDeviceActive(reply.otherDeviceActive);
        if (reply.answers) queue.reconcile(reply.answers);
        if (queue.connection === 'signed_out' || queue.connection === 'wrong_account') queue.retryNow();
      } catch (error) {
        hiddenCount += body.hiddenCount;
        hiddenMs += body.hiddenMs;
        const failure = failureOf(error);
        if (failure === 'signed_out' || failure === 'wrong_account') {
          noteFailure(failure, error);
          queue.halt(failure);
        }
      }
    };
    pingRef.current = ping;
    const onVisibility = () => {
      if (document.hidden) {
        hiddenSince = performance.now();
        hiddenCount += 1;
      } else {
        if (hiddenSince !== null) hiddenMs += performance.now() - hiddenSince;
        hiddenSince = null;
        void ping();
      }
    };
    const onOnline = () => {
      queue.retryNow();
      void ping();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('online', onOnline);
    void ping();
    const timer = setInterval(() => {
      if (performance.now() - lastPing >= (cells.pingsFast() ? PING_FAST_MS : PING_EVERY_MS) - 500) void ping();
    }, PING_FAST_MS);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('online', onOnline);
      clearInterval(timer);
    };
  }, [exam, attemptId, clientId, queue, clock, cells, finish, noteFailure]);

  /** After signing in again here: check the attempt is this account's, then send what waits. */
  const resume = useCallback(async () => {
    setBlocked({});
    if (!exam) {
      window.location.reload();
      return;
    }
    if (fromDevice) reloadRef.current();
    await pingRef.current();
  }, [exam, fromDevice]);

  /** "Thử lại ngay": the queue, and the exam itself while it is shown from this device's copy. */
  const retryNow = useCallback(() => {
    queue.retryNow();
    if (fromDevice) reloadRef.current();
  }, [queue, fromDevice]);

  const dismissChanged = useCallback(() => setChangedElsewhere([]), []);

  return {
    exam,
    fromDevice,
    retryNow,
    loadError,
    queue,
    deadline,
    serverNow,
    blocked,
    changedElsewhere,
    dismissChanged,
    submit,
    doSubmit,
    resume,
  };
}
