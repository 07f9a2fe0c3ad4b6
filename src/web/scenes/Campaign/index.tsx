import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Skeleton, Tabs } from 'antd';
import { useCallback } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { trainingApi, type Campaign } from '../../api/training.ts';
import { AssessmentsTab } from './assessments-tab.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { percent, periodText } from '../../lib/training-format.ts';
import { AttendanceTab } from './attendance-tab.tsx';
import { MaterialsTab } from './materials-tab.tsx';
import { OverviewTab } from './overview-tab.tsx';
import { SitesTab } from './sites-tab.tsx';
import { EdgesTab } from './edges-tab.tsx';

/** One campaign: overview and topics, materials, sites with their people and sessions, attendance. */
export default function CampaignScene() {
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const load = useCallback(() => trainingApi.campaign(id), [id]);
  const { data: campaign, error, reload } = useLoader<Campaign | null>(load, null);
  const tab = params.get('tab') ?? 'tong-quan';
  if (error) return <Alert type="error" showIcon title={error} role="alert" />;
  if (!campaign)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  const rule =
    campaign.attendanceRequiredPercent === null
      ? 'không yêu cầu chuyên cần'
      : `phải tham dự ít nhất ${percent(campaign.attendanceRequiredPercent, 0)} số buổi để làm bài khảo sát`;
  return (
    <>
      <Link to="/dot-boi-duong" className="back-link">
        <ArrowLeftOutlined /> Các đợt bồi dưỡng
      </Link>
      <PageHeader title={campaign.name} subtitle={`${campaign.unitName} · ${periodText(campaign.startsOn, campaign.endsOn)} · ${rule}`} />
      {campaign.limitedToOwnUnits && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="Bạn xem đợt này trong phạm vi đơn vị mình: chỉ học viên thuộc đơn vị của bạn được liệt kê."
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'tong-quan', label: 'Tổng quan', children: <OverviewTab campaign={campaign} onChanged={reload} /> },
          { key: 'tai-lieu', label: 'Tài liệu', children: <MaterialsTab campaign={campaign} /> },
          { key: 'diem-cau', label: 'Điểm cầu và lịch học', children: <SitesTab campaign={campaign} /> },
          { key: 'may-diem-cau', label: 'Máy chủ điểm cầu', children: <EdgesTab campaign={campaign} /> },
          { key: 'chuyen-can', label: 'Chuyên cần', children: <AttendanceTab campaign={campaign} /> },
          { key: 'bai-khao-sat', label: 'Bài khảo sát', children: <AssessmentsTab campaignId={campaign.id} /> },
        ]}
      />
    </>
  );
}
