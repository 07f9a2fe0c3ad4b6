import { describe, expect, it } from 'vitest';
import { checkRecord, edgeTimeReader, EDGE_CLOCK_TOLERANCE_MS, leaseDigest } from './sync.ts';

const rule = {
  expectedDeadline: '2026-07-06T03:00:00.000Z',
  graceMs: 60_000,
  opensAt: '2026-07-06T00:00:00.000Z',
  closesAt: '2026-07-06T10:00:00.000Z',
  clockTrusted: true,
};
const honest = {
  startedAt: '2026-07-06T01:00:00.000Z',
  deadlineAt: '2026-07-06T03:00:00.000Z',
  submittedAt: '2026-07-06T02:30:00.000Z',
  answers: [{ savedAt: '2026-07-06T02:00:00.000Z' }, { savedAt: '2026-07-06T03:00:30.000Z' }],
};

describe('the times an edge recorded', () => {
  it('are honoured as written within the clock tolerance, and corrected by the measured offset beyond it', () => {
    expect(edgeTimeReader(EDGE_CLOCK_TOLERANCE_MS).read(honest.startedAt)).toBe(honest.startedAt);
    const late = edgeTimeReader(10 * 60_000);
    expect(late.trusted).toBe(false);
    expect(late.read(honest.startedAt)).toBe('2026-07-06T01:10:00.000Z');
  });

  it('raise no flag for an honest attempt: an answer within the grace counts', () => {
    const check = checkRecord(honest, rule);
    expect(check.flags).toEqual([]);
    expect(honest.answers.every(check.onTime)).toBe(true);
  });

  it('hold the attempt to the survey deadline, not to a longer one the edge wrote, and flag it', () => {
    const check = checkRecord(
      { ...honest, deadlineAt: '2026-07-06T09:00:00.000Z', answers: [{ savedAt: '2026-07-06T05:00:00.000Z' }] },
      rule,
    );
    expect(check.deadline).toBe(rule.expectedDeadline);
    expect(check.flags).toEqual(['deadline_changed', 'late_answers']);
    expect(check.onTime({ savedAt: '2026-07-06T05:00:00.000Z' })).toBe(false);
  });

  it('flag a clock out of tolerance, a start outside the window and a late submit', () => {
    const check = checkRecord(
      {
        ...honest,
        startedAt: '2026-07-05T20:00:00.000Z',
        deadlineAt: rule.expectedDeadline,
        submittedAt: '2026-07-06T04:00:00.000Z',
        answers: [],
      },
      { ...rule, clockTrusted: false },
    );
    expect(check.flags).toEqual(['clock', 'start_outside_window', 'late_submit']);
  });
});

describe('leaseDigest', () => {
  it('is the same for the same leases in any order, and changes when one is returned', () => {
    const a = { assessmentId: 3, personId: 11 };
    const b = { assessmentId: 3, personId: 12 };
    const c = { assessmentId: 4, personId: 11 };
    expect(leaseDigest([a, b, c])).toBe(leaseDigest([c, a, b]));
    expect(leaseDigest([a, c])).not.toBe(leaseDigest([a, b, c]));
    expect(leaseDigest([a, b])).not.toBe(leaseDigest([a, c]));
    expect(leaseDigest([])).toBe('0-811c9dc5');
  });
});
