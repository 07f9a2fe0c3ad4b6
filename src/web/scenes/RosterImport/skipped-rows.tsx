import { Collapse, Table, type TableColumnsType } from 'antd';
import type { SkippedRow } from '../../api/roster.ts';
import { formatCount } from '../../lib/format.ts';

const columns: TableColumnsType<SkippedRow> = [
  { title: 'Dòng', dataIndex: 'row', key: 'row', width: 70, align: 'right' },
  { title: 'Nội dung', dataIndex: 'text', key: 'text' },
  { title: 'Lý do bỏ qua', dataIndex: 'reason', key: 'reason', width: 220 },
];

/** Footer rows under the table (totals, date line, signatures) left out, so the organiser sees nobody was dropped. */
export function SkippedRows({ rows }: { rows: SkippedRow[] }) {
  return (
    <Collapse
      size="small"
      items={[
        {
          key: 'skipped',
          label: `Đã bỏ qua ${formatCount(rows.length)} dòng chân trang (tổng cộng, ngày tháng, chữ ký) — không phải người`,
          children: (
            <Table<SkippedRow> size="small" rowKey="row" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 480 }} />
          ),
        },
      ]}
    />
  );
}
