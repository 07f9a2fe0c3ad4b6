import { DownloadOutlined } from '@ant-design/icons';
import { App, Card, Empty, Flex, Progress, Statistic, Table, Tag, Button } from 'antd';
import { useCallback } from 'react';
import { errorMessage } from '../../api/client.ts';
import { trainingApi, type Absentee, type AttendanceSummary, type Campaign, type Tally } from '../../api/training.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { formatCount } from '../../lib/format.ts';
import { percent, viDay } from '../../lib/training-format.ts';

// The bar only draws the rate written beside it, so assistive technology reads the text alone.
const rateCell = (rate: number | null) =>
  rate === null ? (
    <span className="muted">—</span>
  ) : (
    <Flex gap={8} align="center">
      <Progress
        aria-hidden
        percent={Math.round(rate)}
        size="small"
        showInfo={false}
        style={{ width: 80, margin: 0 }}
        status={rate < 80 ? 'exception' : 'normal'}
      />
      <span>{percent(rate)}</span>
    </Flex>
  );

const tallyColumns = [
  { title: 'Học viên', dataIndex: 'participants', width: 90, align: 'right' as const, render: (n: number) => formatCount(n) },
  { title: 'Có mặt', dataIndex: 'present', width: 80, align: 'right' as const, render: (n: number) => formatCount(n) },
  { title: 'Muộn', dataIndex: 'late', width: 70, align: 'right' as const, render: (n: number) => formatCount(n) },
  { title: 'Vắng', dataIndex: 'absent', width: 70, align: 'right' as const, render: (n: number) => formatCount(n) },
  { title: 'Chưa điểm danh', dataIndex: 'unmarked', width: 110, align: 'right' as const, render: (n: number) => formatCount(n) },
  { title: 'Tỷ lệ tham dự', dataIndex: 'rate', width: 170, render: rateCell },
];

/**
 * The list holds both people marked absent and people nobody marked at a session that took place; the title counts
 * them apart, with the same words as the figures above ("Lượt vắng", "Chưa điểm danh"), so the two never disagree.
 */
function absenteesTitle(rows: Absentee[]): string {
  const absent = rows.filter((r) => r.status === 'absent').length;
  const unmarked = rows.length - absent;
  if (rows.length === 0) return 'Vắng mặt, chưa điểm danh';
  return `Vắng mặt, chưa điểm danh (${formatCount(absent)} lượt vắng · ${formatCount(unmarked)} lượt chưa điểm danh)`;
}

export function AttendanceTab({ campaign }: { campaign: Campaign }) {
  const { message } = App.useApp();
  const loadSummary = useCallback(() => trainingApi.summary(campaign.id), [campaign.id]);
  const loadAbsentees = useCallback(() => trainingApi.absentees(campaign.id), [campaign.id]);
  const { data: summary } = useLoader<AttendanceSummary | null>(loadSummary, null);
  const { data: absentees, loading } = useLoader(loadAbsentees, [] as Absentee[]);
  if (!summary) return <Card loading />;
  return (
    <Flex vertical gap={16}>
      <Card>
        <div className="stat-grid">
          <Statistic title="Buổi đã diễn ra" value={`${formatCount(summary.heldSessions)} / ${formatCount(summary.totalSessions)}`} />
          <Statistic title="Học viên" value={formatCount(summary.total.participants)} />
          <Statistic title="Tỷ lệ tham dự" value={percent(summary.total.rate)} />
          <Statistic title="Lượt vắng" value={formatCount(summary.total.absent)} />
          <Statistic title="Chưa điểm danh" value={formatCount(summary.total.unmarked)} />
        </div>
      </Card>
      <Card title="Theo điểm cầu">
        <Table<Tally & { siteId: number; siteName: string }>
          rowKey="siteId"
          size="small"
          pagination={false}
          dataSource={summary.sites}
          scroll={{ x: 760 }}
          columns={[{ title: 'Điểm cầu', dataIndex: 'siteName' }, ...tallyColumns]}
        />
      </Card>
      <Card title="Theo đơn vị">
        <Table<Tally & { unitId: number; unitName: string }>
          rowKey="unitId"
          size="small"
          dataSource={summary.units}
          scroll={{ x: 760 }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[{ title: 'Đơn vị', dataIndex: 'unitName' }, ...tallyColumns]}
        />
      </Card>
      <Card
        title={absenteesTitle(absentees)}
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() => trainingApi.absenteesXlsx(campaign.id).catch((err) => message.error(errorMessage(err)))}
          >
            Tải danh sách gửi đơn vị (Excel)
          </Button>
        }
      >
        <Table<Absentee>
          rowKey={(r) => `${r.personId}-${r.date}-${r.startsAt}`}
          size="small"
          loading={loading}
          dataSource={absentees}
          scroll={{ x: 760 }}
          locale={{ emptyText: <Empty description="Không ai vắng buổi nào đã diễn ra." /> }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: 'Họ và tên', dataIndex: 'fullName', width: 180 },
            { title: 'Đơn vị', dataIndex: 'unitName', width: 200 },
            { title: 'Buổi', key: 'when', width: 170, render: (_v, r) => `${viDay(r.date)} ${r.startsAt}` },
            { title: 'Chuyên đề', dataIndex: 'topicName', render: (v: string | null) => v ?? '' },
            {
              title: 'Tình trạng',
              key: 'status',
              width: 160,
              render: (_v, r) =>
                r.status === 'absent' ? <Tag color="red">Vắng{r.reason ? `: ${r.reason}` : ''}</Tag> : <Tag>Chưa điểm danh</Tag>,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
