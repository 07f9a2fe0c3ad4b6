import { Alert, Empty, Table } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { resultsApi, type HistoryRow } from '../../api/results.ts';
import { formatDateTimeVi } from '../../lib/format.ts';

const STATUS = { submitted: 'Đã nộp', voided: 'Đã hủy' } as Record<string, string>;

/** The person's survey results year after year, for the yearly evaluation and emulation titles. */
export function PersonResults({ personId }: { personId: number }) {
  const [rows, setRows] = useState<HistoryRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    resultsApi.personHistory(personId).then(
      (h) => setRows(h.items),
      (e) => setError(errorMessage(e)),
    );
  }, [personId]);
  if (error) return <Alert type="info" showIcon title={error} />;
  return (
    <Table<HistoryRow>
      size="small"
      rowKey="attemptId"
      loading={!rows}
      dataSource={rows ?? []}
      pagination={false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa làm bài khảo sát nào." /> }}
      columns={[
        { title: 'Năm', dataIndex: 'year', width: 70 },
        {
          title: 'Bài khảo sát',
          render: (_, r) => (
            <>
              {r.title}
              <div className="muted">{formatDateTimeVi(r.submittedAt)}</div>
            </>
          ),
        },
        {
          title: 'Điểm',
          width: 120,
          render: (_, r) =>
            r.status === 'submitted' ? `${r.score?.toLocaleString('vi-VN') ?? '—'} · ${r.band ?? ''}` : (STATUS[r.status] ?? r.status),
        },
      ]}
    />
  );
}
