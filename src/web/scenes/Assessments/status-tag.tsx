import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { AssessmentSummary } from '../../api/assessments.ts';

/** Longest delay setTimeout keeps (about 24.8 days); a later boundary is waited for in steps. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** The time read when the tag is first shown, read again when the window opens and when it closes. */
function useWindowClock(opensAt: string, closesAt: string): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const next = [Date.parse(opensAt), Date.parse(closesAt)].find((at) => at > now);
    if (next === undefined) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(next - now, MAX_TIMEOUT_MS));
    return () => clearTimeout(timer);
  }, [opensAt, closesAt, now]);
  return now;
}

/** Draft, upcoming, open or closed, by the window. */
export function AssessmentStatusTag({
  assessment,
  now,
}: {
  assessment: Pick<AssessmentSummary, 'status' | 'opensAt' | 'closesAt'>;
  now?: number;
}) {
  const clock = useWindowClock(assessment.opensAt, assessment.closesAt);
  const at = now ?? clock;
  if (assessment.status === 'draft') return <Tag>Bản nháp</Tag>;
  if (at < Date.parse(assessment.opensAt)) return <Tag color="blue">Đã phát hành, chưa mở</Tag>;
  if (at < Date.parse(assessment.closesAt)) return <Tag color="green">Đang mở</Tag>;
  return <Tag color="default">Đã đóng</Tag>;
}
