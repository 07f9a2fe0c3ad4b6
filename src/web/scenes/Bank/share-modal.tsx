import { ShareAltOutlined } from '@ant-design/icons';
import { Button, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { banksApi, type Bank } from '../../api/banks.ts';
import { UnitTreeSelect } from '../../components/unit-tree-select.tsx';
import { useAction } from '../../hooks/useAction.ts';
import { useUnits } from '../../hooks/useUnits.ts';

/** Owners share a bank with another unit's organisers, or stop sharing it. */
export function ShareButton({ bank, onChanged }: { bank: Bank; onChanged: () => void }) {
  const { forest } = useUnits();
  const [open, setOpen] = useState(false);
  const [unitId, setUnitId] = useState<number | null>(null);
  const { run: act, pending: busy } = useAction();

  const run = (action: () => Promise<unknown>, done: string) =>
    act(
      async () => {
        await action();
        setUnitId(null);
        onChanged();
      },
      { success: done },
    );

  return (
    <>
      <Button icon={<ShareAltOutlined />} onClick={() => setOpen(true)}>
        Chia sẻ
      </Button>
      <Modal title="Chia sẻ ngân hàng câu hỏi" open={open} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <Typography.Paragraph type="secondary">
          Ban tổ chức của đơn vị được chia sẻ dùng được ngân hàng này để nhập, sửa câu hỏi và ra đề, nhưng không đổi tên hay chia sẻ tiếp.
        </Typography.Paragraph>
        <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
          <UnitTreeSelect
            forest={forest}
            value={unitId}
            onChange={setUnitId}
            aria-label="Đơn vị được chia sẻ"
            placeholder="Chọn đơn vị để chia sẻ"
            style={{ flex: 1 }}
          />
          <Button
            type="primary"
            disabled={!unitId}
            loading={busy}
            onClick={() => unitId && void run(() => banksApi.share(bank.id, unitId), 'Đã chia sẻ.')}
          >
            Chia sẻ
          </Button>
        </Space.Compact>
        <List
          size="small"
          header="Đang chia sẻ với"
          locale={{ emptyText: 'Chưa chia sẻ với đơn vị nào.' }}
          dataSource={bank.sharedWith}
          renderItem={(s) => (
            <List.Item
              actions={[
                <Button
                  key="x"
                  type="link"
                  danger
                  aria-label={`Ngừng chia sẻ với ${s.unitName}`}
                  onClick={() => void run(() => banksApi.unshare(bank.id, s.unitId), 'Đã ngừng chia sẻ.')}
                >
                  Ngừng chia sẻ
                </Button>,
              ]}
            >
              {s.unitName}
            </List.Item>
          )}
        />
      </Modal>
    </>
  );
}
