import { App, Form, Input, Modal } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { banksApi } from '../../api/banks.ts';
import { errorMessage } from '../../api/client.ts';
import { UnitTreeSelect } from '../../components/unit-tree-select.tsx';
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
  const { message } = App.useApp();
  const { forest } = useUnits();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canManageAt = useCallback((u: UnitNode) => canAt(me.grants, 'bank.manage', ancestorIds(forest, u.id)), [me, forest]);

  // Default owner: the first unit (top-down) where the user may manage banks.
  useEffect(() => {
    if (!open || form.getFieldValue('unitId')) return;
    const first = topmostUnit(forest, canManageAt);
    if (first) form.setFieldValue('unitId', first.id);
  }, [open, forest, canManageAt, form]);

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const { id, code } = await banksApi.create({
        name: values.name.trim(), unitId: values.unitId,
        code: values.code?.trim() || undefined, description: values.description?.trim() || undefined,
      });
      message.success(`Đã tạo ngân hàng ${code}.`);
      form.resetFields();
      onCreated(id);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title="Tạo ngân hàng câu hỏi" okText="Tạo ngân hàng" cancelText="Hủy" confirmLoading={saving}
      onCancel={() => { setError(null); onClose(); }} onOk={() => form.submit()} destroyOnHidden={false} forceRender>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark="optional">
        <Form.Item name="name" label="Tên" rules={[{ required: true, whitespace: true, message: 'Nhập tên ngân hàng.' }]}>
          <Input maxLength={200} placeholder="Ví dụ: Bồi dưỡng thường xuyên 2025 — Tiểu học" />
        </Form.Item>
        <Form.Item name="unitId" label="Đơn vị sở hữu" htmlFor="bank-unit"
          rules={[{ required: true, message: 'Chọn đơn vị sở hữu.' }]}
          extra="Người tổ chức của đơn vị này (và đơn vị cấp trên) được sửa ngân hàng.">
          <UnitTreeSelect id="bank-unit" aria-label="Đơn vị sở hữu" forest={forest} disabled={(u) => !canManageAt(u)} />
        </Form.Item>
        <Form.Item name="code" label="Mã" extra="Để trống để hệ thống tự đặt.">
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="description" label="Mô tả">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {error && <div role="alert" className="form-error">{error}</div>}
      </Form>
    </Modal>
  );
}
