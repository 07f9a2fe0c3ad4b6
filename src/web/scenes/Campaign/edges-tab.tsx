import { Alert, App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect } from 'react';
import { errorMessage } from '../../api/client.ts';
import { trainingApi, type Campaign, type EdgeServer, type Site } from '../../api/training.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { formatCount, formatDateTimeVi } from '../../lib/format.ts';
import { EdgeLeases } from './edge-leases.tsx';

const NO_EDGES: EdgeServer[] = [];
const NO_SITES: Site[] = [];

/** The site edge servers of the campaign (README "Máy chủ điểm cầu"): refreshed every 10 s while the tab is open. */
export function EdgesTab({ campaign }: { campaign: Campaign }) {
  const loadEdges = useCallback(() => trainingApi.edges(campaign.id), [campaign.id]);
  const loadSites = useCallback(() => trainingApi.sites(campaign.id), [campaign.id]);
  const { data: edges, loading, reload } = useLoader(loadEdges, NO_EDGES);
  const { data: sites } = useLoader(loadSites, NO_SITES);
  const { message } = App.useApp();
  const revoke = (edge: EdgeServer) =>
    trainingApi.revokeEdge(edge.id).then(
      ({ returned }) => {
        message.success(`Đã thu hồi máy "${edge.name}": ${formatCount(returned)} người được làm bài trên máy chủ tỉnh.`);
        reload();
      },
      (err) => message.error(errorMessage(err)),
    );
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
            Giám sát điểm cầu chuẩn bị máy khi còn mạng: chạy <Typography.Text code>npx boiduong edge</Typography.Text> trên máy đó (thư mục
            dữ liệu trống), mở <Typography.Text code>http://localhost:3000</Typography.Text> trên chính máy đó, đăng nhập bằng tài khoản
            giám sát và chọn điểm cầu. Hoặc bằng một lệnh (mật khẩu của giám sát trong BOIDUONG_UPSTREAM_PASSWORD):
            {sites.map((s) => (
              <div key={s.id}>
                {s.name} (số {s.id}):{' '}
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
        scroll={{ x: 1010 }}
        locale={{ emptyText: 'Chưa chuẩn bị máy điểm cầu nào.' }}
        expandable={{
          expandedRowRender: (e) => <EdgeLeases edge={e} canReturn={campaign.canManage} onChange={() => void reload()} />,
          expandRowByClick: false,
        }}
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
            render: (_, e) =>
              e.revokedAt ? <Tag>Đã thu hồi</Tag> : e.online ? <Tag color="success">Trực tuyến</Tag> : <Tag color="error">Mất kết nối</Tag>,
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
          ...(campaign.canManage
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 110,
                  render: (_: unknown, e: EdgeServer) =>
                    e.revokedAt ? null : (
                      <Popconfirm
                        title={`Thu hồi máy "${e.name}"?`}
                        description={
                          <div style={{ maxWidth: 360 }}>
                            Máy sẽ không gửi được bài lên máy chủ tỉnh nữa
                            {e.pending ? ` (máy còn ${formatCount(e.pending)} thay đổi chưa gửi: chúng sẽ không được nhận)` : ''}. Người
                            chưa có bài làm gửi lên từ máy này được làm bài trên máy chủ tỉnh hoặc trên máy khác.
                          </div>
                        }
                        okText="Thu hồi"
                        okButtonProps={{ danger: true }}
                        cancelText="Hủy"
                        onConfirm={() => revoke(e)}
                      >
                        <Button danger size="small">
                          Thu hồi
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
