import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { classesApi, type ClassSummary, type ClassType } from '../../api/classes.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { UnitTreeSelect } from '../../components/unit-tree-select.tsx';
import { useAction } from '../../hooks/useAction.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { useSignedIn } from '../../hooks/useMe.ts';
import { useUnits } from '../../hooks/useUnits.ts';
import { formatCount } from '../../lib/format.ts';
import { canAt } from '../../lib/permissions.ts';
import { ancestorIds } from '../../lib/unit-tree.ts';
import { viDate } from '../../lib/training-format.ts';

const thisYear = new Date().getFullYear();

/** Political centres' classes of a year in the user's subtree. */
export default function ClassesScene() {
  const { can } = useSignedIn();
  const navigate = useNavigate();
  const [year, setYear] = useState(thisYear);
  const load = useCallback(() => classesApi.list(year), [year]);
  const { data, loading, reload } = useLoader(load, [] as ClassSummary[]);
  const { data: types } = useLoader(classesApi.types, [] as ClassType[]);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Lớp bồi dưỡng"
        subtitle="Các lớp của trung tâm chính trị: kế hoạch, thực hiện, học viên, giảng viên."
        extra={
          <>
            <Button icon={<BarChartOutlined />} onClick={() => navigate('/bao-cao-lop')}>
              Báo cáo quý, năm
            </Button>
            {can('training.manage') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                Mở lớp
              </Button>
            )}
          </>
        }
      />
      <Card
        title={
          <Select
            aria-label="Năm"
            value={year}
            onChange={setYear}
            style={{ width: 120 }}
            options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `Năm ${y}` }))}
          />
        }
      >
        <Table<ClassSummary>
          rowKey="id"
          loading={loading}
          dataSource={data}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          locale={{ emptyText: 'Chưa có lớp nào trong năm.' }}
          columns={[
            { title: 'Lớp', dataIndex: 'name', render: (name: string, c) => <Link to={`/lop-boi-duong/${c.id}`}>{name}</Link> },
            {
              title: 'Loại lớp',
              dataIndex: 'typeName',
              width: 200,
              filters: types.map((t) => ({ text: t.name, value: t.id })),
              onFilter: (v, c) => c.typeId === v,
            },
            { title: 'Đơn vị', dataIndex: 'unitName', width: 200 },
            {
              title: 'Khai giảng',
              key: 'start',
              width: 150,
              render: (_v, c) => (c.actualStart ? viDate(c.actualStart) : <span className="muted">Dự kiến {viDate(c.plannedStart)}</span>),
            },
            {
              title: 'Học viên',
              key: 'trainees',
              width: 110,
              align: 'right',
              render: (_v, c) => (c.actualStart ? formatCount(c.trainees) : <Tag>Kế hoạch {formatCount(c.plannedTrainees ?? 0)}</Tag>),
            },
            { title: 'Hoàn thành', dataIndex: 'completed', width: 100, align: 'right', render: (n: number) => formatCount(n) },
          ]}
        />
      </Card>
      {creating && (
        <CreateClassModal
          types={types}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            void reload();
            navigate(`/lop-boi-duong/${id}`);
          }}
        />
      )}
    </>
  );
}

interface Values {
  unitId: number;
  typeId: number;
  name: string;
  planned: [Dayjs, Dayjs];
  plannedTrainees?: number;
  location?: string;
}

function CreateClassModal({ types, onClose, onCreated }: { types: ClassType[]; onClose: () => void; onCreated: (id: number) => void }) {
  const { me } = useSignedIn();
  const { forest } = useUnits();
  const [form] = Form.useForm<Values>();
  const { run, pending: saving } = useAction();
  const submit = (v: Values) =>
    run(async () => {
      const { id } = await classesApi.create({
        unitId: v.unitId,
        typeId: v.typeId,
        name: v.name,
        plannedStart: v.planned[0].format('YYYY-MM-DD'),
        plannedEnd: v.planned[1].format('YYYY-MM-DD'),
        plannedTrainees: v.plannedTrainees ?? null,
        location: v.location || null,
      });
      onCreated(id);
    });
  return (
    <Modal
      open
      title="Mở lớp bồi dưỡng"
      okText="Tạo lớp"
      cancelText="Hủy"
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form form={form} name="class" layout="vertical" requiredMark="optional" onFinish={(v) => void submit(v)}>
        <Form.Item name="unitId" label="Trung tâm tổ chức" htmlFor="class-unit" rules={[{ required: true, message: 'Chọn đơn vị.' }]}>
          <UnitTreeSelect
            id="class-unit"
            aria-label="Trung tâm tổ chức"
            forest={forest}
            disabled={(u) => !canAt(me.grants, 'training.manage', ancestorIds(forest, u.id))}
          />
        </Form.Item>
        <Form.Item name="typeId" label="Loại lớp" rules={[{ required: true, message: 'Chọn loại lớp.' }]}>
          <Select aria-label="Loại lớp" options={types.filter((t) => t.active).map((t) => ({ value: t.id, label: t.name }))} />
        </Form.Item>
        <Form.Item name="name" label="Tên lớp" rules={[{ required: true, whitespace: true, message: 'Nhập tên lớp.' }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="planned" label="Thời gian dự kiến" rules={[{ required: true, message: 'Chọn ngày.' }]}>
          <DatePicker.RangePicker format="DD/MM/YYYY" style={{ width: '100%' }} placeholder={['Khai giảng', 'Bế giảng']} />
        </Form.Item>
        <Form.Item name="plannedTrainees" label="Số học viên dự kiến">
          <InputNumber min={0} max={100000} />
        </Form.Item>
        <Form.Item name="location" label="Địa điểm">
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
