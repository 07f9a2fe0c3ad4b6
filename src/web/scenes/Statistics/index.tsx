import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Dropdown,
  Empty,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { formatDecimalVi, formatPercentVi, PARTIAL_FIGURES, REGRADED_NOTE } from '../../../domain/statistics/index.ts';
import { describeReliability } from '../../../domain/statistics/reliability.ts';
import { errorMessage } from '../../api/client.ts';
import { statisticsApi, type CutFigures, type ReportFormat, type StatisticsView, type UnitFigures } from '../../api/statistics.ts';
import { formatCount, formatDateTimeVi } from '../../lib/format.ts';
import { BandsByUnitChart, DistributionChart, ItemScatter, ParticipationChart } from './charts.tsx';
import { ItemsTable } from './items-table.tsx';

const REPORT_MENU: { key: ReportFormat; label: string; title: string }[] = [
  { key: 'xlsx', label: 'Excel (.xlsx)', title: 'Tổng hợp, chi tiết, phân tích câu hỏi; in khổ A4, lặp dòng tiêu đề' },
  { key: 'pdf', label: 'PDF để in và ký', title: 'Khổ A4, có chỗ ký và đóng dấu' },
  {
    key: 'csv',
    label: 'CSV (Excel tiếng Việt, dấu ;)',
    title: 'Dữ liệu thô: dấu ; ngăn cột, dấu phẩy thập phân — mở đúng cột trên máy cài Excel tiếng Việt',
  },
  {
    key: 'csv-intl',
    label: 'CSV (quốc tế, dấu ,)',
    title: 'Dữ liệu thô: dấu , ngăn cột, dấu chấm thập phân — cho phần mềm thống kê, máy cài tiếng Anh',
  },
];

const LIVE_REFRESH_MS = 15_000;

function delta(now: number | null, before: number | null | undefined, unit = '') {
  if (now === null || before === null || before === undefined) return null;
  const d = now - before;
  const text = `${d >= 0 ? '+' : '−'}${formatDecimalVi(Math.abs(d))}${unit}`;
  return <span style={{ color: d >= 0 ? '#1f7a3d' : '#b42318', fontSize: 13 }}> {text} so với năm trước</span>;
}

function unitColumns(view: StatisticsView, onOpen: (u: UnitFigures) => void): TableColumnsType<UnitFigures> {
  return [
    {
      title: 'Đơn vị',
      render: (_, u) => (
        <Typography.Link
          href={`#don-vi-${u.unitId}`}
          onClick={(e) => {
            e.preventDefault();
            onOpen(u);
          }}
        >
          {u.name}
        </Typography.Link>
      ),
    },
    { title: 'Phải làm', align: 'right', width: 90, render: (_, u) => formatCount(u.eligible) },
    { title: 'Đã làm', align: 'right', width: 90, render: (_, u) => formatCount(u.took) },
    { title: 'Chưa làm', align: 'right', width: 90, render: (_, u) => formatCount(u.didNotTake) },
    { title: 'Điểm TB', align: 'right', width: 90, render: (_, u) => formatDecimalVi(u.summary.mean) },
    ...view.bands.map((b, i) => ({
      title: b.label,
      align: 'right' as const,
      width: 95,
      render: (_: unknown, u: UnitFigures) => (
        <>
          {formatCount(u.summary.bands[i]?.count ?? 0)}
          <div className="muted">{formatPercentVi(u.summary.bands[i]?.percent ?? null)}</div>
        </>
      ),
    })),
    { title: view.goodLabel, align: 'right', width: 120, render: (_, u) => <strong>{formatPercentVi(u.summary.goodPercent)}</strong> },
    ...(view.comparison
      ? [
          {
            title: 'Năm trước (TB / giỏi, XS)',
            align: 'right' as const,
            width: 150,
            render: (_: unknown, u: UnitFigures) =>
              u.compare ? `${formatDecimalVi(u.compare.mean)} / ${formatPercentVi(u.compare.goodPercent)}` : '—',
          },
        ]
      : []),
  ];
}

