import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Descriptions, Flex, Form, Grid, Input, List, Modal, Radio, Select, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { POSITION_LABELS, labelOf, type Position } from '../../../domain/roster.ts';
import { trainingApi, type Campaign, type Lecturer } from '../../api/training.ts';
import { useAction } from '../../hooks/useAction.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { useUnits } from '../../hooks/useUnits.ts';
import { UnitTreeSelect } from '../../components/unit-tree-select.tsx';
import { percent, periodText } from '../../lib/training-format.ts';

const NO_LECTURERS: Lecturer[] = [];

export function OverviewTab({ campaign, onChanged }: { campaign: Campaign; onChanged: () => void }) {
  // On a phone each label sits above its value: long values (the audience) wrap instead of widening the page.
  const screens = Grid.useBreakpoint();
  const loadLecturers = useCallback(
    () => (campaign.canManage ? trainingApi.lecturers() : Promise.resolve(NO_LECTURERS)),
    [campaign.canManage],
  );
  const { data: lecturers, reload: reloadLecturers } = useLoader(loadLecturers, NO_LECTURERS);
  const [addingLecturer, setAddingLecturer] = useState(false);
  const [form] = Form.useForm<{ name: string; lecturerId?: number }>();
  const { run, pending: saving } = useAction();

  const addTopic = (v: { name: string; lecturerId?: number }) =>
    run(async () => {
      await trainingApi.createTopic(campaign.id, { name: v.name, lecturerId: v.lecturerId ?? null });
      form.resetFields();
      onChanged();
    });

  return (
    <Flex vertical gap={16}>
      <Card title="Thông tin chung">
        <Descriptions
          column={{ xs: 1, md: 2 }}
          layout={screens.sm ? 'horizontal' : 'vertical'}
          items={[
            { key: 'year', label: 'Năm học', children: campaign.schoolYear },
            { key: 'period', label: 'Thời gian', children: periodText(campaign.startsOn, campaign.endsOn) },
            { key: 'unit', label: 'Đơn vị tổ chức', children: campaign.unitName },
            {
              key: 'rule',
              label: 'Điều kiện làm bài khảo sát',
              children:
                campaign.attendanceRequiredPercent === null
                  ? 'Không yêu cầu chuyên cần'
                  : `Tham dự ít nhất ${percent(campaign.attendanceRequiredPercent, 0)} số buổi của điểm cầu`,
            },
            {
              key: 'targets',
              label: 'Đối tượng tham dự',
              span: 2,
              children:
                campaign.targets.length === 0 ? (
                  'Chưa xác định'
                ) : (
                  <Flex gap={4} wrap>
                    {campaign.targets.map((t) => (
                      <Tag key={t.unitId}>
                        {t.unitName}
                        {t.positions.length ? ` — ${t.positions.map((p) => labelOf(POSITION_LABELS, p)).join(', ')}` : ''}
                      </Tag>
                    ))}
                  </Flex>
                ),
            },
          ]}
        />
      </Card>
      <Card title={`Chuyên đề (${campaign.topics.length})`}>
        <List
          dataSource={campaign.topics}
          locale={{ emptyText: 'Chưa có chuyên đề nào.' }}
          renderItem={(t, i) => (
            <List.Item>
              <List.Item.Meta
                title={`${i + 1}. ${t.name}`}
                description={t.lecturerName ? `Báo cáo viên: ${t.lecturerName}` : 'Chưa phân công báo cáo viên'}
              />
            </List.Item>
          )}
        />
        {campaign.canManage && (
          <Form form={form} name="topic" layout="inline" onFinish={(v) => void addTopic(v)} style={{ marginTop: 12, rowGap: 8 }}>
            <Form.Item
              name="name"
              rules={[{ required: true, whitespace: true, message: 'Nhập tên chuyên đề.' }]}
              style={{ flex: '1 1 280px' }}
            >
              <Input placeholder="Tên chuyên đề mới" aria-label="Tên chuyên đề mới" maxLength={300} />
            </Form.Item>
            <Form.Item name="lecturerId" style={{ minWidth: 220 }}>
              <Select
                allowClear
                placeholder="Báo cáo viên"
                aria-label="Báo cáo viên"
                showSearch={{ optionFilterProp: 'label' }}
                options={lecturers.map((l) => ({ value: l.id, label: `${l.title ? `${l.title} ` : ''}${l.fullName}` }))}
              />
            </Form.Item>
            <Button htmlType="submit" icon={<PlusOutlined />} loading={saving}>
              Thêm chuyên đề
            </Button>
            <Button type="link" onClick={() => setAddingLecturer(true)}>
              Thêm báo cáo viên mới
            </Button>
          </Form>
        )}
      </Card>
      {campaign.canManage && <TargetsCard campaign={campaign} onChanged={onChanged} />}
      {addingLecturer && (
        <LecturerModal
          unitId={campaign.unitId}
          onClose={() => setAddingLecturer(false)}
          onCreated={() => {
            setAddingLecturer(false);
            void reloadLecturers();
          }}
        />
      )}
    </Flex>
  );
}

