import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';
import { assessmentsApi, type AssessmentSummary } from '../../api/assessments.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { useSignedIn } from '../../hooks/useMe.ts';
import { formatCount, formatDateTimeVi } from '../../lib/format.ts';
import { AssessmentStatusTag } from './status-tag.tsx';

const NONE: AssessmentSummary[] = [];

/** Every assessment the user organises or watches, newest window first. */
export default function AssessmentsScene() {
  const navigate = useNavigate();
  const { can } = useSignedIn();
  const { data, loading, error } = useLoader(assessmentsApi.list, NONE);
  const columns: TableColumnsType<AssessmentSummary> = [
    {
      title: 'Bài khảo sát',
      dataIndex: 'title',
      render: (title: string, a) => (
        <>
          <Typography.Link onClick={() => navigate(`/bai-khao-sat/${a.id}`)}>{title}</Typography.Link>
          <div className="muted">
            {a.unitName} · {a.questionCount} câu · {a.durationMin} phút
          </div>
        </>
      ),
    },
    { title: 'Trạng thái', width: 150, render: (_, a) => <AssessmentStatusTag assessment={a} /> },
    {
      title: 'Thời gian mở',
      width: 190,
      render: (_, a) => (
        <span className="nowrap">
          {formatDateTimeVi(a.opensAt)}
          <br />→ {formatDateTimeVi(a.closesAt)}
        </span>
      ),
    },
    {
      title: 'Đã làm / phải làm',
      width: 170,
      align: 'right',
      render: (_, a) => (
        <span>
          {formatCount(a.counts.submitted)} / {formatCount(a.counts.eligible)}
          {a.counts.started > a.counts.submitted && (
            <div className="muted">{formatCount(a.counts.started - a.counts.submitted)} đang làm</div>
          )}
        </span>
      ),
    },
    {
      title: '',
      width: 110,
      render: (_, a) =>
        a.status === 'published' ? (
          <Button size="small" onClick={() => navigate(`/bai-khao-sat/${a.id}/giam-sat`)}>
            Giám sát
          </Button>
        ) : (
          <Tag>Bản nháp</Tag>
        ),
    },
  ];
  return (
    <>
      <PageHeader
        title="Bài khảo sát"
        subtitle="Tạo đề trắc nghiệm từ ngân hàng câu hỏi, phát hành và theo dõi trực tiếp."
        extra={
          can('assessment.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/bai-khao-sat/moi')}>
              Tạo bài khảo sát
            </Button>
          )
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Card>
        <Table<AssessmentSummary>
          rowKey="id"
          columns={columns}
          dataSource={data}
          loading={loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 760 }}
          locale={{ emptyText: <Empty description="Chưa có bài khảo sát nào." /> }}
        />
      </Card>
    </>
  );
}
