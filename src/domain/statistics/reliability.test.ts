import { describe, expect, it } from 'vitest';
import { describeReliability, MIN_ATTEMPTS_FOR_RELIABILITY } from './reliability.ts';

describe('describeReliability', () => {
  it('says there are too few attempts instead of showing a figure from 3 of them', () => {
    const r = describeReliability({ attempts: 3, questions: 20, kr20: -1.25, semScore: 4.1 });
    expect(r).toEqual({ status: 'too_few', value: 'Chưa đủ bài để tính', semScore: '—', note: 'Cần ít nhất 30 bài đã nộp, hiện có 3.' });
  });

  it('never shows a negative figure without saying what it means, and drops the meaningless SEM', () => {
    const r = describeReliability({ attempts: 500, questions: 20, kr20: -0.2, semScore: 2.4 });
    expect(r.value).toBe('-0,200');
    expect(r.status).toBe('negative');
    expect(r.note).toContain('sai đáp án');
    expect(r.semScore).toBe('—');
  });

  it('shows the figure with its SEM from the minimum on, and words for a low one', () => {
    expect(describeReliability({ attempts: MIN_ATTEMPTS_FOR_RELIABILITY, questions: 20, kr20: 0.8123, semScore: 0.71 })).toEqual({
      status: 'good',
      value: '0,812',
      semScore: '0,71',
      note: null,
    });
    expect(describeReliability({ attempts: 100, questions: 20, kr20: 0.31, semScore: 1.2 }).status).toBe('low');
    expect(describeReliability({ attempts: 100, questions: 20, kr20: null, semScore: null }).value).toBe('Không tính được');
  });
});
