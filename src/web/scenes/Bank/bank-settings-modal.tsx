import { App, Form, Input, Modal, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { banksApi, type Bank } from '../../api/banks.ts';
import { errorMessage } from '../../api/client.ts';

interface Values { name: string; description?: string; active: boolean }

/** Owners rename a bank, describe it, or stop using it (its questions stay; it is marked "Ngừng sử dụng"). */
export function BankSettingsModal({ bank, open, onClose, onSaved }: { bank: Bank; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.setFieldsValue({ name: bank.name, description: bank.description ?? '', active: bank.active });
  }, [open, bank, form]);

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      await banksApi.update(bank.id, { name: values.name.trim(), description: values.description?.trim() || null, active: values.active });
      message.success('Đã lưu thông tin ngân hàng.');
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title="Thông tin ngân hàng" okText="Lưu" cancelText="Hủy" confirmLoading={saving} forceRender
      onCancel={onClose} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark="optional">
        <Form.Item name="name" label="Tên" rules={[{ required: true, whitespace: true, message: 'Nhập tên ngân hàng.' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label="Mô tả">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="active" label="Đang sử dụng" valuePropName="checked"
          extra="Tắt khi ngân hàng không còn dùng để tạo bài khảo sát mới. Câu hỏi và kết quả cũ vẫn giữ nguyên.">
          <Switch aria-label="Đang sử dụng" />
        </Form.Item>
        {error && <div role="alert" className="form-error">{error}</div>}
      </Form>
    </Modal>
  );
}
