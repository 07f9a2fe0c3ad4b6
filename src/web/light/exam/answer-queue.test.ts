import { describe, expect, it } from 'vitest';
import { AnswerQueue, type QueueState, type QueueStore, type SendOutcome } from './answer-queue.ts';
import type { SavedAnswer } from '../../../domain/assessment/views.ts';

function memoryStore(initial: QueueState | null = null): QueueStore & { state: QueueState | null } {
  return {
    state: initial,
    load() { return this.state ? structuredClone(this.state) : null; },
    save(s) { this.state = structuredClone(s); },
    clear() { this.state = null; },
  };
}

function harness(outcomes: SendOutcome[] = [], initial: QueueState | null = null, random = () => 0.5) {
  const store = memoryStore(initial);
  const sent: SavedAnswer[][] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const queue = new AnswerQueue({
    store,
    send: async (answers) => { sent.push(answers); return outcomes.shift() ?? 'ok'; },
    onChange: () => undefined,
    random,
    setTimer: (fn, ms) => { timers.push({ fn, ms }); return timers.length; },
    clearTimer: () => undefined,
  });
  return { queue, store, sent, timers };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('answer queue', () => {
  it('numbers every click, keeps it on the device first, and marks it saved once acknowledged', async () => {
    const { queue, store, sent } = harness();
    queue.init({ answers: [], lastSeq: 0 });
    queue.choose(0, 2);
    expect(store.state?.answers[0]).toEqual({ choice: 2, flagged: false, seq: 1 });
    await queue.flush();
    expect(sent).toEqual([[{ position: 0, choice: 2, flagged: false, seq: 1 }]]);
    expect(queue.statusOf(0)).toBe('saved');
    expect(queue.connection).toBe('saved');
  });

  it('goes offline on a network failure, retries with growing jittered delays, and sends the latest answer once back', async () => {
    const { queue, sent, timers } = harness(['retry', 'retry', 'ok']);
    queue.init({ answers: [], lastSeq: 0 });
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
    expect(sent.at(-1)).toEqual([{ position: 3, choice: 0, flagged: false, seq: 2 }]);
    expect(queue.connection).toBe('saved');
    expect(queue.statusOf(3)).toBe('saved');
  });

  it('spreads retries by ±50% around a delay that doubles up to 30 s', async () => {
    for (const [r, first, capped] of [[0, 500, 15_000], [0.999, 1499, 44_970]] as const) {
      const { queue, timers } = harness(Array(10).fill('retry'), null, () => r);
      queue.init({ answers: [], lastSeq: 0 });
      queue.choose(0, 1);
      for (let i = 0; i < 8; i++) {
        await tick();
        timers.at(-1)!.fn();
      }
      expect(timers[0].ms).toBe(first);
      expect(timers.at(-1)!.ms).toBe(capped);
    }
  });

  it('resumes after a reload: the device\'s newer answers win over the server\'s and are sent again', async () => {
    const device: QueueState = { seq: 7, answers: { 0: { choice: 1, flagged: false, seq: 7 }, 1: { choice: 3, flagged: true, seq: 2 } }, acked: { 1: 2 } };
    const { queue, sent } = harness([], device);
    queue.init({ answers: [{ position: 0, choice: 2, flagged: false, seq: 5 }, { position: 1, choice: 3, flagged: true, seq: 2 },
      { position: 4, choice: 0, flagged: false, seq: 6 }], lastSeq: 6 });
    await tick();
    expect(sent).toEqual([[{ position: 0, choice: 1, flagged: false, seq: 7 }]]);
    expect(queue.answerOf(4)).toEqual({ choice: 0, flagged: false, seq: 6 });
    queue.choose(2, 1);
    expect(queue.answerOf(2)?.seq).toBe(8);
  });

  it('stops when the attempt is closed and when the session is gone', async () => {
    const { queue, sent } = harness(['closed']);
    queue.init({ answers: [], lastSeq: 0 });
    queue.choose(0, 1);
    await tick();
    expect(queue.connection).toBe('closed');
    queue.choose(1, 1);
    await queue.flush();
    expect(sent).toHaveLength(1);
  });
});
