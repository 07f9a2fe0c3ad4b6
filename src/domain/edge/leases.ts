/**
 * Which of a site's people a laptop takes for a survey, and why the others stay on the province. The rule of "an
 * attempt lives on one side" (README "Máy chủ điểm cầu"): the laptop takes a person only if they may start now and
 * nothing of theirs for this survey is elsewhere.
 */
export type LeftReason = 'started' | 'other_edge' | 'attendance' | 'no_account';

export const LEFT_REASON_LABELS: Record<LeftReason, string> = {
  started: 'đã bắt đầu làm trên máy chủ tỉnh',
  other_edge: 'đang được giao cho máy điểm cầu của điểm cầu khác',
  attendance: 'chưa đủ chuyên cần để làm bài',
  no_account: 'chưa có tài khoản đang hoạt động',
};

export interface LeaseFacts {
  /** The site's people who must take the survey. */
  eligible: number[];
  /** With an attempt on the province. */
  started: ReadonlySet<number>;
  /** Leased to an edge of another site. */
  otherEdge: ReadonlySet<number>;
  /** Below the campaign's required attendance: the province would refuse their start too. */
  attendanceMissing: ReadonlySet<number>;
  /** With a usable account (the edge signs people in by it). */
  withAccount: ReadonlySet<number>;
}

export function planLeases(facts: LeaseFacts): { leased: number[]; left: { personId: number; reason: LeftReason }[] } {
  const leased: number[] = [];
  const left: { personId: number; reason: LeftReason }[] = [];
  for (const personId of facts.eligible) {
    const reason: LeftReason | null = facts.started.has(personId)
      ? 'started'
      : facts.otherEdge.has(personId)
        ? 'other_edge'
        : facts.attendanceMissing.has(personId)
          ? 'attendance'
          : facts.withAccount.has(personId)
            ? null
            : 'no_account';
    if (reason) left.push({ personId, reason });
    else leased.push(personId);
  }
  return { leased, left };
}
