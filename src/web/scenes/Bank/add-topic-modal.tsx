import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { banksApi } from '../../api/banks.ts';
import { errorMessage } from '../../api/client.ts';

export function AddTopicModal({ bankId, open, onClose, onAdded }: {
  bankId: number; open: boolean; onClose: () => void; onAdded: (id: number) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; materialUrl?: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: { name: string; materialUrl?: string }) => {
    setSaving(true);
    setError(null);
    try {
      const { id } = await banksApi.createTopic(bankId, { name: values.name.trim(), materialUrl: values.materialUrl?.trim() || null });
      message.success('Đã thêm chuyên đề.');
      form.resetFields();
      onAdded(id);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title="Thêm chuyên đề" okText="Thêm" cancelText="Hủy" confirmLoading={saving}
      onCancel={() => { setError(null); onClose(); }} onOk={() => form.submit()} forceRender>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark="optional">
        <Form.Item name="name" label="Tên chuyên đề" rules={[{ required: true, whitespace: true, message: 'Nhập tên chuyên đề.' }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="materialUrl" label="Đường dẫn tài liệu" extra="Tài liệu bồi dưỡng của chuyên đề, bắt đầu bằng http:// hoặc https://."
          rules={[{ pattern: /^https?:\/\/\S+$/i, message: 'Đường dẫn phải bắt đầu bằng http:// hoặc https://.' }]}>
          <Input maxLength={1000} placeholder="https://" inputMode="url" />
        </Form.Item>
        {error && <div role="alert" className="form-error">{error}</div>}
      </Form>
    </Modal>
  );
}
