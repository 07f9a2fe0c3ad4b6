import { Alert, Card, Empty, Table, type TableColumnsType } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { auditApi, type AuditEntry, type AuditPage } from '../../api/audit.ts';
import { errorMessage } from '../../api/client.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { formatCount, formatDateTimeVi } from '../../lib/format.ts';

const columns: TableColumnsType<AuditEntry> = [
  {
    title: 'Thời gian',
    dataIndex: 'at',
    key: 'at',
    width: 150,
    render: (v: string) => <span className="nowrap">{formatDateTimeVi(v)}</span>,
  },
  { title: 'Người thực hiện', dataIndex: 'actor', key: 'actor', width: 240 },
  { title: 'Nội dung', dataIndex: 'summary', key: 'summary' },
  { title: 'Đơn vị', dataIndex: 'unitName', key: 'unit', width: 220, render: (v: string | null) => v ?? '' },
];

export default function AuditScene() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [data, setData] = useState<AuditPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    setLoading(true);
    auditApi
      .list({ page, pageSize })
      .then((result) => {
        if (request !== latest.current) return;
        setData(result);
        setError(null);
      })
      .catch((err) => request === latest.current && setError(errorMessage(err)))
      .finally(() => request === latest.current && setLoading(false));
  }, [page, pageSize]);

  return (
    <>
      <PageHeader title="Nhật ký thay đổi" subtitle="Ai đã thay đổi gì trong phạm vi đơn vị của bạn, mới nhất trước. Giờ Việt Nam." />
      <Card>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={{ x: 960 }}
          locale={{ emptyText: <Empty description="Chưa có thay đổi nào" /> }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (t) => `Tổng: ${formatCount(t)} mục`,
            onChange: (next, size) => {
              setPage(size !== pageSize ? 1 : next);
              setPageSize(size);
            },
          }}
        />
      </Card>
    </>
  );
}
