import { Form, Input, Modal } from 'antd';
import { useCallback, useEffect } from 'react';
import { banksApi } from '../../api/banks.ts';
import { UnitTreeSelect } from '../../components/unit-tree-select.tsx';
import { useAction } from '../../hooks/useAction.ts';
import { useSignedIn } from '../../hooks/useMe.ts';
import { useUnits } from '../../hooks/useUnits.ts';
import { canAt } from '../../lib/permissions.ts';
import { ancestorIds, topmostUnit, type UnitNode } from '../../lib/unit-tree.ts';

interface Values {
  name: string;
  unitId: number;
  code?: string;
  description?: string;
}

export function CreateBankModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: number) => void }) {
  const { me } = useSignedIn();
  const { forest } = useUnits();
  const [form] = Form.useForm<Values>();
  const { run, pending: saving, error, setError } = useAction({ errors: 'inline' });
  const canManageAt = useCallback((u: UnitNode) => canAt(me.grants, 'bank.manage', ancestorIds(forest, u.id)), [me, forest]);

  // Default owner: the first unit (top-down) where the user may manage banks.
  useEffect(() => {
    if (!open || form.getFieldValue('unitId')) return;
    const first = topmostUnit(forest, canManageAt);
    if (first) form.setFieldValue('unitId', first.id);
  }, [open, forest, canManageAt, form]);

  const submit = (values: Values) =>
    run(
      async () => {
        const { id, code } = await banksApi.create({
          name: values.name.trim(),
          unitId: values.unitId,
          code: values.code?.trim() || undefined,
          description: values.description?.trim() || undefined,
        });
        form.resetFields();
        onCreated(id);
        return code;
      },
      { success: (code) => `Đã tạo ngân hàng ${code}.` },
    );

  return (
    <Modal
      open={open}
      title="Tạo ngân hàng câu hỏi"
      okText="Tạo ngân hàng"
      cancelText="Hủy"
      confirmLoading={saving}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onOk={() => form.submit()}
      destroyOnHidden={false}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark="optional">
        <Form.Item name="name" label="Tên" rules={[{ required: true, whitespace: true, message: 'Nhập tên ngân hàng.' }]}>
          <Input maxLength={200} placeholder="Ví dụ: Bồi dưỡng thường xuyên 2025 — Tiểu học" />
        </Form.Item>
        <Form.Item
          name="unitId"
          label="Đơn vị sở hữu"
          htmlFor="bank-unit"
          rules={[{ required: true, message: 'Chọn đơn vị sở hữu.' }]}
          extra="Người tổ chức của đơn vị này (và đơn vị cấp trên) được sửa ngân hàng."
        >
          <UnitTreeSelect id="bank-unit" aria-label="Đơn vị sở hữu" forest={forest} disabled={(u) => !canManageAt(u)} />
        </Form.Item>
        <Form.Item name="code" label="Mã" extra="Để trống để hệ thống tự đặt.">
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="description" label="Mô tả">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {error && (
          <div role="alert" className="form-error">
            {error}
          </div>
        )}
      </Form>
    </Modal>
  );
}
