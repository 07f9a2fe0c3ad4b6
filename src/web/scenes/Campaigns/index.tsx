import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { trainingApi, type CampaignSummary } from '../../api/training.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { useSignedIn } from '../../hooks/useMe.ts';
import { formatCount } from '../../lib/format.ts';
import { periodText } from '../../lib/training-format.ts';
import { CreateCampaignModal } from './create-campaign-modal.tsx';

const NONE: CampaignSummary[] = [];

/** Campaigns the user organises or whose participants include their units. */
export default function CampaignsScene() {
  const { can } = useSignedIn();
  const navigate = useNavigate();
  const { data, loading, error, reload } = useLoader(trainingApi.campaigns, NONE);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Đợt bồi dưỡng"
        subtitle="Chuyên đề, tài liệu, điểm cầu, lịch học và điểm danh."
        extra={
          can('training.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Tạo đợt bồi dưỡng
            </Button>
          )
        }
      />
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Card>
        <Table<CampaignSummary>
          rowKey="id"
          loading={loading}
          dataSource={data}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: <Empty description="Chưa có đợt bồi dưỡng nào." /> }}
          columns={[
            { title: 'Tên đợt', dataIndex: 'name', render: (name: string, c) => <Link to={`/dot-boi-duong/${c.id}`}>{name}</Link> },
            { title: 'Năm học', dataIndex: 'schoolYear', width: 110 },
            { title: 'Thời gian', key: 'period', width: 200, render: (_v, c) => periodText(c.startsOn, c.endsOn) },
            { title: 'Đơn vị tổ chức', dataIndex: 'unitName', width: 220 },
            { title: 'Điểm cầu', dataIndex: 'siteCount', width: 100, align: 'right', render: (n: number) => <Tag>{formatCount(n)}</Tag> },
            { title: 'Học viên', dataIndex: 'participantCount', width: 100, align: 'right', render: (n: number) => formatCount(n) },
          ]}
        />
      </Card>
      <CreateCampaignModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          void reload();
          navigate(`/dot-boi-duong/${id}`);
        }}
      />
    </>
  );
}
