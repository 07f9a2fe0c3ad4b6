import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Select, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { classesApi, type ClassReport, type TypeRow } from '../../api/classes.ts';
import { errorMessage } from '../../api/client.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { UnitTreeSelect } from '../../components/unit-tree-select.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { useUnits } from '../../hooks/useUnits.ts';
import { formatCount } from '../../lib/format.ts';

const thisYear = new Date().getFullYear();
const count = (n: number) => formatCount(n);

/** Quarterly and yearly report of classes for a centre, a commune or the province. */
export default function ClassReportScene() {
  const { message } = App.useApp();
  const { forest } = useUnits();
  const [year, setYear] = useState(thisYear);
  const [quarter, setQuarter] = useState<number | 0>(Math.floor(new Date().getMonth() / 3) + 1);
  const [unitId, setUnitId] = useState<number | undefined>();
  const query = { year, quarter: quarter || undefined, unitId };
  const load = useCallback(() => classesApi.report({ year, quarter: quarter || undefined, unitId }), [year, quarter, unitId]);
  const { data, error, loading } = useLoader<ClassReport | null>(load, null);
  const download = (format: 'xlsx' | 'pdf') => classesApi.download(query, format).catch((err) => message.error(errorMessage(err)));
  const rows = data ? [...data.rows, { typeId: 0, typeName: 'Tổng cộng', ...data.total }] : [];
  return (
    <>
      <PageHeader
        title="Báo cáo lớp bồi dưỡng"
        subtitle="Số lớp, lượt học viên theo loại lớp; kế hoạch và thực hiện; đánh giá giảng viên."
        extra={
          <>
            <Button icon={<FileExcelOutlined />} onClick={() => void download('xlsx')}>
              Tải Excel
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => void download('pdf')}>
              Tải PDF
            </Button>
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="Năm báo cáo"
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `Năm ${y}` }))}
        />
        <Select
          aria-label="Kỳ báo cáo"
          value={quarter}
          onChange={setQuarter}
          style={{ width: 140 }}
          options={[
            { value: 0, label: 'Cả năm' },
            ...[1, 2, 3, 4].map((q) => ({ value: q, label: `Quý ${['I', 'II', 'III', 'IV'][q - 1]}` })),
          ]}
        />
        <div style={{ width: 320, maxWidth: '100%' }}>
          <UnitTreeSelect
            forest={forest}
            value={unitId}
            onChange={setUnitId}
            aria-label="Đơn vị báo cáo"
            placeholder="Toàn bộ phạm vi của tôi"
          />
        </div>
      </Flex>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Flex vertical gap={16}>
        {data && (
          <Card>
            <Typography.Text strong>{data.unitName}</Typography.Text>
            <Typography.Paragraph className="report-summary">{data.summary}</Typography.Paragraph>
          </Card>
        )}
        <Card title="Theo loại lớp">
          <Table<TypeRow>
            rowKey="typeId"
            size="small"
            loading={loading}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 760 }}
            rowClassName={(r) => (r.typeId === 0 ? 'report-total' : '')}
            columns={[
              { title: 'Loại lớp', dataIndex: 'typeName' },
              { title: 'Lớp kế hoạch', dataIndex: 'plannedClasses', width: 110, align: 'right', render: count },
              { title: 'Lớp đã mở', dataIndex: 'openedClasses', width: 100, align: 'right', render: count },
              { title: 'Học viên kế hoạch', dataIndex: 'plannedTrainees', width: 130, align: 'right', render: count },
              { title: 'Lượt học viên', dataIndex: 'trainees', width: 120, align: 'right', render: count },
              { title: 'Hoàn thành', dataIndex: 'completed', width: 100, align: 'right', render: count },
              { title: 'Chứng chỉ', dataIndex: 'certificates', width: 100, align: 'right', render: count },
            ]}
          />
        </Card>
        <Card title="Đánh giá giảng viên của học viên">
          <Table
            rowKey="lecturerId"
            size="small"
            dataSource={data?.lecturers ?? []}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            locale={{ emptyText: 'Chưa có phiếu đánh giá nào trong kỳ.' }}
            scroll={{ x: 600 }}
            columns={[
              { title: 'Giảng viên', dataIndex: 'lecturerName' },
              {
                title: 'Loại',
                dataIndex: 'lecturerKind',
                width: 120,
                render: (k: string) => (k === 'full_time' ? 'Chuyên trách' : 'Kiêm nhiệm'),
              },
              { title: 'Số lớp', dataIndex: 'classes', width: 80, align: 'right' },
              { title: 'Số phiếu', dataIndex: 'evaluations', width: 90, align: 'right' },
              {
                title: 'Điểm TB (1–5)',
                dataIndex: 'average',
                width: 120,
                align: 'right',
                render: (v: number | null) =>
                  v === null ? '—' : v.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
              },
            ]}
          />
        </Card>
      </Flex>
    </>
  );
}
