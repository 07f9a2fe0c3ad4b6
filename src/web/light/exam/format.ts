/** 7,25 — a score with the Vietnamese decimal comma, without trailing zeros. */
export function formatScore(score: number): string {
  return score.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
}
