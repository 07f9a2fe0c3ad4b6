/**
 * Every click becomes a change kept on the device first (so a dropped network, a reload or a crash of the browser loses
 * nothing) and then sent. The server holds one truth per answer: a change counts only if it is this device's latest or
 * was made over the version the server holds; every reply says what the server holds, and the device takes it. A
 * change is shown as saved only once the server holds it. Failed sends are retried with exponential backoff and jitter.
 *
 * The state lives in one store per attempt shared by the tabs of this browser (one device id, one counter). Every
 * change reads it afresh and writes it back, so two tabs never number two changes alike in practice (the server's
 * reply corrects them if they do); what the page shows is read from the last state seen, refreshed when another tab
 * writes (refresh()).
 */
import type { AnswerChange, HeldAnswer } from './api.ts';

export interface Entry {
  choice: number | null;
  flagged: boolean;
  /** The version of the server's answer this device last saw (0: none). */
  version: number;
  /** A change made here that the server does not hold yet: its number and the version it was made over. */
  pending: { seq: number; base: number } | null;
}

export interface QueueState {
  /** This device's counter: every change takes the next number. */
  seq: number;
  entries: Record<number, Entry>;
}

export interface QueueStore {
  load(): QueueState | null;
  save(state: QueueState): void;
  clear(): void;
}

/**
 * saved/saving: all is well. offline: the network (or a timeout); unavailable: the server or its database is down —
 * both retried by themselves. The others wait for the participant: closed (the attempt no longer takes answers),
 * signed_out, wrong_account (this browser is now signed in as someone else), refused (the server refused the change).
 */
export type Connection = 'saved' | 'saving' | 'offline' | 'unavailable' | 'closed' | 'signed_out' | 'wrong_account' | 'refused';

export type SendResult =
  | { kind: 'held'; held: HeldAnswer[] }
  | { kind: 'retry'; connection: 'offline' | 'unavailable' }
  | { kind: 'stop'; connection: 'closed' | 'signed_out' | 'wrong_account' | 'refused' };

export interface QueueOptions {
  store: QueueStore;
  deviceId: string;
  /** Sends changes; resolves how it went (never throws). */
  send: (changes: AnswerChange[]) => Promise<SendResult>;
  onChange: () => void;
  /** Positions whose shown answer was replaced by one another device stored. */
  onChangedElsewhere?: (positions: number[]) => void;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;
const STOPPED: Connection[] = ['closed', 'signed_out', 'wrong_account', 'refused'];

const empty = (): QueueState => ({ seq: 0, entries: {} });

export class AnswerQueue {
  /** The last state read or written: what the page shows. */
  private seen: QueueState = empty();
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private timer: unknown = null;
  connection: Connection = 'saved';

  constructor(private readonly options: QueueOptions) {}

  /** The shared state as it is now (a fresh copy from the store), to change and commit. */
  private load(): QueueState {
    this.seen = this.options.store.load() ?? empty();
    return this.seen;
  }

  /** Takes every answer the server holds (the exam's payload, or a ping after another device changed one). */
  reconcile(server: HeldAnswer[], options: { initial?: boolean } = {}): void {
    const state = this.load();
    if (options.initial) {
      for (const h of server) if (h.writer === this.options.deviceId) state.seq = Math.max(state.seq, h.seq);
    }
    const changed = this.apply(state, server, new Map());
    const held = new Set(server.map((h) => h.position));
    // A seen answer the server no longer holds (the attempt was reset) goes, unless a change here waits.
    for (const [position, entry] of Object.entries(state.entries)) {
      if (!held.has(Number(position)) && entry.version > 0 && !entry.pending) delete state.entries[Number(position)];
    }
    this.commit(state, changed);
    if (this.pending().length > 0) void this.flush();
  }

  answerOf(position: number): Entry | undefined {
    return this.seen.entries[position];
  }

  choose(position: number, choice: number | null): void {
    this.write(position, (e) => ({ choice, flagged: e.flagged }));
  }

  flag(position: number, flagged: boolean): void {
    this.write(position, (e) => ({ choice: e.choice, flagged }));
  }

  /** 'saved' once the server holds this question's answer as shown. */
  statusOf(position: number): 'saved' | 'pending' | 'none' {
    const entry = this.seen.entries[position];
    if (!entry) return 'none';
    return entry.pending ? 'pending' : 'saved';
  }

  pending(): AnswerChange[] {
    return Object.entries(this.seen.entries)
      .filter(([, e]) => e.pending)
      .map(([position, e]) => ({
        position: Number(position),
        choice: e.choice,
        flagged: e.flagged,
        seq: e.pending!.seq,
        base: e.pending!.base,
      }));
  }

  /** The sum of the versions this device has seen: the server sends every answer when its own differs. */
  known(): number {
    return Object.values(this.seen.entries).reduce((sum, e) => sum + e.version, 0);
  }

  clear(): void {
    this.cancelTimer();
    this.options.store.clear();
    this.seen = empty();
  }

