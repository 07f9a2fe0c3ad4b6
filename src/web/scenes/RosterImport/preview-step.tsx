import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { ImportAction, ImportPreview, RosterProblem, RosterRecord, TitleMapping } from '../../api/roster.ts';
import { formatCount, formatDateVi, positionLabel } from '../../lib/format.ts';
import { NewUnits } from './new-units.tsx';
import { SkippedRows } from './skipped-rows.tsx';
import { UnknownTitles } from './unknown-titles.tsx';

const ACTIONS: Record<ImportAction, { label: string; color: string }> = {
  create: { label: 'Thêm mới', color: 'green' },
  update: { label: 'Cập nhật', color: 'blue' },
  unchanged: { label: 'Không đổi', color: 'default' },
};

const ACTION_ORDER: Record<ImportAction, number> = { create: 0, update: 1, unchanged: 2 };

type SampleRow = RosterRecord & { action: ImportAction };

const problemColumns: TableColumnsType<RosterProblem> = [
  { title: 'Dòng', dataIndex: 'row', key: 'row', width: 80, align: 'right' },
  { title: 'Cột', dataIndex: 'column', key: 'column', width: 180 },
  { title: 'Lỗi', dataIndex: 'message', key: 'message' },
];

/** Shown when the file has the optional "Thời gian cộng thêm (phút)" column. */
const extraColumn: TableColumnsType<SampleRow>[number] = {
  title: 'Cộng thêm khi khảo sát',
  dataIndex: 'extraMinutes',
  key: 'extraMinutes',
  width: 110,
  align: 'right',
  render: (v: number | null | undefined) => (v ? `${v} phút` : ''),
};

const sampleColumns: TableColumnsType<SampleRow> = [
  { title: 'Dòng', dataIndex: 'excelRow', key: 'row', width: 70, align: 'right' },
  { title: 'Họ và tên', dataIndex: 'fullName', key: 'fullName', width: 170 },
  { title: 'Ngày sinh', dataIndex: 'birthDate', key: 'birthDate', width: 100, render: (v: string | null) => formatDateVi(v) },
  { title: 'Mã định danh', dataIndex: 'staffId', key: 'staffId', width: 120 },
  { title: 'Số CCCD', dataIndex: 'citizenId', key: 'citizenId', width: 120 },
  {
    title: 'Đơn vị',
    key: 'unit',
    width: 200,
    render: (_v, r) => (
      <>
        {r.unitName}
        {r.communeName && (
          <div className="muted" style={{ fontSize: 12 }}>
            {r.communeName}
          </div>
        )}
      </>
    ),
  },
  {
    title: 'Chức vụ',
    key: 'position',
    width: 200,
    render: (_v, r) =>
      r.title ? (
        <>
          {r.title}
          <div className="muted" style={{ fontSize: 12 }}>
            {positionLabel(r.position)}
          </div>
        </>
      ) : (
        positionLabel(r.position)
      ),
  },
  {
    title: 'Thao tác',
    dataIndex: 'action',
    key: 'action',
    width: 100,
    fixed: 'right',
    render: (v: ImportAction) => <Tag color={ACTIONS[v].color}>{ACTIONS[v].label}</Tag>,
  },
];

interface Props {
  preview: ImportPreview;
  error: string | null;
  commitProblems: RosterProblem[];
  onRestart: () => void;
  /** Called with the new units the organiser confirmed. */
  onConfirm: (confirmedUnits: string[]) => void;
  onMapTitles: (mappings: TitleMapping[]) => Promise<void>;
}

export function PreviewStep({ preview, error, commitProblems, onRestart, onConfirm, onMapTitles }: Props) {
  const [unitsConfirmed, setUnitsConfirmed] = useState(false);
  const problems = commitProblems.length ? commitProblems : preview.problems;
  const stats: [string, number][] = [
    ['Số dòng', preview.rows],
    ['Hợp lệ', preview.valid],
    ['Thêm mới', preview.toCreate],
    ['Cập nhật', preview.toUpdate],
    ['Không đổi', preview.unchanged],
  ];
  const unitsWaiting = preview.unitsToCreate.length > 0 && !unitsConfirmed;
  const canConfirm = problems.length === 0 && preview.importId !== null && preview.unknownTitles.length === 0 && !unitsWaiting;
  // New and changed rows first: they are what the user wants to check.
  const sample = [...preview.sample].sort((a, b) => ACTION_ORDER[a.action] - ACTION_ORDER[b.action] || a.excelRow - b.excelRow);

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">
        Tệp <strong>{preview.fileName}</strong>, nhập vào <strong>{preview.underUnit.name}</strong>.
      </Typography.Text>
      <div className="stat-grid">
        {stats.map(([label, value]) => (
          <Card key={label} size="small">
            <Statistic title={label} value={value} formatter={(v) => formatCount(Number(v))} />
          </Card>
        ))}
      </div>
      {preview.skipped.length > 0 && <SkippedRows rows={preview.skipped} />}
      {preview.unknownTitles.length > 0 && <UnknownTitles titles={preview.unknownTitles} onSave={onMapTitles} />}
      {preview.unitsToCreate.length > 0 && (
        <NewUnits units={preview.unitsToCreate} confirmed={unitsConfirmed} onConfirmedChange={setUnitsConfirmed} />
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {problems.length > 0 && (
        <>
          <Alert
            type="error"
            showIcon
            role="alert"
            title={`Tệp có ${formatCount(problems.length)} lỗi — chưa ghi gì. Sửa tệp rồi tải lên lại.`}
          />
          <Table<RosterProblem>
            size="small"
            rowKey={(p, i) => `${p.row}-${p.column}-${i}`}
            columns={problemColumns}
            dataSource={problems}
            pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (t) => `${formatCount(t)} lỗi`, hideOnSinglePage: true }}
            scroll={{ x: 600 }}
          />
        </>
      )}
      {problems.length === 0 && preview.rows === 0 && <Alert type="warning" showIcon title="Tệp không có dòng dữ liệu nào." />}
      {preview.sample.length > 0 && (
        <div>
          <Typography.Title level={5}>
            {preview.sample.length < preview.valid ? `Xem trước ${formatCount(preview.sample.length)} dòng đầu` : 'Các dòng sẽ được nhập'}
            <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400, marginInlineStart: 8 }}>
              (dòng thêm mới và cập nhật xếp trước)
            </Typography.Text>
          </Typography.Title>
          <Table<SampleRow>
            size="small"
            rowKey={(r) => `${r.excelRow}`}
            columns={
              sample.some((r) => r.extraMinutes != null)
                ? [...sampleColumns.slice(0, -1), extraColumn, ...sampleColumns.slice(-1)]
                : sampleColumns
            }
            dataSource={sample}
            pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
            scroll={{ x: 1080 }}
          />
        </div>
      )}
      <Flex gap={8} justify="flex-end" wrap>
        <Button icon={<ReloadOutlined />} onClick={onRestart}>
          Chọn tệp khác
        </Button>
        <Button
          type="primary"
          icon={<CheckOutlined />}
          disabled={!canConfirm}
          title={unitsWaiting ? 'Hãy xác nhận tạo mới các đơn vị ở trên' : undefined}
          onClick={() => onConfirm(unitsConfirmed ? preview.unitsToCreate : [])}
        >
          Xác nhận nhập
        </Button>
      </Flex>
    </Flex>
  );
}
