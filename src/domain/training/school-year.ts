/** A school year as offices write it ("2025-2026", "2025 – 2026", "Năm học 2025–2026") and the dates it covers. */

export interface SchoolYearSpan {
  label: string;
  /** First and last day (YYYY-MM-DD): 1 August to 31 July, so summer classes belong to the year they end. */
  from: string;
  to: string;
}

/** The span of a school year, or null when the text does not name two consecutive years. */
export function schoolYearSpan(text: string): SchoolYearSpan | null {
  const match = /(\d{4})\s*[-–—/]\s*(\d{4})/.exec(text.normalize('NFC'));
  if (!match) return null;
  const [first, second] = [Number(match[1]), Number(match[2])];
  if (second !== first + 1) return null;
  return { label: `${first}–${second}`, from: `${first}-08-01`, to: `${second}-07-31` };
}
