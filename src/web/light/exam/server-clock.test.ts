import { describe, expect, it } from 'vitest';
import { ServerClock } from './server-clock.ts';

describe('server clock', () => {
  it("runs from the server's time on the monotonic clock, taking the server's time at the middle of the trip", () => {
    let perf = 1000;
    const clock = new ServerClock(() => perf);
    const sent = clock.mark();
    perf += 400; // a 400 ms round trip
    clock.sync('2026-07-15T01:00:00.000Z', sent);
    expect(new Date(clock.now()).toISOString()).toBe('2026-07-15T01:00:00.200Z');
    perf += 60_000;
    expect(new Date(clock.now()).toISOString()).toBe('2026-07-15T01:01:00.200Z');
  });

  it("ignores the device's wall clock altogether", () => {
    const realNow = Date.now;
    let perf = 0;
    const clock = new ServerClock(() => perf);
    clock.sync('2026-07-15T01:00:00.000Z', clock.mark());
    try {
      Date.now = () => realNow() + 3 * 3_600_000;
      perf += 1000;
      expect(new Date(clock.now()).toISOString()).toBe('2026-07-15T01:00:01.000Z');
    } finally {
      Date.now = realNow;
    }
  });
});
