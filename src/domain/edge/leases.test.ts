import { describe, expect, it } from 'vitest';
import { planLeases } from './leases.ts';

describe('planLeases', () => {
  const none = new Set<number>();

  it('takes everyone who may start and has nothing elsewhere', () => {
    expect(planLeases({ eligible: [1, 2], started: none, otherEdge: none, attendanceMissing: none, withAccount: new Set([1, 2]) })).toEqual(
      {
        leased: [1, 2],
        left: [],
      },
    );
  });

  it('leaves on the province, with the first reason that applies, whoever started there, is on another laptop, lacks attendance or an account', () => {
    const plan = planLeases({
      eligible: [1, 2, 3, 4, 5],
      started: new Set([1]),
      otherEdge: new Set([2]),
      attendanceMissing: new Set([1, 3]),
      withAccount: new Set([1, 2, 3, 5]),
    });
    expect(plan.leased).toEqual([5]);
    expect(plan.left).toEqual([
      { personId: 1, reason: 'started' },
      { personId: 2, reason: 'other_edge' },
      { personId: 3, reason: 'attendance' },
      { personId: 4, reason: 'no_account' },
    ]);
  });
});
