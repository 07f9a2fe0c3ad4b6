import { Alert, Card, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect } from 'react';
import { trainingApi, type Campaign, type EdgeServer, type Site } from '../../api/training.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { formatCount, formatDateTimeVi } from '../../lib/format.ts';

const NO_EDGES: EdgeServer[] = [];
const NO_SITES: Site[] = [];

/** The site edge servers of the campaign (README "Máy chủ điểm cầu"): refreshed every 10 s while the tab is open. */
export function EdgesTab({ campaign }: { campaign: Campaign }) {
  const loadEdges = useCallback(() => trainingApi.edges(campaign.id), [campaign.id]);
  const loadSites = useCallback(() => trainingApi.sites(campaign.id), [campaign.id]);
  const { data: edges, loading, reload } = useLoader(loadEdges, NO_EDGES);
  const { data: sites } = useLoader(loadSites, NO_SITES);
  useEffect(() => {
    const timer = setInterval(reload, 10_000);
    return () => clearInterval(timer);
  }, [reload]);
  return (
    <Card title={`Máy chủ điểm cầu (${edges.length})`}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="Điểm cầu hay mất đường truyền về tỉnh chạy bài khảo sát trên một máy xách tay tại chỗ."
        description={
          <>
            Giám sát điểm cầu chuẩn bị máy khi còn mạng (trên máy đó, thư mục dữ liệu trống; mật khẩu của giám sát trong
            BOIDUONG_UPSTREAM_PASSWORD):
            {sites.map((s) => (
              <div key={s.id}>
                {s.name}:{' '}
                <Typography.Text code copyable>
                  {`npx boiduong edge --upstream ${window.location.origin} --site ${s.id} --username TÊN_GIÁM_SÁT`}
                </Typography.Text>
              </div>
            ))}
          </>
        }
      />
      <Table<EdgeServer>
        rowKey="id"
        loading={loading}
        dataSource={edges}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: 'Chưa chuẩn bị máy điểm cầu nào.' }}
        columns={[
          {
            title: 'Máy',
            dataIndex: 'name',
            width: 240,
            render: (name: string, e) => (name === e.siteName ? name : `${name} (${e.siteName})`),
          },
          {
            title: 'Trạng thái',
            key: 'online',
            width: 140,
            render: (_, e) => (e.online ? <Tag color="success">Trực tuyến</Tag> : <Tag color="error">Mất kết nối</Tag>),
          },
          {
            title: 'Liên lạc cuối',
            dataIndex: 'lastContactAt',
            width: 160,
            render: (at: string | null) => (at ? formatDateTimeVi(at) : 'chưa lần nào'),
          },
          {
            title: 'Còn chờ gửi',
            dataIndex: 'pending',
            width: 110,
            align: 'right',
            render: (n: number | null) => (n === null ? '—' : formatCount(n)),
          },
          { title: 'Người được giao', dataIndex: 'leased', width: 120, align: 'right', render: formatCount },
          { title: 'Bài đã về', dataIndex: 'received', width: 100, align: 'right', render: formatCount },
          { title: 'Đã chấm', dataIndex: 'graded', width: 90, align: 'right', render: formatCount },
          {
            title: 'Gắn cờ',
            dataIndex: 'flagged',
            width: 90,
            align: 'right',
            render: (n: number) => (n > 0 ? <Tag color="warning">{formatCount(n)}</Tag> : '0'),
          },
          {
            title: 'Lệch đồng hồ',
            dataIndex: 'clockOffsetMs',
            width: 120,
            align: 'right',
            render: (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`),
          },
        ]}
      />
    </Card>
  );
}
