import { describe, expect, it } from 'vitest';
import { AnswerQueue, type QueueState, type QueueStore, type SendResult } from './answer-queue.ts';
import type { AnswerChange, HeldAnswer } from './api.ts';

function memoryStore(initial: QueueState | null = null): QueueStore & { state: QueueState | null } {
  return {
    state: initial,
    load() {
      return this.state ? structuredClone(this.state) : null;
    },
    save(s) {
      this.state = structuredClone(s);
    },
    clear() {
      this.state = null;
    },
  };
}

/**
 * The server's rule as ARCHITECTURE.md states it (the real one, in SQL, is tested against SQLite and PostgreSQL in
 * exam.test.ts and in Chromium): a change is stored if it is its device's later one or was made over the held version.
 */
class RuleServer {
  answers = new Map<number, HeldAnswer>();
  save(writer: string, changes: AnswerChange[]): HeldAnswer[] {
    return changes.map((c) => {
      const stored = this.answers.get(c.position);
      const newer = !stored || (stored.writer === writer ? stored.seq < c.seq : stored.version <= c.base);
      if (newer) {
        this.answers.set(c.position, {
          position: c.position,
          choice: c.choice,
          flagged: c.flagged,
          writer,
          seq: c.seq,
          version: stored ? stored.version + 1 : c.base + 1,
        });
      }
      return { ...this.answers.get(c.position)! };
    });
  }
}

type Scripted = 'ok' | SendResult;

