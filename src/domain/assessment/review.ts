/** What a participant may see of their own attempt after submitting. */

export type Moment = 'immediately' | 'after_close' | 'never';

export interface ReviewPolicy {
  score: Moment;
  /** Their own choices. */
  answers: Moment;
  /** The correct options. */
  key: Moment;
}

export const DEFAULT_REVIEW: ReviewPolicy = { score: 'immediately', answers: 'immediately', key: 'after_close' };

export const MOMENT_LABELS: Record<Moment, string> = {
  immediately: 'Ngay sau khi nộp',
  after_close: 'Sau khi hết thời gian làm bài',
  never: 'Không cho xem',
};

export interface ReviewState {
  /** The attempt is submitted (by the participant, the page or the server). */
  submitted: boolean;
  /** The assessment's window has closed. */
  windowClosed: boolean;
}

export function allowed(moment: Moment, state: ReviewState): boolean {
  if (!state.submitted) return false;
  if (moment === 'immediately') return true;
  if (moment === 'after_close') return state.windowClosed;
  return false;
}

export function visibleParts(policy: ReviewPolicy, state: ReviewState) {
  return {
    score: allowed(policy.score, state),
    answers: allowed(policy.answers, state),
    key: allowed(policy.key, state),
  };
}