  /** Tries again now (the network came back, the participant signed in again, or asked). */
  retryNow(): void {
    this.failures = 0;
    this.cancelTimer();
    if (STOPPED.includes(this.connection)) this.setConnection('saving');
    void this.flush();
  }

  /** Stops sending until retryNow(): a ping found the session gone or the attempt no longer this account's. */
  halt(connection: 'closed' | 'signed_out' | 'wrong_account'): void {
    this.cancelTimer();
    this.setConnection(connection);
  }

  /** Another tab changed the shared state: show it, and send what waits. */
  refresh(): void {
    this.load();
    this.options.onChange();
    if (this.pending().length > 0 && !this.timer) void this.flush();
  }

  /** Sends what is pending; one send at a time, and again while more became pending meanwhile. */
  flush(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (STOPPED.includes(this.connection)) return Promise.resolve();
    this.inFlight = (async () => {
      try {
        for (;;) {
          const batch = this.pending();
          if (batch.length === 0) {
            this.setConnection('saved');
            return;
          }
          if (this.connection !== 'offline' && this.connection !== 'unavailable') this.setConnection('saving');
          const result = await this.options.send(batch);
          if (result.kind === 'stop') {
            this.setConnection(result.connection);
            return;
          }
          if (result.kind === 'held' && this.acknowledge(batch, result.held)) {
            this.failures = 0;
            if (this.connection !== 'saving') this.setConnection('saving');
            continue;
          }
          // Not heard (or an answer the server did not account for): wait, then try again.
          this.failures += 1;
          this.setConnection(result.kind === 'retry' ? result.connection : 'unavailable');
          this.schedule();
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

  /** Takes the server's reply to a batch; false if some sent change is neither held nor answered for. */
  private acknowledge(batch: AnswerChange[], held: HeldAnswer[]): boolean {
    const state = this.load();
    const sent = new Map(batch.map((c) => [c.position, c]));
    const changed = this.apply(state, held, sent);
    this.commit(state, changed);
    const answered = new Set(held.map((h) => h.position));
    return batch.every((c) => answered.has(c.position) && state.entries[c.position]?.pending?.seq !== c.seq);
  }

  /**
   * Takes what the server holds, position by position, unless a change made here is still to be judged by the server.
   * Returns the positions whose shown answer another device replaced.
   */
  private apply(state: QueueState, held: HeldAnswer[], sent: Map<number, AnswerChange>): number[] {
    const changed: number[] = [];
    for (const h of held) {
      const entry = state.entries[h.position];
      const mine = h.writer === this.options.deviceId;
      if (entry?.pending && !(mine && h.seq >= entry.pending.seq)) {
        const judged = sent.get(h.position)?.seq === entry.pending.seq;
        // The server holds an older change of this device over this one: not something it would do; send it again.
        if (!judged || mine) {
          // A later change waits to be sent; the server's version is noted only when it is this device's own.
          if (mine) entry.version = Math.max(entry.version, h.version);
          continue;
        }
      }
      const shown = entry ?? { choice: null, flagged: false };
      if (!mine && (shown.choice !== h.choice || shown.flagged !== h.flagged)) changed.push(h.position);
      state.entries[h.position] = { choice: h.choice, flagged: h.flagged, version: h.version, pending: null };
    }
    return changed;
  }

  private write(position: number, change: (e: Entry) => Pick<Entry, 'choice' | 'flagged'>): void {
    const state = this.load();
    const entry = state.entries[position] ?? { choice: null, flagged: false, version: 0, pending: null };
    state.seq += 1;
    state.entries[position] = { ...change(entry), version: entry.version, pending: { seq: state.seq, base: entry.version } };
    this.commit(state, []);
    if (this.connection !== 'offline' && this.connection !== 'unavailable') void this.flush();
  }

  private commit(state: QueueState, changedElsewhere: number[]): void {
    this.options.store.save(state);
    this.seen = state;
    if (changedElsewhere.length > 0) this.options.onChangedElsewhere?.(changedElsewhere);
    this.options.onChange();
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
}

/**
 * localStorage per attempt, shared by this browser's tabs; a full or blocked storage keeps a copy in memory (only the
 * device copy is lost on a reload, never the server's).
 */
export function localStore(attemptId: number): QueueStore & { key: string } {
  const key = `bd-exam-${attemptId}`;
  let memory: QueueState | null = null;
  return {
    key,
    load: () => {
      try {
        const raw = localStorage.getItem(key);
        if (raw) {
          const parsed = JSON.parse(raw) as QueueState;
          if (parsed && typeof parsed.seq === 'number' && parsed.entries) return parsed;
        }
      } catch {
        // unreadable: fall back to the copy in memory
      }
      return memory ? structuredClone(memory) : null;
    },
    save: (state) => {
      memory = structuredClone(state);
      try {
        localStorage.setItem(key, JSON.stringify(state));
      } catch {
        // Storage full or disabled: the copy in memory is the device's, and the answers still go to the server.
        try {
          localStorage.removeItem(key);
        } catch {
          // disabled altogether
        }
      }
    },
    clear: () => {
      memory = null;
      try {
        localStorage.removeItem(key);
      } catch {
        // nothing to clear
      }
    },
  };
}
