/**
 * The exam as this device last received it, kept in localStorage so that a reload without network still shows it:
 * the questions as displayed (their content is not secret; the key never reaches the device), the title, the variant
 * code and the deadline, with the server's time as last heard. The answers are the queue's (answer-queue.ts), not
 * stored here. Removed when the attempt ends on this device; copies whose deadline is long past are pruned.
 */
import type { ExamPayload } from './api.ts';

const COPY_PREFIX = 'bd-exam-copy-';
const CLOCK_PREFIX = 'bd-exam-clock-';
/** A copy is dropped this long after its deadline (by the device's clock). */
const KEEP_AFTER_DEADLINE_MS = 24 * 3_600_000;

export interface ExamCopy {
  payload: ExamPayload;
  /** The server's time now, estimated from the offset measured at the last reply (the device's clock, until a reply). */
  serverNow: number;
}

interface StoredClock {
  deadlineAt: string;
  /** Server time − device time at the last reply. */
  offsetMs: number;
}

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the page works as before, only an offline reload cannot show the exam.
  }
}

function remove(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // disabled altogether
  }
}

/** Keeps the exam (questions without answers) and the deadline; drops copies of long-finished attempts. */
export function keepExamCopy(payload: ExamPayload, serverNow: number): void {
  prune();
  const { answers: _answers, ...rest } = payload;
  write(`${COPY_PREFIX}${payload.attempt.id}`, rest);
  noteExamClock(payload.attempt.id, payload.attempt.deadlineAt, serverNow);
}

/** The deadline and the server's time from a later reply (a ping: an extension moves the deadline). */
export function noteExamClock(attemptId: number, deadlineAt: string, serverNow: number): void {
  const key = `${CLOCK_PREFIX}${attemptId}`;
  const next: StoredClock = { deadlineAt, offsetMs: Math.round(serverNow - Date.now()) };
  const stored = read<StoredClock>(key);
  if (stored && stored.deadlineAt === deadlineAt && Math.abs(stored.offsetMs - next.offsetMs) < 2000) return;
  write(key, next);
}

export function examCopyOf(attemptId: number): ExamCopy | null {
  const copy = read<Omit<ExamPayload, 'answers'>>(`${COPY_PREFIX}${attemptId}`);
  const clock = read<StoredClock>(`${CLOCK_PREFIX}${attemptId}`);
  if (!copy || !clock || !Array.isArray(copy.questions) || copy.attempt?.id !== attemptId) return null;
  return {
    payload: { ...copy, attempt: { ...copy.attempt, deadlineAt: clock.deadlineAt }, answers: [] },
    serverNow: Date.now() + clock.offsetMs,
  };
}

export function dropExamCopy(attemptId: number): void {
  remove(`${COPY_PREFIX}${attemptId}`);
  remove(`${CLOCK_PREFIX}${attemptId}`);
}

/** The attempts this device keeps a copy of, whose deadline has not passed: what can be opened without network. */
export function keptExams(): { attemptId: number; title: string; deadlineAt: string }[] {
  const kept: { attemptId: number; title: string; deadlineAt: string }[] = [];
  for (const attemptId of storedAttemptIds()) {
    const copy = examCopyOf(attemptId);
    if (copy && Date.parse(copy.payload.attempt.deadlineAt) > copy.serverNow) {
      kept.push({ attemptId, title: copy.payload.assessment.title, deadlineAt: copy.payload.attempt.deadlineAt });
    }
  }
  return kept;
}

function storedAttemptIds(): number[] {
  const ids: number[] = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key?.startsWith(COPY_PREFIX)) ids.push(Number(key.slice(COPY_PREFIX.length)));
    }
  } catch {
    // no storage
  }
  return ids.filter((id) => Number.isInteger(id) && id > 0);
}

function prune(): void {
  for (const attemptId of storedAttemptIds()) {
    const clock = read<StoredClock>(`${CLOCK_PREFIX}${attemptId}`);
    if (!clock || !(Date.parse(clock.deadlineAt) + KEEP_AFTER_DEADLINE_MS > Date.now() + clock.offsetMs)) dropExamCopy(attemptId);
  }
}
