import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA, meetingResult, monthOrQuarter, scoreProblems, votePercentages } from './meeting-score.ts';

describe('meeting scoring', () => {
  it('rates only a fully scored meeting, by the highest band reached', () => {
    const c = (score: number | null, max = 25) => ({ criterionId: 1, maxPoints: max, score });
    expect(meetingResult([c(25), c(25), c(20), c(22)])).toEqual({ total: 92, max: 100, rating: 'Xuất sắc' });
    expect(meetingResult([c(20), c(20), c(20), c(15)])).toEqual({ total: 75, max: 100, rating: 'Tốt' });
    expect(meetingResult([c(10), c(null)])).toEqual({ total: null, max: 50, rating: null });
    expect(DEFAULT_CRITERIA.reduce((n, x) => n + x.maxPoints, 0)).toBe(100);
  });

  it('refuses scores above the criterion maximum or below zero', () => {
    const criteria = [{ id: 1, name: 'Chuẩn bị', maxPoints: 20 }];
    expect(scoreProblems(criteria, [{ criterionId: 1, score: 19.5 }])).toEqual([]);
    expect(scoreProblems(criteria, [{ criterionId: 1, score: 21 }])).toEqual([
      'Điểm tiêu chí "Chuẩn bị" phải từ 0 đến 20 (có thể lẻ 0,5).',
    ]);
    expect(scoreProblems(criteria, [{ criterionId: 2, score: 1 }])).toHaveLength(1);
  });

  it('gives vote shares of the members present that add up to 100 % when everyone voted', () => {
    expect(votePercentages({ for: 15, against: 0, abstain: 0 }, 15)).toEqual({ for: 100, against: 0, abstain: 0 });
    expect(votePercentages({ for: 2, against: 1, abstain: 0 }, 3)).toEqual({ for: 66.67, against: 33.33, abstain: 0 });
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), (a, b, c) => {
        const p = votePercentages({ for: a, against: b, abstain: c }, a + b + c);
        return a + b + c === 0 || Math.abs((p.for ?? 0) + (p.against ?? 0) + (p.abstain ?? 0) - 100) < 0.05;
      }),
    );
  });

  it('bounds months and quarters', () => {
    expect(monthOrQuarter(2026, { month: 2 })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthOrQuarter(2026, { quarter: 3 })).toEqual({ from: '2026-07-01', to: '2026-09-30' });
  });
});