function harness(
  options: { script?: Scripted[]; initial?: QueueState | null; random?: () => number; server?: RuleServer; deviceId?: string } = {},
) {
  const store = memoryStore(options.initial ?? null);
  const server = options.server ?? new RuleServer();
  const deviceId = options.deviceId ?? 'phone-0001';
  const script = options.script ?? [];
  const sent: AnswerChange[][] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const elsewhere: number[][] = [];
  const queue = new AnswerQueue({
    store,
    deviceId,
    send: async (changes) => {
      sent.push(changes);
      const next = script.shift() ?? 'ok';
      return next === 'ok' ? { kind: 'held', held: server.save(deviceId, changes) } : next;
    },
    onChange: () => undefined,
    onChangedElsewhere: (positions) => elsewhere.push(positions),
    random: options.random ?? (() => 0.5),
    setTimer: (fn, ms) => {
      timers.push({ fn, ms });
      return timers.length;
    },
    clearTimer: () => undefined,
  });
  return { queue, store, sent, timers, server, elsewhere };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const offline: SendResult = { kind: 'retry', connection: 'offline' };

describe('answer queue', () => {
  it('numbers every click, keeps it on the device first, and marks it saved once the server holds it', async () => {
    const { queue, store, sent } = harness();
    queue.reconcile([], { initial: true });
    queue.choose(0, 2);
    expect(store.state?.entries[0]).toEqual({ choice: 2, flagged: false, version: 0, pending: { seq: 1, base: 0 } });
    await queue.flush();
    expect(sent).toEqual([[{ position: 0, choice: 2, flagged: false, seq: 1, base: 0 }]]);
    expect(queue.statusOf(0)).toBe('saved');
    expect(queue.answerOf(0)).toEqual({ choice: 2, flagged: false, version: 1, pending: null });
    expect(queue.connection).toBe('saved');
  });

  it('goes offline on a network failure, retries with growing jittered delays, and sends the latest answer once back', async () => {
    const { queue, sent, timers } = harness({ script: [offline, offline] });
    queue.reconcile([], { initial: true });
    queue.choose(3, 1);
    await tick();
    expect(queue.connection).toBe('offline');
    expect(queue.statusOf(3)).toBe('pending');
    queue.choose(3, 0); // changed while offline: only the newest goes
    expect(timers.map((t) => t.ms)).toEqual([1000]);
    timers[0].fn();
    await tick();
    expect(timers.map((t) => t.ms)).toEqual([1000, 2000]);
    timers[1].fn();
    await tick();
    expect(sent.at(-1)).toEqual([{ position: 3, choice: 0, flagged: false, seq: 2, base: 0 }]);
    expect(queue.connection).toBe('saved');
    expect(queue.statusOf(3)).toBe('saved');
  });

  it('spreads retries by ±50% around a delay that doubles up to 30 s', async () => {
    for (const [r, first, capped] of [
      [0, 500, 15_000],
      [0.999, 1499, 44_970],
    ] as const) {
      const { queue, timers } = harness({ script: Array(10).fill(offline), random: () => r });
      queue.reconcile([], { initial: true });
      queue.choose(0, 1);
      for (let i = 0; i < 8; i++) {
        await tick();
        timers.at(-1)!.fn();
      }
      expect(timers[0].ms).toBe(first);
      expect(timers.at(-1)!.ms).toBe(capped);
    }
  });

  it('two devices converge to what the server holds, and the one overruled is told which questions changed', async () => {
    const server = new RuleServer();
    const phone = harness({ server, deviceId: 'phone-0001', script: [offline] });
    const laptop = harness({ server, deviceId: 'laptop-0001' });
    phone.queue.reconcile([], { initial: true });
    // The phone answers Câu 1 and Câu 2 offline.
    phone.queue.choose(0, 0);
    phone.queue.choose(1, 0);
    await tick();
    expect(phone.queue.connection).toBe('offline');
    // The laptop opens the attempt and answers Câu 1 = D.
    laptop.queue.reconcile([...server.answers.values()], { initial: true });
    laptop.queue.choose(0, 3);
    await laptop.queue.flush();
    expect(laptop.queue.statusOf(0)).toBe('saved');
    // The phone comes back: its Câu 2 is stored; its Câu 1 (made before it saw D) is not, and it shows D.
    phone.timers[0].fn();
    await tick();
    expect(server.answers.get(1)).toMatchObject({ choice: 0, writer: 'phone-0001' });
    expect(server.answers.get(0)).toMatchObject({ choice: 3, writer: 'laptop-0001' });
    expect(phone.queue.answerOf(0)).toMatchObject({ choice: 3, pending: null });
    expect(phone.elsewhere).toEqual([[0]]);
    expect(phone.queue.connection).toBe('saved');
    // The laptop answers Câu 2 = C without having seen the phone's A: never shown saved; it shows A and is told.
    laptop.queue.choose(1, 2);
    await laptop.queue.flush();
    expect(laptop.queue.answerOf(1)).toMatchObject({ choice: 0, pending: null });
    expect(laptop.elsewhere).toEqual([[1]]);
    // Chosen again, now over the version it has seen, C is stored, and a ping brings it to the phone.
    laptop.queue.choose(1, 2);
    await laptop.queue.flush();
    expect(server.answers.get(1)).toMatchObject({ choice: 2, writer: 'laptop-0001', version: 2 });
    expect(phone.queue.known()).not.toBe([...server.answers.values()].reduce((s, a) => s + a.version, 0));
    phone.queue.reconcile([...server.answers.values()]);
    expect(phone.queue.answerOf(1)).toMatchObject({ choice: 2, version: 2 });
    expect(phone.queue.known()).toBe(3);
  });

  it('resumes after a reload: a change the server already holds is not sent again, one it lacks is', async () => {
    const server = new RuleServer();
    server.save('phone-0001', [{ position: 0, choice: 1, flagged: false, seq: 6, base: 0 }]);
    // The reply to seq 6 was lost (stored, not seen); seq 7 was never sent.
    const device: QueueState = {
      seq: 7,
      entries: {
        0: { choice: 1, flagged: false, version: 0, pending: { seq: 6, base: 0 } },
        1: { choice: 3, flagged: true, version: 0, pending: { seq: 7, base: 0 } },
      },
    };
    const { queue, sent } = harness({ server, initial: device });
    queue.reconcile([...server.answers.values()], { initial: true });
    await tick();
    expect(sent).toEqual([[{ position: 1, choice: 3, flagged: true, seq: 7, base: 0 }]]);
    expect(queue.statusOf(0)).toBe('saved');
    queue.choose(2, 1);
    expect(queue.answerOf(2)?.pending?.seq).toBe(8);
  });

  it('takes up the numbering after the highest change of this device the server holds (storage was cleared)', async () => {
    const server = new RuleServer();
    server.save('phone-0001', [{ position: 4, choice: 0, flagged: false, seq: 41, base: 0 }]);
    const { queue, sent } = harness({ server });
    queue.reconcile([...server.answers.values()], { initial: true });
    queue.choose(4, 2);
    await queue.flush();
    expect(sent[0][0].seq).toBe(42);
    expect(server.answers.get(4)).toMatchObject({ choice: 2, seq: 42 });
  });

  it('keeps every answer queued and stops sending on a refusal, until the participant acts', async () => {
    for (const connection of ['closed', 'signed_out', 'wrong_account', 'refused'] as const) {
      const { queue, sent } = harness({ script: [{ kind: 'stop', connection }] });
      queue.reconcile([], { initial: true });
      queue.choose(0, 1);
      await tick();
      expect(queue.connection).toBe(connection);
      queue.choose(1, 1);
      await queue.flush();
      expect(sent).toHaveLength(1);
      expect(queue.pending().map((c) => c.position)).toEqual([0, 1]);
      expect(queue.statusOf(0)).toBe('pending');
      queue.retryNow();
      await tick();
      expect(queue.connection).toBe('saved');
      expect(queue.pending()).toEqual([]);
    }
  });

  it('treats a reply that leaves out a sent answer as not heard: retried later, not shown saved', async () => {
    const { queue, timers } = harness({ script: [{ kind: 'held', held: [] }] });
    queue.reconcile([], { initial: true });
    queue.choose(0, 1);
    await tick();
    expect(queue.statusOf(0)).toBe('pending');
    expect(queue.connection).toBe('unavailable');
    timers[0].fn();
    await tick();
    expect(queue.statusOf(0)).toBe('saved');
  });
});
