import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { POSITION_LABELS, POSITIONS, type Position } from '../../../domain/roster.ts';
import type { TitleMapping, UnknownTitle } from '../../api/roster.ts';
import { useAction } from '../../hooks/useAction.ts';
import { formatCount } from '../../lib/format.ts';

const OPTIONS = POSITIONS.map((p) => ({ value: p, label: POSITION_LABELS[p] }));

interface Props {
  titles: UnknownTitle[];
  onSave: (mappings: TitleMapping[]) => Promise<void>;
}

/**
 * Job titles the system cannot place in a category: the organiser picks one per title, once; it is remembered for
 * every later file, and the same file is checked again.
 */
export function UnknownTitles({ titles, onSave }: Props) {
  const [chosen, setChosen] = useState<Record<string, Position>>({});
  const { run, pending: saving } = useAction();
  const complete = titles.every((t) => chosen[t.title]);

  const columns: TableColumnsType<UnknownTitle> = [
    { title: 'Chức vụ trong tệp', dataIndex: 'title', key: 'title' },
    {
      title: 'Số người',
      key: 'count',
      width: 190,
      render: (_v, t) => `${formatCount(t.count)} (dòng ${t.rows.join(', ')}${t.count > t.rows.length ? ', …' : ''})`,
    },
    {
      title: 'Thuộc nhóm',
      key: 'position',
      width: 190,
      render: (_v, t) => (
        <Select<Position>
          aria-label={`Nhóm của chức vụ ${t.title}`}
          placeholder="Chọn nhóm"
          style={{ width: '100%' }}
          options={OPTIONS}
          value={chosen[t.title]}
          onChange={(p) => setChosen((c) => ({ ...c, [t.title]: p }))}
        />
      ),
    },
  ];

  // onSave shows its own failure in the import's state; a rejection would still be shown, never left unhandled.
  const save = () => run(() => onSave(titles.map((t) => ({ title: t.title, position: chosen[t.title] }))));

  return (
    <Flex vertical gap={8}>
      <Alert
        type="warning"
        showIcon
        title={`${formatCount(titles.length)} chức vụ chưa biết thuộc nhóm nào — chưa ghi gì.`}
        description="Thống kê đếm theo ba nhóm Cán bộ quản lý, Giáo viên, Nhân viên. Chọn nhóm cho từng chức vụ dưới đây: lựa chọn được ghi nhớ cho các lần nhập sau, chức vụ vẫn giữ nguyên như trong tệp."
      />
      <Table<UnknownTitle> size="small" rowKey="title" columns={columns} dataSource={titles} pagination={false} scroll={{ x: 560 }} />
      <Flex justify="flex-end">
        <Button type="primary" icon={<SaveOutlined />} disabled={!complete} loading={saving} onClick={() => void save()}>
          Lưu và kiểm tra lại tệp
        </Button>
      </Flex>
      {!complete && <Typography.Text type="secondary">Chọn nhóm cho tất cả chức vụ để tiếp tục.</Typography.Text>}
    </Flex>
  );
}
