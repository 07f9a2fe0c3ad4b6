/**
 * Every click becomes an answer with a per-attempt sequence number, kept on the device first (so a dropped network,
 * a reload or a crash of the browser loses nothing) and then sent; the server keeps the highest sequence per question.
 * Failed sends are retried with exponential backoff and jitter until the server acknowledges them.
 */
import type { SavedAnswer } from '../../../domain/assessment/views.ts';

export interface LocalAnswer {
  choice: number | null;
  flagged: boolean;
  seq: number;
}

export interface QueueState {
  seq: number;
  answers: Record<number, LocalAnswer>;
  /** The highest sequence the server acknowledged per position. */
  acked: Record<number, number>;
}

export interface QueueStore {
  load(): QueueState | null;
  save(state: QueueState): void;
  clear(): void;
}

export type Connection = 'saved' | 'saving' | 'offline' | 'closed' | 'signed_out';

export type SendOutcome = 'ok' | 'retry' | 'closed' | 'signed_out' | 'rejected';

export interface QueueOptions {
  store: QueueStore;
  /** Sends answers; resolves how it went (never throws). */
  send: (answers: SavedAnswer[]) => Promise<SendOutcome>;
  onChange: () => void;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;

export class AnswerQueue {
  private state: QueueState = { seq: 0, answers: {}, acked: {} };
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private timer: unknown = null;
  connection: Connection = 'saved';

  constructor(private readonly options: QueueOptions) {}

  /** Merges what the server holds with what this device kept: for each question the higher sequence wins. */
  init(server: { answers: SavedAnswer[]; lastSeq: number }): void {
    const local = this.options.store.load() ?? { seq: 0, answers: {}, acked: {} };
    const state: QueueState = { seq: Math.max(local.seq, server.lastSeq), answers: { ...local.answers }, acked: {} };
    for (const a of server.answers) {
      const mine = state.answers[a.position];
      if (!mine || mine.seq <= a.seq) state.answers[a.position] = { choice: a.choice, flagged: a.flagged, seq: a.seq };
      state.acked[a.position] = a.seq;
    }
    this.state = state;
    this.persist();
    if (this.pending().length > 0) void this.flush();
  }

  answerOf(position: number): LocalAnswer | undefined {
    return this.state.answers[position];
  }

  choose(position: number, choice: number | null): void {
    this.write(position, { choice, flagged: this.state.answers[position]?.flagged ?? false });
  }

  flag(position: number, flagged: boolean): void {
    this.write(position, { choice: this.state.answers[position]?.choice ?? null, flagged });
  }

  /** 'saved' once the server holds this question's latest answer. */
  statusOf(position: number): 'saved' | 'pending' | 'none' {
    const answer = this.state.answers[position];
    if (!answer) return 'none';
    return (this.state.acked[position] ?? 0) >= answer.seq ? 'saved' : 'pending';
  }

  pending(): SavedAnswer[] {
    return Object.entries(this.state.answers)
      .filter(([position, a]) => (this.state.acked[Number(position)] ?? 0) < a.seq)
      .map(([position, a]) => ({ position: Number(position), choice: a.choice, flagged: a.flagged, seq: a.seq }));
  }

  /** Marks answers acknowledged (a submit carried them). */
  acknowledge(answers: SavedAnswer[]): void {
    for (const a of answers) this.state.acked[a.position] = Math.max(this.state.acked[a.position] ?? 0, a.seq);
    this.persist();
  }

  clear(): void {
    this.cancelTimer();
    this.options.store.clear();
  }

  /** Tries again now (the network came back, or the participant asked). */
  retryNow(): void {
    this.failures = 0;
    this.cancelTimer();
    void this.flush();
  }

  /** Sends what is pending; one send at a time, and again while more became pending meanwhile. */
  flush(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.connection === 'closed' || this.connection === 'signed_out') return Promise.resolve();
    this.inFlight = (async () => {
      try {
        for (;;) {
          const batch = this.pending();
          if (batch.length === 0) {
            this.setConnection('saved');
            return;
          }
          this.setConnection(this.connection === 'offline' ? 'offline' : 'saving');
          const outcome = await this.options.send(batch);
          if (outcome === 'ok' || outcome === 'rejected') {
            // A rejected batch (a question that does not exist) would fail forever: drop it from the queue.
            this.failures = 0;
            this.acknowledge(batch);
            continue;
          }
          if (outcome === 'retry') {
            this.failures += 1;
            this.setConnection('offline');
            this.schedule();
            return;
          }
          this.setConnection(outcome);
          return;
        }
      } finally {
        this.inFlight = null;
      }
    })();
    return this.inFlight;
  }

  /** The wait before the next try: doubling up to 30 s, each spread by ±50% so that a whole site does not retry at once. */
  nextDelay(): number {
    const random = this.options.random ?? Math.random;
    const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, this.failures - 1));
    return Math.round(base * (0.5 + random()));
  }

  private write(position: number, answer: Omit<LocalAnswer, 'seq'>): void {
    this.state.seq += 1;
    this.state.answers[position] = { ...answer, seq: this.state.seq };
    this.persist();
    this.options.onChange();
    if (this.connection !== 'offline') void this.flush();
  }

  private schedule(): void {
    this.cancelTimer();
    const set = this.options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.timer = set(() => {
      this.timer = null;
      void this.flush();
    }, this.nextDelay());
  }

  private cancelTimer(): void {
    if (this.timer === null) return;
    (this.options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)))(this.timer);
    this.timer = null;
  }

  private setConnection(connection: Connection): void {
    if (this.connection === connection) return;
    this.connection = connection;
    this.options.onChange();
  }

  private persist(): void {
    this.options.store.save(this.state);
  }
}

/** localStorage per attempt; a full or blocked storage only loses the device copy, never the server's. */
export function localStore(attemptId: number): QueueStore {
  const key = `bd-exam-${attemptId}`;
  return {
    load: () => {
      try {
        const raw = localStorage.getItem(key);
        return raw ? (JSON.parse(raw) as QueueState) : null;
      } catch {
        return null;
      }
    },
    save: (state) => {
      try {
        localStorage.setItem(key, JSON.stringify(state));
      } catch {
        // storage full or disabled: the answers still go to the server
      }
    },
    clear: () => {
      try {
        localStorage.removeItem(key);
      } catch {
        // nothing to clear
      }
    },
  };
}
