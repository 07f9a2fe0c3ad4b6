import { PlusOutlined } from '@ant-design/icons';
import { Card, Button, Flex, List, Select, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { meetingsApi, type MeetingList, type MeetingSummary } from '../../api/cell-meetings.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { UnitTreeSelect } from '../../components/unit-tree-select.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { useUnits } from '../../hooks/useUnits.ts';
import { formatCount } from '../../lib/format.ts';
import { percent, viDate } from '../../lib/training-format.ts';
import { MeetingDrawer } from './meeting-drawer.tsx';

const now = new Date();
const RATING_COLORS: Record<string, string> = { 'Xuất sắc': 'green', Tốt: 'blue', Đạt: 'gold', 'Chưa đạt': 'red' };

/** Party cells' thematic meetings per month or quarter, with the cells that held none. */
export default function CellMeetingsScene() {
  const { forest, units } = useUnits();
  const [year, setYear] = useState(now.getFullYear());
  const [period, setPeriod] = useState(`m${now.getMonth() + 1}`);
  const [unitId, setUnitId] = useState<number | undefined>();
  const [open, setOpen] = useState<number | 'new' | null>(null);
  const load = useCallback(
    () =>
      meetingsApi.list({
        year,
        unitId,
        ...(period.startsWith('m') ? { month: Number(period.slice(1)) } : { quarter: Number(period.slice(1)) }),
      }),
    [year, period, unitId],
  );
  const { data, loading, reload } = useLoader<MeetingList | null>(load, null);
  const cells = units.filter((u) => u.kind === 'party_cell');
  return (
    <>
      <PageHeader
        title="Sinh hoạt chuyên đề chi bộ"
        subtitle="Ghi buổi sinh hoạt, chấm điểm theo tiêu chí, biểu quyết; chi bộ chưa sinh hoạt trong kỳ."
        extra={
          cells.length > 0 && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>
              Ghi buổi sinh hoạt
            </Button>
          )
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="Năm"
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={[0, 1, 2].map((k) => ({ value: now.getFullYear() - k, label: `Năm ${now.getFullYear() - k}` }))}
        />
        <Select
          aria-label="Kỳ"
          value={period}
          onChange={setPeriod}
          style={{ width: 140 }}
          options={[
            { label: 'Quý', options: [1, 2, 3, 4].map((k) => ({ value: `q${k}`, label: `Quý ${['I', 'II', 'III', 'IV'][k - 1]}` })) },
            { label: 'Tháng', options: Array.from({ length: 12 }, (_, i) => ({ value: `m${i + 1}`, label: `Tháng ${i + 1}` })) },
          ]}
        />
        <div style={{ width: 320, maxWidth: '100%' }}>
          <UnitTreeSelect forest={forest} value={unitId} onChange={setUnitId} aria-label="Đơn vị" placeholder="Toàn bộ phạm vi của tôi" />
        </div>
      </Flex>
      <Flex vertical gap={16}>
        <Card title={`Buổi sinh hoạt trong kỳ (${formatCount(data?.meetings.length ?? 0)})`}>
          <Table<MeetingSummary>
            rowKey="id"
            size="small"
            loading={loading}
            dataSource={data?.meetings ?? []}
            pagination={false}
            scroll={{ x: 860 }}
            locale={{ emptyText: 'Chưa có buổi sinh hoạt nào trong kỳ.' }}
            onRow={(m) => ({ onClick: () => setOpen(m.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: 'Chi bộ', dataIndex: 'cellName', width: 220 },
              { title: 'Ngày', dataIndex: 'heldOn', width: 100, render: viDate },
              { title: 'Chuyên đề', dataIndex: 'topic' },
              {
                title: 'Dự / tổng số',
                key: 'members',
                width: 110,
                align: 'right',
                render: (_v, m) => (m.membersPresent === null ? '—' : `${m.membersPresent} / ${m.membersTotal ?? '?'}`),
              },
              { title: 'Ý kiến', dataIndex: 'opinions', width: 70, align: 'right' },
              {
                title: 'Điểm',
                key: 'total',
                width: 90,
                align: 'right',
                render: (_v, m) => (m.total === null ? '—' : `${m.total.toLocaleString('vi-VN')}/${m.max}`),
              },
              {
                title: 'Xếp loại',
                dataIndex: 'rating',
                width: 100,
                render: (r: string | null) => (r ? <Tag color={RATING_COLORS[r]}>{r}</Tag> : '—'),
              },
              { title: 'Tán thành', key: 'vote', width: 100, align: 'right', render: (_v, m) => percent(m.vote.percentages?.for ?? null) },
            ]}
          />
        </Card>
        <Card
          title={`Chi bộ chưa sinh hoạt trong kỳ (${formatCount(data?.cellsWithout.length ?? 0)}/${formatCount(data?.cellCount ?? 0)})`}
        >
          <List
            size="small"
            dataSource={data?.cellsWithout ?? []}
            locale={{ emptyText: 'Mọi chi bộ đều đã sinh hoạt.' }}
            renderItem={(c) => (
              <List.Item>
                {c.name}
                {c.parentName ? <span className="muted"> — {c.parentName}</span> : null}
              </List.Item>
            )}
          />
        </Card>
      </Flex>
      <MeetingDrawer
        meetingId={open}
        cells={cells}
        onClose={() => setOpen(null)}
        onSaved={() => {
          setOpen(null);
          void reload();
        }}
      />
    </>
  );
}