function CutTable({ rows, bands }: { rows: CutFigures[]; bands: StatisticsView['bands'] }) {
  return (
    <Table<CutFigures>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 700 }}
      columns={[
        { title: 'Nhóm', dataIndex: 'label' },
        { title: 'Số bài', align: 'right', render: (_, r) => formatCount(r.summary.took) },
        { title: 'Điểm TB', align: 'right', render: (_, r) => formatDecimalVi(r.summary.mean) },
        { title: 'Độ lệch chuẩn', align: 'right', render: (_, r) => formatDecimalVi(r.summary.sd) },
        ...bands.map((b, i) => ({
          title: b.label,
          align: 'right' as const,
          render: (_: unknown, r: CutFigures) => formatPercentVi(r.summary.bands[i]?.percent ?? null),
        })),
        { title: 'Giỏi, xuất sắc', align: 'right', render: (_, r) => <strong>{formatPercentVi(r.summary.goodPercent)}</strong> },
      ]}
    />
  );
}

/** Live while the survey runs, final once it closes: the reader's unit tree, drill-down, charts, cuts, item analysis. */
export function StatisticsTab({ assessmentId }: { assessmentId: number }) {
  const { message } = App.useApp();
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [view, setView] = useState<StatisticsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const load = useCallback(
    () =>
      statisticsApi.view(assessmentId, unitId).then(
        (v) => {
          setView(v);
          setError(null);
        },
        (e) => setError(errorMessage(e)),
      ),
    [assessmentId, unitId],
  );
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!view?.live) return undefined;
    const timer = setInterval(() => {
      if (!document.hidden) void load();
    }, LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [view?.live, load]);

  if (error) return <Alert type="error" showIcon title={error} role="alert" />;
  if (!view) return <Skeleton active paragraph={{ rows: 10 }} />;
  const n = view.node;
  const s = n.summary;
  const download = async (format: ReportFormat) => {
    setDownloading(true);
    try {
      await statisticsApi.report(assessmentId, format, n.unitId || undefined);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };
  const reliability = view.test ? describeReliability(view.test) : null;
  const cuts = [
    { key: 'level', label: 'Cấp học', rows: view.cuts.bySchoolLevel },
    { key: 'position', label: 'Chức vụ', rows: view.cuts.byPosition },
    { key: 'party', label: 'Đảng viên', rows: view.cuts.byPartyMember },
    ...(view.cuts.byVariant ? [{ key: 'variant', label: 'Mã đề', rows: view.cuts.byVariant }] : []),
  ];
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Breadcrumb
          items={view.path.map((p, i) => ({
            title:
              i < view.path.length - 1 ? (
                <a
                  href={`#don-vi-${p.unitId ?? ''}`}
                  onClick={(e) => {
                    e.preventDefault();
                    setUnitId(p.unitId ?? undefined);
                  }}
                >
                  {p.name}
                </a>
              ) : (
                <strong>{p.name}</strong>
              ),
          }))}
        />
        <Space wrap>
          {view.live ? <Tag color="warning">{PARTIAL_FIGURES}</Tag> : <Tag color="success">Số liệu chính thức</Tag>}
          {view.populationFrozenAt && (
            <span className="muted">Danh sách phải làm chốt lúc {formatDateTimeVi(view.populationFrozenAt)}</span>
          )}
          {view.onEdges > 0 && (
            <Tag color="processing">{view.onEdges.toLocaleString('vi-VN')} người làm bài tại máy chủ điểm cầu, bài chưa về tỉnh</Tag>
          )}
          <span className="muted">Tính lúc {formatDateTimeVi(view.computedAt)}</span>
          <Dropdown menu={{ items: REPORT_MENU, onClick: ({ key }) => void download(key as ReportFormat) }}>
            <Button icon={<DownloadOutlined />} loading={downloading}>
              Tải báo cáo
            </Button>
          </Dropdown>
        </Space>
      </Space>
      {view.regradedAt && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`${REGRADED_NOTE} (${formatDateTimeVi(view.regradedAt)})`} />
      )}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6} xl={4}>
          <Card size="small">
            <Statistic title="Phải tham gia" value={n.eligible} groupSeparator="." />
          </Card>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Card size="small">
            <Statistic
              title="Đã làm bài"
              value={n.took}
              groupSeparator="."
              suffix={
                <span className="muted" style={{ fontSize: 14 }}>
                  {formatPercentVi(n.participationPercent)}
                </span>
              }
            />
          </Card>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Card size="small">
            <Statistic title="Điểm trung bình" value={formatDecimalVi(s.mean)} />
            {delta(s.mean, n.compare?.mean)}
          </Card>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Card size="small">
            <Statistic title="Trung vị · độ lệch chuẩn" value={`${formatDecimalVi(s.median)} · ${formatDecimalVi(s.sd)}`} />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Card size="small">
            <Statistic title={view.goodLabel} value={formatPercentVi(s.goodPercent)} valueStyle={{ color: '#0b3d7a', fontWeight: 700 }} />
            {delta(s.goodPercent, n.compare?.goodPercent, ' điểm %')}
          </Card>
        </Col>
      </Row>
      {n.took === 0 ? (
        <Card>
          <Empty description="Chưa có bài nào được nộp trong phạm vi này." />
        </Card>
      ) : (
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Card size="small" title="Phổ điểm" style={{ marginBottom: 16 }}>
              <DistributionChart summary={s} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title="Xếp loại" style={{ marginBottom: 16 }}>
              <Table
                size="small"
                pagination={false}
                rowKey="label"
                dataSource={s.bands}
                columns={[
                  { title: 'Xếp loại', dataIndex: 'label' },
                  { title: 'Số lượng', align: 'right', render: (_, b) => formatCount(b.count) },
                  { title: 'Tỷ lệ', align: 'right', render: (_, b) => formatPercentVi(b.percent) },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
      {view.children.length > 0 && (
        <Card size="small" title={`Các đơn vị trực thuộc ${n.name}`} style={{ marginBottom: 16 }}>
          <Table<UnitFigures>
            size="small"
            rowKey="unitId"
            dataSource={view.children}
            columns={unitColumns(view, (u) => setUnitId(u.unitId))}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
          />
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col xs={24} xl={12}>
              <Typography.Text strong>Xếp loại theo đơn vị</Typography.Text>
              <BandsByUnitChart rows={view.children} />
            </Col>
            <Col xs={24} xl={12}>
              <Typography.Text strong>Tham gia theo đơn vị</Typography.Text>
              <ParticipationChart rows={view.children} />
            </Col>
          </Row>
        </Card>
      )}
      <Card size="small" title="Theo nhóm (toàn bộ phạm vi)" style={{ marginBottom: 16 }}>
        <Tabs items={cuts.map((c) => ({ key: c.key, label: c.label, children: <CutTable rows={c.rows} bands={view.bands} /> }))} />
        {!view.cuts.byVariant && <Typography.Text type="secondary">Mỗi người một mã đề nên không so sánh theo mã đề.</Typography.Text>}
      </Card>
      {view.items && view.test && (
        <Card size="small" title="Phân tích câu hỏi" style={{ marginBottom: 16 }}>
          {/* The chart beside the test's figures, the table on the full width: it fits 1366 px without scrolling. */}
          <Row gutter={16}>
            <Col xs={24} lg={14} xl={16}>
              <Space wrap size={24} style={{ marginBottom: 12 }}>
                <Statistic title="Độ tin cậy KR-20" value={reliability!.value} />
                <Statistic title="Sai số chuẩn (thang 10)" value={reliability!.semScore} />
                <Statistic title="Số câu đúng trung bình" value={`${formatDecimalVi(view.test.meanCorrect)} / ${view.test.questions}`} />
              </Space>
              {reliability!.note && (
                <Alert
                  type={reliability!.status === 'negative' || reliability!.status === 'low' ? 'warning' : 'info'}
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={`Độ tin cậy KR-20: ${reliability!.note}`}
                />
              )}
              {view.live && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title="Cảnh báo về câu hỏi dựa trên số bài đã nộp đến lúc này."
                />
              )}
            </Col>
            <Col xs={24} lg={10} xl={8}>
              <ItemScatter items={view.items} />
            </Col>
          </Row>
          <ItemsTable assessmentId={assessmentId} items={view.items} onRegraded={() => void load()} />
        </Card>
      )}
      {view.itemsHidden && (
        <Card size="small" title="Phân tích câu hỏi" style={{ marginBottom: 16 }}>
          <Alert type="info" showIcon title={view.itemsHidden} />
        </Card>
      )}
    </>
  );
}
