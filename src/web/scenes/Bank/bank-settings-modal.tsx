import { Form, Input, Modal, Switch } from 'antd';
import { useEffect } from 'react';
import { banksApi, type Bank } from '../../api/banks.ts';
import { useAction } from '../../hooks/useAction.ts';

interface Values {
  name: string;
  description?: string;
  active: boolean;
}

/** Owners rename a bank, describe it, or stop using it (its questions stay; it is marked "Ngừng sử dụng"). */
export function BankSettingsModal({
  bank,
  open,
  onClose,
  onSaved,
}: {
  bank: Bank;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { run, pending: saving, error, setError } = useAction({ errors: 'inline' });

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.setFieldsValue({ name: bank.name, description: bank.description ?? '', active: bank.active });
  }, [open, bank, form, setError]);

  const submit = (values: Values) =>
    run(
      async () => {
        await banksApi.update(bank.id, {
          name: values.name.trim(),
          description: values.description?.trim() || null,
          active: values.active,
        });
        onSaved();
      },
      { success: 'Đã lưu thông tin ngân hàng.' },
    );

  return (
    <Modal
      open={open}
      title="Thông tin ngân hàng"
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      forceRender
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark="optional">
        <Form.Item name="name" label="Tên" rules={[{ required: true, whitespace: true, message: 'Nhập tên ngân hàng.' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label="Mô tả">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="active"
          label="Đang sử dụng"
          valuePropName="checked"
          extra="Tắt khi ngân hàng không còn dùng để tạo bài khảo sát mới. Câu hỏi và kết quả cũ vẫn giữ nguyên."
        >
          <Switch aria-label="Đang sử dụng" />
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
