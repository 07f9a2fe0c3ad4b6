import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Table } from 'antd';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { assessmentsApi, type AssessmentSummary } from '../../api/assessments.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { useSignedIn } from '../../hooks/useMe.ts';
import { formatCount, formatDateTimeVi } from '../../lib/format.ts';
import { AssessmentStatusTag } from '../Assessments/status-tag.tsx';
import { YearEndSheetCard } from './year-end-sheet.tsx';

const NONE: AssessmentSummary[] = [];

/** The surveys of the campaign, with a way to open each one's statistics. */
export function AssessmentsTab({ campaignId }: { campaignId: number }) {
  const navigate = useNavigate();
  const { can } = useSignedIn();
  const load = useCallback(() => assessmentsApi.list(campaignId), [campaignId]);
  const { data, loading, error } = useLoader(load, NONE);
  if (!can('assessment.monitor')) return <Alert type="info" showIcon title="Bạn không có quyền xem bài khảo sát." />;
  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <YearEndSheetCard campaignId={campaignId} />
      {can('assessment.manage') && (
        <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => navigate(`/bai-khao-sat/moi?dot=${campaignId}`)}>
          Tạo bài khảo sát cho đợt này
        </Button>
      )}
      <Table<AssessmentSummary>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data}
        pagination={false}
        locale={{ emptyText: <Empty description="Đợt này chưa có bài khảo sát." /> }}
        onRow={(a) => ({ onClick: () => navigate(`/bai-khao-sat/${a.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: 'Bài khảo sát', dataIndex: 'title' },
          { title: 'Trạng thái', width: 160, render: (_, a) => <AssessmentStatusTag assessment={a} /> },
          { title: 'Thời gian', width: 200, render: (_, a) => `${formatDateTimeVi(a.opensAt)} → ${formatDateTimeVi(a.closesAt)}` },
          {
            title: 'Đã nộp / phải làm',
            width: 150,
            align: 'right',
            render: (_, a) => `${formatCount(a.counts.submitted)} / ${formatCount(a.counts.eligible)}`,
          },
        ]}
      />
    </>
  );
}
