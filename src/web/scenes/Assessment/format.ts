/** 1 giờ 05 phút · 12 phút 30 giây */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h} giờ ${String(m).padStart(2, '0')} phút`;
  return s && m < 10 ? `${m} phút ${s} giây` : `${m} phút`;
}
