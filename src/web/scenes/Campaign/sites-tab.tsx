import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Modal, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { trainingApi, type Campaign, type Site } from '../../api/training.ts';
import { UnitTreeSelect } from '../../components/unit-tree-select.tsx';
import { useAction } from '../../hooks/useAction.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { useSignedIn } from '../../hooks/useMe.ts';
import { useUnits } from '../../hooks/useUnits.ts';
import { formatCount } from '../../lib/format.ts';
import { canAt } from '../../lib/permissions.ts';
import { ancestorIds } from '../../lib/unit-tree.ts';
import { SiteDrawer } from './site-drawer.tsx';

const NONE: Site[] = [];

export function SitesTab({ campaign }: { campaign: Campaign }) {
  const load = useCallback(() => trainingApi.sites(campaign.id), [campaign.id]);
  const { data: sites, loading, reload } = useLoader(load, NONE);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const open = sites.find((s) => s.id === openId) ?? null;
  return (
    <Card
      title={`Điểm cầu (${sites.length})`}
      extra={
        campaign.canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            Thêm điểm cầu
          </Button>
        )
      }
    >
      <Table<Site>
        rowKey="id"
        loading={loading}
        dataSource={sites}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: 'Chưa có điểm cầu nào.' }}
        columns={[
          {
            title: 'Điểm cầu',
            dataIndex: 'name',
            render: (name: string, s) => (
              <Button
                type="link"
                style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                onClick={() => setOpenId(s.id)}
              >
                {name}
              </Button>
            ),
          },
          { title: 'Đơn vị', dataIndex: 'unitName', width: 220 },
          {
            title: 'Học viên / sức chứa',
            key: 'people',
            width: 150,
            align: 'right',
            render: (_v, s) => (
              <Tag color={s.capacity !== null && s.participants > s.capacity ? 'red' : undefined}>
                {formatCount(s.participants)}
                {s.capacity !== null ? ` / ${formatCount(s.capacity)}` : ''}
              </Tag>
            ),
          },
          { title: 'Buổi học', dataIndex: 'sessions', width: 90, align: 'right' },
          {
            title: 'Giám sát',
            key: 'proctors',
            width: 200,
            render: (_v, s) => s.proctors.map((p) => p.fullName).join(', ') || <span className="muted">Chưa có</span>,
          },
        ]}
      />
      {creating && (
        <CreateSiteModal
          campaign={campaign}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            void reload();
          }}
        />
      )}
      <SiteDrawer campaign={campaign} site={open} sites={sites} onClose={() => setOpenId(null)} onChanged={reload} />
    </Card>
  );
}

function CreateSiteModal({ campaign, onClose, onCreated }: { campaign: Campaign; onClose: () => void; onCreated: () => void }) {
  const { me } = useSignedIn();
  const { forest } = useUnits();
  const [form] = Form.useForm<{ name: string; unitId: number; address?: string; capacity?: number; onlineUrl?: string }>();
  const { run, pending: saving } = useAction();
  const submit = (v: { name: string; unitId: number; address?: string; capacity?: number; onlineUrl?: string }) =>
    run(
      async () => {
        await trainingApi.createSite(campaign.id, {
          name: v.name,
          unitId: v.unitId,
          address: v.address || null,
          capacity: v.capacity ?? null,
          onlineUrl: v.onlineUrl || null,
        });
        onCreated();
      },
      { success: `Đã thêm điểm cầu "${v.name}".` },
    );
  return (
    <Modal open title="Thêm điểm cầu" okText="Thêm" cancelText="Hủy" confirmLoading={saving} onCancel={onClose} onOk={() => form.submit()}>
      <Form form={form} name="site" layout="vertical" requiredMark="optional" onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label="Tên điểm cầu" rules={[{ required: true, whitespace: true, message: 'Nhập tên điểm cầu.' }]}>
          <Input maxLength={200} placeholder="Điểm cầu Trường THCS …" />
        </Form.Item>
        <Form.Item name="unitId" label="Đơn vị" htmlFor="site-unit" rules={[{ required: true, message: 'Chọn đơn vị.' }]}>
          <UnitTreeSelect
            id="site-unit"
            aria-label="Đơn vị của điểm cầu"
            forest={forest}
            disabled={(u) => !canAt(me.grants, 'training.manage', ancestorIds(forest, u.id))}
          />
        </Form.Item>
        <Form.Item name="address" label="Địa điểm">
          <Input maxLength={300} placeholder="Hội trường, phòng họp…" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="capacity" label="Sức chứa">
            <InputNumber min={1} max={100000} aria-label="Sức chứa" />
          </Form.Item>
          <Form.Item name="onlineUrl" label="Đường dẫn trực tuyến" style={{ flex: 1, minWidth: 220 }}>
            <Input placeholder="https://…" />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
