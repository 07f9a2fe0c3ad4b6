/**
 * Extra time (thời gian cộng thêm): minutes a person gets on top of a survey's duration, set before they start — for a
 * disability, or a known slow connection. Each person has a default (the person form, the roster import's optional
 * column); a survey may set its own value for the person, which takes precedence (0 withdraws the default there).
 *
 * The extra minutes are real: they are added after the window's close has been applied, so a person who starts late
 * still gets them, and their deadline may run past the close by at most their extra minutes. Nobody may start after the
 * close; "Gia hạn" once started is a separate, later decision added to the stored deadline.
 */

export const EXTRA_MINUTES_MAX = 240;

/** The survey's own value for the person when there is one, else the person's default. */
export function effectiveExtraMinutes(personDefault: number, surveyValue: number | null | undefined): number {
  return surveyValue ?? personDefault;
}

/** The deadline fixed at start: min(start + duration, close) + extra minutes. */
export function attemptDeadline(startMs: number, durationMin: number, closesMs: number, extraMinutes: number): number {
  return Math.min(startMs + durationMin * 60_000, closesMs) + extraMinutes * 60_000;
}

/** "+30 phút", or '' for none. */
export function extraMinutesLabel(minutes: number): string {
  return minutes > 0 ? `+${minutes} phút` : '';
}
