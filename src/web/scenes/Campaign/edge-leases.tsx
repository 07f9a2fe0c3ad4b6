import { App, Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { trainingApi, type EdgeLease, type EdgeServer } from '../../api/training.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { formatCount } from '../../lib/format.ts';

const NO_LEASES: EdgeLease[] = [];

const STATES: Record<EdgeLease['state'], { label: string; color?: string }> = {
  waiting: { label: 'Chưa có bài về' },
  in_progress: { label: 'Đang làm (đã về)', color: 'processing' },
  submitted: { label: 'Đã nộp (đã về)', color: 'success' },
  voided: { label: 'Đã hủy', color: 'default' },
};

/**
 * The people one laptop holds, and giving some back to the province: someone absent on the day who will take the survey
 * elsewhere. Only people with nothing arrived from the laptop can go back.
 */
export function EdgeLeases({ edge, canReturn, onChange }: { edge: EdgeServer; canReturn: boolean; onChange: () => void }) {
  const load = useCallback(() => trainingApi.edgeLeases(edge.id), [edge.id]);
  const { data: leases, loading, reload } = useLoader(load, NO_LEASES);
  const [selected, setSelected] = useState<number[]>([]);
  const { message } = App.useApp();
  const returnable = canReturn && !edge.revokedAt;
  const personIds = [...new Set(leases.filter((l) => selected.includes(rowKey(l))).map((l) => l.personId))];
  const giveBack = () =>
    trainingApi.returnToProvince(edge.id, personIds).then(
      ({ returned }) => {
        message.success(`Đã trả ${formatCount(returned)} lượt làm bài về máy chủ tỉnh.`);
        setSelected([]);
        void reload();
        onChange();
      },
      (err) => message.error(errorMessage(err)),
    );
  return (
    <Flex vertical gap={8}>
      {returnable && (
        <Flex gap={12} align="center" wrap>
          <Popconfirm
            title={`Trả ${formatCount(personIds.length)} người về máy chủ tỉnh?`}
            description={
              <div style={{ maxWidth: 380 }}>
                Họ làm bài trên máy chủ tỉnh (hoặc máy khác); máy điểm cầu ngừng cho họ bắt đầu khi đồng bộ lần tới. Nếu máy đang mất kết
                nối và họ đã kịp bắt đầu trên máy, bài làm đó sẽ không được nhận.
              </div>
            }
            okText="Trả về"
            cancelText="Hủy"
            onConfirm={giveBack}
            disabled={personIds.length === 0}
          >
            <Button disabled={personIds.length === 0}>Trả về máy chủ tỉnh ({formatCount(personIds.length)})</Button>
          </Popconfirm>
          <Typography.Text type="secondary">Chỉ chọn được người chưa có bài làm nào gửi về từ máy này.</Typography.Text>
        </Flex>
      )}
      <Table<EdgeLease>
        size="small"
        rowKey={rowKey}
        loading={loading}
        dataSource={leases}
        pagination={leases.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: 'Máy này không còn giữ ai.' }}
        rowSelection={
          returnable
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as number[]),
                getCheckboxProps: (l) => ({ disabled: l.state !== 'waiting', 'aria-label': `Chọn ${l.fullName}` }),
              }
            : undefined
        }
        columns={[
          { title: 'Họ và tên', dataIndex: 'fullName' },
          { title: 'Đơn vị', dataIndex: 'unitName' },
          { title: 'Bài khảo sát', dataIndex: 'survey' },
          {
            title: 'Trạng thái',
            dataIndex: 'state',
            width: 160,
            render: (state: EdgeLease['state']) => <Tag color={STATES[state].color}>{STATES[state].label}</Tag>,
          },
          {
            title: 'Gắn cờ',
            dataIndex: 'flags',
            render: (flags: string[]) =>
              flags.length === 0 ? null : (
                <Flex vertical gap={2}>
                  {flags.map((flag) => (
                    <Tag key={flag} color="warning" style={{ whiteSpace: 'normal' }}>
                      {flag}
                    </Tag>
                  ))}
                </Flex>
              ),
          },
        ]}
      />
    </Flex>
  );
}

/** One row per (survey, person): a person may be on the laptop for two surveys. */
function rowKey(l: EdgeLease): number {
  return l.assessmentId * 10_000_000 + l.personId;
}
