import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Modal, Radio, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { eventsApi, type EventSummary } from '../../api/events.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { UnitTreeSelect } from '../../components/unit-tree-select.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { useSignedIn } from '../../hooks/useMe.ts';
import { useUnits } from '../../hooks/useUnits.ts';
import { formatCount } from '../../lib/format.ts';
import { canAt } from '../../lib/permissions.ts';
import { ancestorIds } from '../../lib/unit-tree.ts';
import { periodText } from '../../lib/training-format.ts';

/** Conferences and courses of the user's subtree. */
export default function EventsScene() {
  const { can } = useSignedIn();
  const navigate = useNavigate();
  const { data, loading, reload } = useLoader(eventsApi.list, [] as EventSummary[]);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Hội nghị, lớp tập huấn"
        subtitle="Danh sách mời từ danh sách cán bộ, chương trình, tài liệu, điểm danh từng buổi."
        extra={
          can('training.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Tạo hội nghị, lớp
            </Button>
          )
        }
      />
      <Card>
        <Table<EventSummary>
          rowKey="id"
          loading={loading}
          dataSource={data}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: 'Chưa có hội nghị, lớp tập huấn nào.' }}
          columns={[
            { title: 'Tên', dataIndex: 'name', render: (n: string, e) => <Link to={`/hoi-nghi/${e.id}`}>{n}</Link> },
            {
              title: 'Loại',
              dataIndex: 'kind',
              width: 120,
              render: (k: string) => <Tag>{k === 'conference' ? 'Hội nghị' : 'Lớp tập huấn'}</Tag>,
            },
            { title: 'Thời gian', key: 'time', width: 200, render: (_v, e) => periodText(e.startsOn, e.endsOn) },
            { title: 'Đơn vị', dataIndex: 'unitName', width: 220 },
            { title: 'Số người mời', dataIndex: 'invitees', width: 120, align: 'right', render: (n: number) => formatCount(n ?? 0) },
          ]}
        />
      </Card>
      {creating && (
        <CreateEventModal
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            void reload();
            navigate(`/hoi-nghi/${id}`);
          }}
        />
      )}
    </>
  );
}

interface Values {
  unitId: number;
  kind: 'conference' | 'course';
  name: string;
  dates: [Dayjs, Dayjs];
  halves: 'both' | 'morning' | 'afternoon';
  location?: string;
  programme?: string;
}

function CreateEventModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const { me } = useSignedIn();
  const { message } = App.useApp();
  const { forest } = useUnits();
  const [form] = Form.useForm<Values>();
  const submit = async (v: Values) => {
    try {
      const { id } = await eventsApi.create({
        unitId: v.unitId,
        kind: v.kind,
        name: v.name,
        startsOn: v.dates[0].format('YYYY-MM-DD'),
        endsOn: v.dates[1].format('YYYY-MM-DD'),
        halves: v.halves,
        location: v.location || null,
        programme: v.programme || null,
      });
      onCreated(id);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <Modal open title="Tạo hội nghị, lớp tập huấn" okText="Tạo" cancelText="Hủy" onCancel={onClose} onOk={() => form.submit()}>
      <Form
        form={form}
        name="event"
        layout="vertical"
        requiredMark="optional"
        onFinish={(v) => void submit(v)}
        initialValues={{ kind: 'conference', halves: 'both' }}
      >
        <Form.Item name="kind" label="Loại">
          <Radio.Group
            options={[
              { value: 'conference', label: 'Hội nghị' },
              { value: 'course', label: 'Lớp tập huấn' },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label="Tên" rules={[{ required: true, whitespace: true, message: 'Nhập tên.' }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="unitId" label="Đơn vị tổ chức" htmlFor="event-unit" rules={[{ required: true, message: 'Chọn đơn vị.' }]}>
          <UnitTreeSelect
            id="event-unit"
            forest={forest}
            aria-label="Đơn vị tổ chức"
            disabled={(u) => !canAt(me.grants, 'training.manage', ancestorIds(forest, u.id))}
          />
        </Form.Item>
        <Form.Item name="dates" label="Thời gian" rules={[{ required: true, message: 'Chọn ngày.' }]}>
          <DatePicker.RangePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="halves" label="Buổi">
          <Radio.Group
            options={[
              { value: 'both', label: 'Cả ngày' },
              { value: 'morning', label: 'Chỉ buổi sáng' },
              { value: 'afternoon', label: 'Chỉ buổi chiều' },
            ]}
          />
        </Form.Item>
        <Form.Item name="location" label="Địa điểm">
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="programme" label="Chương trình">
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