/** Who must attend: unit subtrees, each optionally limited to some positions. */
function TargetsCard({ campaign, onChanged }: { campaign: Campaign; onChanged: () => void }) {
  const { forest } = useUnits();
  const [unitId, setUnitId] = useState<number | null>(null);
  const [positions, setPositions] = useState<Position[]>(['manager', 'teacher']);
  const { run } = useAction();
  const save = (targets: { unitId: number; positions: Position[] }[]) =>
    run(async () => {
      await trainingApi.setTargets(campaign.id, targets);
      onChanged();
    });
  const current = campaign.targets.map((t) => ({ unitId: t.unitId, positions: t.positions }));
  return (
    <Card title="Đối tượng tham dự">
      <Flex vertical gap={8}>
        <Flex gap={4} wrap>
          {campaign.targets.map((t) => (
            <Tag
              key={t.unitId}
              closable={{ 'aria-label': `Bỏ đối tượng ${t.unitName}` }}
              onClose={() => void save(current.filter((x) => x.unitId !== t.unitId))}
            >
              {t.unitName}
              {t.positions.length ? ` — ${t.positions.map((p) => labelOf(POSITION_LABELS, p)).join(', ')}` : ''}
            </Tag>
          ))}
        </Flex>
        <Flex gap={8} wrap align="center">
          <div style={{ flex: '1 1 260px' }}>
            <UnitTreeSelect forest={forest} value={unitId} onChange={setUnitId} aria-label="Đơn vị tham dự" />
          </div>
          <Checkbox.Group
            value={positions}
            onChange={(v) => setPositions(v as Position[])}
            options={Object.entries(POSITION_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <Button
            icon={<PlusOutlined />}
            disabled={!unitId}
            onClick={() => unitId && void save([...current.filter((x) => x.unitId !== unitId), { unitId, positions }])}
          >
            Thêm đối tượng
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}

/** A lecturer from outside the roster, owned by the campaign's unit. */
function LecturerModal({ unitId, onClose, onCreated }: { unitId: number; onClose: () => void; onCreated: () => void }) {
  const [form] = Form.useForm<{ fullName: string; title?: string; workplace?: string; kind: 'full_time' | 'part_time' }>();
  const { run, pending } = useAction();
  return (
    <Modal
      open
      title="Thêm báo cáo viên"
      okText="Thêm"
      cancelText="Hủy"
      confirmLoading={pending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        name="lecturer"
        layout="vertical"
        initialValues={{ kind: 'part_time' }}
        onFinish={(v) =>
          void run(async () => {
            await trainingApi.createLecturer({
              unitId,
              fullName: v.fullName,
              title: v.title || null,
              workplace: v.workplace || null,
              kind: v.kind,
            });
            onCreated();
          })
        }
      >
        <Form.Item name="fullName" label="Họ và tên" rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên.' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="title" label="Học hàm, học vị">
          <Input maxLength={200} placeholder="TS., ThS.…" />
        </Form.Item>
        <Form.Item name="workplace" label="Nơi công tác">
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="kind" label="Loại">
          <Radio.Group
            options={[
              { value: 'full_time', label: 'Chuyên trách' },
              { value: 'part_time', label: 'Kiêm nhiệm' },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
