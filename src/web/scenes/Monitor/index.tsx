import { ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Input,
  Progress,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { assessmentsApi, type MonitorQuery, type MonitorView } from '../../api/assessments.ts';
import { errorMessage } from '../../api/client.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { UnitTreeSelect } from '../../components/unit-tree-select.tsx';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { useSignedIn } from '../../hooks/useMe.ts';
import { useUnits } from '../../hooks/useUnits.ts';
import { formatCount, formatDateTimeVi } from '../../lib/format.ts';
import { formatTimeVi } from '../../../domain/datetime.ts';
import { AttemptActions } from './attempt-actions.tsx';
import { ExtraTimeAction, ExtraTimeNote } from './extra-time-action.tsx';

const REFRESH_MS = 10_000;
const PAGE_SIZE = 50;
type Person = MonitorView['people'][number];

const STATES: { value: NonNullable<MonitorQuery['state']> | 'all'; label: string }[] = [
  { value: 'all', label: 'Tất cả' },
  { value: 'not_started', label: 'Chưa làm' },
  { value: 'in_progress', label: 'Đang làm' },
  { value: 'disconnected', label: 'Mất kết nối' },
  { value: 'submitted', label: 'Đã nộp' },
  { value: 'signals', label: 'Có dấu hiệu' },
  { value: 'voided', label: 'Đã hủy' },
];
const STATE_TAGS: Record<Person['state'], { label: string; color: string }> = {
  not_started: { label: 'Chưa làm', color: 'default' },
  in_progress: { label: 'Đang làm', color: 'processing' },
  submitted: { label: 'Đã nộp', color: 'success' },
  voided: { label: 'Đã hủy', color: 'error' },
};

function signalText(s: Person['signals']): string[] {
  const out: string[] = [];
  if (s.hiddenCount) out.push(`Rời trang ${s.hiddenCount} lần (${Math.round(s.hiddenMs / 1000)} giây)`);
  if (s.secondClient) out.push(`Mở ở nơi khác ${s.secondClient} lần`);
  if (s.ipChanges) out.push(`Đổi địa chỉ mạng ${s.ipChanges} lần`);
  return out;
}

/** Live view of a survey for the people of the user's subtree; refreshes itself every 10 s while visible. */
export default function MonitorScene() {
  const id = Number(useParams().id);
  const { can } = useSignedIn();
  const { forest } = useUnits();
  const [view, setView] = useState<MonitorView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<number | undefined>();
  const [siteId, setSiteId] = useState<number | undefined>();
  const [state, setState] = useState<(typeof STATES)[number]['value']>('all');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const [auto, setAuto] = useState(true);
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  const inFlight = useRef(false);

  const load = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      const next = await assessmentsApi.monitor(id, {
        unitId,
        siteId,
        state: state === 'all' ? undefined : state,
        q: q || undefined,
        offset: (page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      });
      setView(next);
      setError(null);
      setUpdatedAt(next.serverNow);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      inFlight.current = false;
    }
  }, [id, unitId, siteId, state, q, page]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    setPage(1);
  }, [unitId, siteId, state, q]);
  useEffect(() => {
    if (!auto) return;
    const timer = setInterval(() => {
      if (!document.hidden) void load();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [auto, load]);

  const columns: TableColumnsType<Person> = [
    {
      title: 'Họ và tên',
      dataIndex: 'fullName',
      render: (name: string, p) => (
        <>
          {name}
          <div className="muted">{p.unitName}</div>
        </>
      ),
    },
    {
      title: 'Trạng thái',
      width: 150,
      render: (_, p) => (
        <Space direction="vertical" size={2}>
          <Tag color={STATE_TAGS[p.state].color}>{STATE_TAGS[p.state].label}</Tag>
          {p.disconnected && <Tag color="warning">Mất kết nối từ {formatTimeVi(p.lastSeenAt)}</Tag>}
        </Space>
      ),
    },
    {
      title: 'Tiến độ',
      width: 170,
      render: (_, p) =>
        p.state === 'not_started' ? (
          '—'
        ) : (
          <Progress
            aria-label={`Tiến độ của ${p.fullName}`}
            percent={view ? Math.round((p.answered / view.assessment.questionCount) * 100) : 0}
            size="small"
            format={() => `${p.answered}/${view?.assessment.questionCount ?? 0}`}
          />
        ),
    },
    {
      title: 'Hạn nộp',
      width: 150,
      render: (_, p) => (
        <>
          {p.deadlineAt ? formatDateTimeVi(p.deadlineAt) : '—'}
          {p.state !== 'in_progress' && <ExtraTimeNote person={p} />}
        </>
      ),
    },
    {
      title: 'Dấu hiệu',
      render: (_, p) =>
        signalText(p.signals).map((t) => (
          <div key={t} className="muted">
            {t}
          </div>
        )),
    },
    {
      title: 'Điểm',
      width: 110,
      render: (_, p) =>
        p.score === null ? (
          ''
        ) : (
          <>
            {p.score.toLocaleString('vi-VN')}
            <div className="muted">{p.band}</div>
          </>
        ),
    },
    {
      title: '',
      width: 88,
      render: (_, p) => (
        <Space size={4}>
          {can('attempt.extend') && <ExtraTimeAction assessmentId={id} person={p} onDone={() => void load()} />}
          <AttemptActions person={p} canExtend={can('attempt.extend')} canManage={can('attempt.manage')} onDone={() => void load()} />
        </Space>
      ),
    },
  ];

  const c = view?.counts;
  return (
    <>
      <PageHeader
        title={view ? `Giám sát: ${view.assessment.title}` : 'Giám sát bài khảo sát'}
        subtitle={
          view && (
            <>
              Mở {formatDateTimeVi(view.assessment.opensAt)} → {formatDateTimeVi(view.assessment.closesAt)} ·{' '}
              <Link to={`/bai-khao-sat/${id}`}>Thiết lập</Link>
            </>
          )
        }
        extra={
          <Space>
            <Typography.Text type="secondary" aria-live="polite">
              {updatedAt ? `Cập nhật lúc ${formatTimeVi(updatedAt)}` : ''}
            </Typography.Text>
            <Switch checked={auto} onChange={setAuto} checkedChildren="Tự cập nhật" unCheckedChildren="Tạm dừng" aria-label="Tự cập nhật" />
            <Button icon={<ReloadOutlined />} onClick={() => void load()}>
              Tải lại
            </Button>
          </Space>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      {c && (
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          {[
            ['Phải làm', c.eligible],
            ['Chưa làm', c.notStarted],
            ['Đang làm', c.inProgress],
            ['Đã nộp', c.submitted],
            ['Mất kết nối', c.disconnected],
          ].map(([label, value]) => (
            <Col key={label} xs={12} sm={8} lg={4}>
              <Card size="small">
                <Statistic title={label} value={value} groupSeparator="." />
              </Card>
            </Col>
          ))}
          <Col xs={24} sm={16} lg={4}>
            <Card size="small">
              <div className="muted">Tiến độ trung bình</div>
              <Progress aria-label="Tiến độ trung bình" percent={Math.round((view?.averageProgress ?? 0) * 100)} />
            </Card>
          </Col>
        </Row>
      )}
      <Row gutter={16}>
        <Col xs={24} xxl={7} style={{ marginBottom: 16 }}>
          <Card size="small" title="Theo đơn vị">
            <Table
              size="small"
              rowKey="unitId"
              pagination={{ pageSize: 15, hideOnSinglePage: true, size: 'small' }}
              dataSource={view?.byUnit ?? []}
              onRow={(u) => ({ onClick: () => setUnitId(u.unitId), style: { cursor: 'pointer' } })}
              columns={[
                { title: 'Đơn vị', dataIndex: 'unitName' },
                { title: 'Nộp', align: 'right', render: (_, u) => `${formatCount(u.submitted)}/${formatCount(u.eligible)}` },
                { title: 'Đang làm', align: 'right', dataIndex: 'inProgress' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xxl={17}>
          <Card size="small">
            <Flex gap={8} wrap style={{ marginBottom: 12 }}>
              <UnitTreeSelect
                forest={forest}
                value={unitId}
                onChange={setUnitId}
                placeholder="Mọi đơn vị"
                aria-label="Lọc theo đơn vị"
                style={{ width: 260, maxWidth: '100%' }}
              />
              {unitId !== undefined && <Button onClick={() => setUnitId(undefined)}>Bỏ lọc đơn vị</Button>}
              {view && view.sites.length > 0 && (
                <Select
                  allowClear
                  placeholder="Mọi điểm cầu"
                  aria-label="Lọc theo điểm cầu"
                  style={{ width: 220, maxWidth: '100%' }}
                  value={siteId ?? view.siteId ?? undefined}
                  onChange={(v?: number) => setSiteId(v)}
                  options={view.sites.map((s) => ({ value: s.id, label: s.name }))}
                />
              )}
              <Input.Search
                allowClear
                placeholder="Tìm theo tên"
                aria-label="Tìm theo tên"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                style={{ width: 220, maxWidth: '100%' }}
              />
            </Flex>
            {/* Seven states do not fit a phone: the row scrolls by itself, never the page. */}
            <div className="scroll-x" style={{ marginBottom: 12 }}>
              <Segmented options={STATES} value={state} onChange={(v) => setState(v as typeof state)} />
            </div>
            <Table<Person>
              rowKey="personId"
              columns={columns}
              dataSource={view?.people ?? []}
              loading={!view && !error}
              size="small"
              scroll={{ x: 900 }}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: view?.total ?? 0,
                onChange: setPage,
                showSizeChanger: false,
                showTotal: (t) => `${formatCount(t)} người`,
              }}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
