import { Tag } from 'antd';
import type { AssessmentSummary } from '../../api/assessments.ts';

/** Draft, upcoming, open or closed, by the window. */
export function AssessmentStatusTag({ assessment, now = Date.now() }: { assessment: Pick<AssessmentSummary, 'status' | 'opensAt' | 'closesAt'>; now?: number }) {
  if (assessment.status === 'draft') return <Tag>Bản nháp</Tag>;
  if (now < Date.parse(assessment.opensAt)) return <Tag color="blue">Đã phát hành, chưa mở</Tag>;
  if (now < Date.parse(assessment.closesAt)) return <Tag color="green">Đang mở</Tag>;
  return <Tag color="default">Đã đóng</Tag>;
}
