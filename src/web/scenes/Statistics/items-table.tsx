import { Alert, Button, Modal, Radio, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { FLAG_EXPLANATIONS, FLAG_LABELS, formatDecimalVi, formatPercentVi } from '../../../domain/statistics/index.ts';
import { statisticsApi, type ItemView } from '../../api/statistics.ts';
import { RichText } from '../../components/rich-text.tsx';
import { useAction } from '../../hooks/useAction.ts';

/** Every question's facility, discrimination, option shares and flags; the organiser can correct a key from here. */
export function ItemsTable({ assessmentId, items, onRegraded }: { assessmentId: number; items: ItemView[]; onRegraded: () => void }) {
  const [editing, setEditing] = useState<ItemView | null>(null);
  const [choice, setChoice] = useState(0);
  const { run, pending: saving } = useAction();
  const letters = Math.max(...items.map((i) => i.options.length));
  const columns: TableColumnsType<ItemView> = [
    { title: 'Câu', width: 48, render: (_, i) => i.index + 1 },
    { title: 'Đáp án', width: 64, align: 'center', dataIndex: 'key' },
    { title: 'Độ khó', width: 72, align: 'right', render: (_, i) => formatDecimalVi(i.facility, 3) },
    { title: 'Độ phân biệt', width: 92, align: 'right', render: (_, i) => formatDecimalVi(i.pointBiserial, 3) },
    { title: 'Cao – thấp', width: 84, align: 'right', render: (_, i) => formatDecimalVi(i.upperLower, 3) },
    ...Array.from({ length: letters }, (_, k) => ({
      title: 'ABCDEFGH'[k],
      width: 64,
      align: 'right' as const,
      render: (_: unknown, i: ItemView) => {
        const o = i.options[k];
        return o ? (
          <span style={{ fontWeight: o.isKey ? 700 : 400, color: o.isKey ? '#1f7a3d' : undefined }}>{formatPercentVi(o.percent, 1)}</span>
        ) : null;
      },
    })),
    { title: 'Bỏ trống', width: 76, align: 'right', render: (_, i) => formatPercentVi(i.omitted.percent, 1) },
    {
      title: 'Cảnh báo',
      render: (_, i) =>
        i.flags.map((f) => (
          <Tooltip key={f} title={FLAG_EXPLANATIONS[f]}>
            <Tag color={f === 'likely_miskeyed' ? 'error' : 'warning'}>{FLAG_LABELS[f]}</Tag>
          </Tooltip>
        )),
    },
    {
      title: 'Sửa',
      width: 104,
      render: (_, i) => (
        <Button
          size="small"
          onClick={() => {
            setEditing(i);
            setChoice('ABCDEFGH'.indexOf(i.key));
          }}
        >
          Sửa đáp án
        </Button>
      ),
    },
  ];
  const save = async () => {
    if (!editing) return;
    const question = editing.index + 1;
    await run(
      async () => {
        const r = await statisticsApi.correctKey(assessmentId, editing.index, choice);
        setEditing(null);
        onRegraded();
        return r;
      },
      { success: (r) => `Đã sửa đáp án câu ${question} thành ${r.key}; chấm lại ${r.total} bài, ${r.changed} bài đổi điểm.` },
    );
  };
  return (
    <>
      <Table<ItemView>
        rowKey="index"
        size="small"
        columns={columns}
        dataSource={items}
        pagination={false}
        scroll={{ x: 860 }}
        expandable={{
          expandedRowRender: (i) => (
            <div style={{ maxWidth: 820 }}>
              <RichText blocks={i.stemRich} text={i.stem} />
              <ol type="A" style={{ margin: '6px 0 0' }}>
                {i.optionTexts.map((text, k) => (
                  <li key={k} style={{ fontWeight: 'ABCDEFGH'[k] === i.key ? 700 : 400 }}>
                    {text} — {i.options[k]?.count ?? 0} lượt chọn
                  </li>
                ))}
              </ol>
            </div>
          ),
        }}
      />
      <Modal
        open={editing !== null}
        title={editing ? `Sửa đáp án câu ${editing.index + 1}` : ''}
        okText="Sửa và chấm lại"
        cancelText="Hủy"
        okButtonProps={{ loading: saving, disabled: editing !== null && 'ABCDEFGH'[choice] === editing.key }}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
      >
        {editing && (
          <>
            <RichText blocks={editing.stemRich} text={editing.stem} />
            <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value as number)} style={{ marginTop: 12 }}>
              <Space direction="vertical">
                {editing.optionTexts.map((text, k) => (
                  <Radio key={k} value={k}>
                    {'ABCDEFGH'[k]}. {text}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              title="Mọi bài đã nộp sẽ được chấm lại theo đáp án mới; việc sửa được ghi vào nhật ký và báo cáo sẽ ghi chú điểm đã được tính lại."
            />
          </>
        )}
      </Modal>
    </>
  );
}
