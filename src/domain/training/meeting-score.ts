/** Scoring a party cell's thematic meeting against a criteria set, its rating, and the resolution's vote. Pure logic. */

export interface Band {
  label: string;
  /** Minimum total points for this rating. */
  min: number;
}

/** The usual bands on a 100-point scale; a criteria set may carry its own. */
export const DEFAULT_BANDS: Band[] = [
  { label: 'Xuất sắc', min: 90 },
  { label: 'Tốt', min: 75 },
  { label: 'Đạt', min: 50 },
  { label: 'Chưa đạt', min: 0 },
];

/** A set with the usual criteria of a thematic meeting (100 points), pre-filled for a new installation. */
export const DEFAULT_CRITERIA: { name: string; maxPoints: number }[] = [
  { name: 'Chuẩn bị: chuyên đề, dự thảo báo cáo gửi trước cho đảng viên', maxPoints: 20 },
  { name: 'Nội dung chuyên đề sát thực tiễn của chi bộ, đơn vị', maxPoints: 25 },
  { name: 'Đảng viên tham gia ý kiến, thảo luận', maxPoints: 20 },
  { name: 'Kết luận của chủ trì rõ, có giải pháp, phân công thực hiện', maxPoints: 20 },
  { name: 'Tỷ lệ đảng viên dự sinh hoạt', maxPoints: 15 },
];

export interface ScoredCriterion {
  criterionId: number;
  maxPoints: number;
  score: number | null;
}

/** Problems with the given scores: each within 0 and its criterion's maximum (half points allowed). */
export function scoreProblems(
  criteria: { id: number; name: string; maxPoints: number }[],
  scores: { criterionId: number; score: number }[],
): string[] {
  const problems: string[] = [];
  for (const s of scores) {
    const c = criteria.find((x) => x.id === s.criterionId);
    if (!c) problems.push(`Tiêu chí số ${s.criterionId} không thuộc bộ tiêu chí của buổi sinh hoạt.`);
    else if (s.score < 0 || s.score > c.maxPoints || Math.round(s.score * 2) !== s.score * 2) {
      problems.push(`Điểm tiêu chí "${c.name}" phải từ 0 đến ${c.maxPoints} (có thể lẻ 0,5).`);
    }
  }
  return problems;
}

/** Total (null until every criterion is scored), maximum, and the rating by the bands (highest band reached). */
export function meetingResult(criteria: ScoredCriterion[], bands: Band[] = DEFAULT_BANDS) {
  const max = criteria.reduce((n, c) => n + c.maxPoints, 0);
  const complete = criteria.length > 0 && criteria.every((c) => c.score !== null);
  const total = complete ? criteria.reduce((n, c) => n + (c.score ?? 0), 0) : null;
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  const rating = total === null ? null : (sorted.find((b) => total >= b.min)?.label ?? null);
  return { total, max, rating };
}

/** The vote's shares of the members present (for, against, abstain), in percent with two decimals. */
export function votePercentages(vote: { for: number; against: number; abstain: number }, present: number) {
  const base = present > 0 ? present : vote.for + vote.against + vote.abstain;
  const pct = (n: number) => (base === 0 ? null : Math.round((n * 10_000) / base) / 100);
  return { for: pct(vote.for), against: pct(vote.against), abstain: pct(vote.abstain) };
}

/** Month or quarter bounds as 'YYYY-MM-DD' dates. */
export function monthOrQuarter(year: number, period: { month?: number; quarter?: number }) {
  const first = period.month ?? ((period.quarter ?? 1) - 1) * 3 + 1;
  const last = period.month ?? first + 2;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(new Date(Date.UTC(year, last, 0)).getUTCDate())}` };
}
