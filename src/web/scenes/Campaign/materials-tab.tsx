import { DeleteOutlined, FileOutlined, LinkOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Popconfirm, Progress, Select, Table, Upload } from 'antd';
import { useCallback, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { trainingApi, type Campaign, type Material } from '../../api/training.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { formatCount } from '../../lib/format.ts';
import { MaterialLink } from '../../components/material-link.tsx';

const NONE: Material[] = [];
const ACCEPT = '.pdf,.docx,.pptx,.xlsx,.png,.jpg,.jpeg,.gif,.webp';

export function MaterialsTab({ campaign }: { campaign: Campaign }) {
  const { message } = App.useApp();
  const load = useCallback(() => trainingApi.materials(campaign.id), [campaign.id]);
  const { data, loading, reload } = useLoader(load, NONE);
  const [topicId, setTopicId] = useState<number | undefined>();
  const [upload, setUpload] = useState<{ name: string; percent: number } | null>(null);
  const [linkForm] = Form.useForm<{ title: string; url: string }>();
  const topicOptions = campaign.topics.map((t) => ({ value: t.id, label: t.name }));

  const handleFile = async (file: File) => {
    setUpload({ name: file.name, percent: 0 });
    try {
      await trainingApi.uploadMaterial(campaign.id, file, topicId, (percent) => setUpload({ name: file.name, percent }));
      message.success(`Đã tải lên "${file.name}".`);
      void reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setUpload(null);
    }
  };

  const addLink = async (v: { title: string; url: string }) => {
    try {
      await trainingApi.addLink(campaign.id, { ...v, topicId: topicId ?? null });
      linkForm.resetFields();
      void reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Flex vertical gap={16}>
      {campaign.canManage && (
        <Card title="Thêm tài liệu">
          <Flex vertical gap={12}>
            <Select
              allowClear
              placeholder="Thuộc chuyên đề (không bắt buộc)"
              aria-label="Thuộc chuyên đề"
              options={topicOptions}
              value={topicId}
              onChange={setTopicId}
              style={{ maxWidth: 480 }}
            />
            <Upload
              accept={ACCEPT}
              showUploadList={false}
              disabled={upload !== null}
              beforeUpload={(file) => {
                void handleFile(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} disabled={upload !== null}>
                Tải tệp lên (PDF, Word, PowerPoint, Excel, ảnh; tối đa 20 MB)
              </Button>
            </Upload>
            {upload && (
              <div aria-live="polite">
                {upload.name}
                <Progress percent={upload.percent} status="active" aria-label={`Tiến độ tải lên: ${upload.name}`} />
              </div>
            )}
            <Form form={linkForm} layout="inline" onFinish={(v) => void addLink(v)} style={{ rowGap: 8 }}>
              <Form.Item name="title" rules={[{ required: true, whitespace: true, message: 'Nhập tên.' }]}>
                <Input placeholder="Tên liên kết (video, trang web)" aria-label="Tên liên kết" />
              </Form.Item>
              <Form.Item name="url" rules={[{ required: true, message: 'Nhập địa chỉ.' }]} style={{ flex: '1 1 260px' }}>
                <Input placeholder="https://…" aria-label="Địa chỉ liên kết" />
              </Form.Item>
              <Button htmlType="submit" icon={<LinkOutlined />}>
                Thêm liên kết
              </Button>
            </Form>
          </Flex>
        </Card>
      )}
      <Card title={`Tài liệu (${data.length})`}>
        <Table<Material>
          rowKey="id"
          loading={loading}
          dataSource={data}
          pagination={false}
          scroll={{ x: 640 }}
          locale={{ emptyText: 'Chưa có tài liệu nào.' }}
          columns={[
            {
              title: 'Tài liệu',
              key: 'title',
              render: (_v, m) => (
                <Flex gap={6} align="center">
                  {m.kind === 'link' ? <LinkOutlined /> : <FileOutlined />}
                  <MaterialLink material={m} />
                </Flex>
              ),
            },
            {
              title: 'Chuyên đề',
              dataIndex: 'topicName',
              width: 260,
              render: (v: string | null) => v ?? <span className="muted">Chung</span>,
            },
            { title: 'Người đã mở', dataIndex: 'readers', width: 110, align: 'right', render: (v: number) => formatCount(v ?? 0) },
            { title: 'Lượt mở', dataIndex: 'opens', width: 90, align: 'right', render: (v: number) => formatCount(v ?? 0) },
            ...(campaign.canManage
              ? [
                  {
                    title: '',
                    key: 'actions',
                    width: 60,
                    render: (_v: unknown, m: Material) => (
                      <Popconfirm
                        title={`Xóa "${m.title}"?`}
                        okText="Xóa"
                        cancelText="Hủy"
                        onConfirm={() => trainingApi.deleteMaterial(m.id).then(reload, (err) => message.error(errorMessage(err)))}
                      >
                        <Button type="text" danger icon={<DeleteOutlined />} aria-label={`Xóa ${m.title}`} />
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Flex>
  );
}
