import { DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Modal, Popconfirm, Space, Tooltip } from 'antd';
import { useEffect } from 'react';
import { banksApi, type Topic } from '../../api/banks.ts';
import { useAction } from '../../hooks/useAction.ts';

interface Values {
  name: string;
  materialUrl?: string;
}

/** Adds a topic, or (with `topic`) renames it, changes its material link or deletes it while no question uses it. */
export function TopicModal({
  bankId,
  topic,
  open,
  onClose,
  onSaved,
}: {
  bankId: number;
  topic: Topic | null;
  open: boolean;
  onClose: () => void;
  onSaved: (deleted: boolean) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { run, pending: saving, error, setError } = useAction({ errors: 'inline' });

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.setFieldsValue({ name: topic?.name ?? '', materialUrl: topic?.materialUrl ?? '' });
  }, [open, topic, form, setError]);

  const submit = (values: Values) => {
    const input = { name: values.name.trim(), materialUrl: values.materialUrl?.trim() || null };
    return run(
      async () => {
        if (topic) await banksApi.updateTopic(topic.id, input);
        else await banksApi.createTopic(bankId, input);
        form.resetFields();
        onSaved(false);
      },
      { success: topic ? 'Đã lưu chuyên đề.' : 'Đã thêm chuyên đề.' },
    );
  };

  const remove = async () => {
    if (!topic) return;
    await run(
      async () => {
        await banksApi.deleteTopic(topic.id);
        onSaved(true);
      },
      { success: `Đã xóa chuyên đề "${topic.name}".` },
    );
  };

  const inUse = (topic?.counts.total ?? 0) > 0;
  const deleteButton = topic && (
    <Popconfirm
      title={`Xóa chuyên đề "${topic.name}"?`}
      okText="Xóa"
      okButtonProps={{ danger: true }}
      cancelText="Hủy"
      onConfirm={() => void remove()}
      disabled={inUse}
    >
      <Tooltip title={inUse ? `Chuyên đề còn ${topic.counts.total} câu hỏi: chuyển hoặc xóa các câu hỏi trước.` : undefined}>
        <Button danger icon={<DeleteOutlined />} disabled={inUse}>
          Xóa chuyên đề
        </Button>
      </Tooltip>
    </Popconfirm>
  );

  return (
    <Modal
      open={open}
      title={topic ? 'Sửa chuyên đề' : 'Thêm chuyên đề'}
      forceRender
      onCancel={() => {
        setError(null);
        onClose();
      }}
      footer={
        <Flex justify="space-between" gap={8} wrap>
          {deleteButton ?? <span />}
          <Space>
            <Button
              onClick={() => {
                setError(null);
                onClose();
              }}
            >
              Hủy
            </Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()}>
              {topic ? 'Lưu' : 'Thêm'}
            </Button>
          </Space>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark="optional">
        <Form.Item name="name" label="Tên chuyên đề" rules={[{ required: true, whitespace: true, message: 'Nhập tên chuyên đề.' }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="materialUrl"
          label="Đường dẫn tài liệu"
          extra="Tài liệu bồi dưỡng của chuyên đề, bắt đầu bằng http:// hoặc https://."
          rules={[{ pattern: /^https?:\/\/\S+$/i, message: 'Đường dẫn phải bắt đầu bằng http:// hoặc https://.' }]}
        >
          <Input maxLength={1000} placeholder="https://" inputMode="url" />
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
