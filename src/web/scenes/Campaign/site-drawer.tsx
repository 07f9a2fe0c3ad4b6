import { DeleteOutlined, FilePdfOutlined, SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Table,
  Tabs,
  TimePicker,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { POSITION_LABELS, type Position } from '../../../domain/roster.ts';
import { errorMessage } from '../../api/client.ts';
import { peopleApi } from '../../api/people.ts';
import { trainingApi, type Campaign, type Lecturer, type Participant, type Site, type TrainingSession } from '../../api/training.ts';
import { UnitTreeSelect } from '../../components/unit-tree-select.tsx';
import { useIsPhone } from '../../hooks/useIsPhone.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { useUnits } from '../../hooks/useUnits.ts';
import { formatCount, positionLabel } from '../../lib/format.ts';
import { viDay } from '../../lib/training-format.ts';

interface Props {
  campaign: Campaign;
  site: Site | null;
  sites: Site[];
  onClose: () => void;
  onChanged: () => void;
}

export function SiteDrawer({ campaign, site, sites, onClose, onChanged }: Props) {
  const isPhone = useIsPhone();
  return (
    <Drawer open={site !== null} onClose={onClose} size={isPhone ? '100%' : 820} title={site?.name} destroyOnHidden>
      {site && (
        <Tabs
          items={[
            {
              key: 'people',
              label: `Học viên (${formatCount(site.participants)})`,
              children: <ParticipantsPanel campaign={campaign} site={site} sites={sites} onChanged={onChanged} />,
            },
            { key: 'sessions', label: 'Lịch học', children: <SessionsPanel campaign={campaign} site={site} onChanged={onChanged} /> },
            { key: 'proctors', label: 'Giám sát', children: <ProctorsPanel campaign={campaign} site={site} onChanged={onChanged} /> },
          ]}
        />
      )}
    </Drawer>
  );
}

function ParticipantsPanel({ campaign, site, sites, onChanged }: { campaign: Campaign; site: Site; sites: Site[]; onChanged: () => void }) {
  const { message } = App.useApp();
  const { forest } = useUnits();
  const load = useCallback(() => trainingApi.participants(site.id), [site.id]);
  const { data, loading, reload } = useLoader(load, [] as Participant[]);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [positions, setPositions] = useState<Position[]>(['manager', 'teacher']);
  const [selected, setSelected] = useState<number[]>([]);
  const [target, setTarget] = useState<number | undefined>();
  const [picked, setPicked] = useState<number[]>([]);
  const [found, setFound] = useState<{ value: number; label: string }[]>([]);
  const search = (q: string) => {
    if (q.trim().length < 2) return;
    peopleApi.list({ q, page: 1, pageSize: 20 }).then(
      (page) => setFound(page.items.map((p) => ({ value: p.id, label: `${p.fullName} — ${p.unitName}` }))),
      () => setFound([]),
    );
  };
  const addPicked = () =>
    trainingApi.assign(site.id, { personIds: picked }).then((r) => {
      setPicked([]);
      after(`Đã thêm ${formatCount(r.added)} người, chuyển ${formatCount(r.moved)} người từ điểm cầu khác.`);
    }, fail);
  const after = (text: string) => {
    message.success(text);
    setSelected([]);
    void reload();
    onChanged();
  };
  const fail = (err: unknown) => message.error(errorMessage(err));

  const assign = () =>
    unitId
    && trainingApi
      .assign(site.id, { unitId, positions })
      .then(
        (r) =>
          after(
            `Đã xếp ${formatCount(r.added)} người, chuyển ${formatCount(r.moved)} người từ điểm cầu khác. Điểm cầu có ${formatCount(r.total)} học viên`
              + `${r.overCapacity ? `, vượt sức chứa ${formatCount(r.capacity ?? 0)}!` : '.'}`,
          ),
        fail,
      );
  const move = () =>
    target
    && trainingApi
      .assign(target, { personIds: selected })
      .then((r) => after(`Đã chuyển ${formatCount(r.moved)} người sang ${sites.find((s) => s.id === target)?.name}.`), fail);
  const remove = () =>
    trainingApi.removeParticipants(site.id, selected).then((r) => after(`Đã bỏ ${formatCount(r.removed)} người khỏi điểm cầu.`), fail);

  return (
    <Flex vertical gap={12}>
      {campaign.canManage && (
        <Flex gap={8} wrap align="center">
          <div style={{ flex: '1 1 260px' }}>
            <UnitTreeSelect
              forest={forest}
              value={unitId}
              onChange={setUnitId}
              aria-label="Xếp học viên theo đơn vị"
              placeholder="Xếp cả đơn vị (và đơn vị trực thuộc)"
            />
          </div>
          <Checkbox.Group
            value={positions}
            onChange={(v) => setPositions(v as Position[])}
            options={Object.entries(POSITION_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <Button type="primary" icon={<UserAddOutlined />} disabled={!unitId} onClick={() => void assign()}>
            Xếp vào điểm cầu
          </Button>
        </Flex>
      )}
      {campaign.canManage && (
        <Flex gap={8} wrap align="center">
          <Select
            mode="multiple"
            value={picked}
            onChange={setPicked}
            options={found}
            filterOption={false}
            onSearch={search}
            placeholder="Hoặc thêm từng người: gõ tên, mã định danh"
            aria-label="Thêm từng người"
            style={{ flex: '1 1 320px' }}
          />
          <Button icon={<UserAddOutlined />} disabled={picked.length === 0} onClick={() => void addPicked()}>
            Thêm người đã chọn
          </Button>
        </Flex>
      )}
      {campaign.canManage && selected.length > 0 && (
        <Flex gap={8} wrap align="center" className="selection-bar">
          <span>Đã chọn {formatCount(selected.length)} người:</span>
          <Select
            placeholder="Chuyển sang điểm cầu"
            aria-label="Chuyển sang điểm cầu"
            style={{ minWidth: 220 }}
            value={target}
            onChange={setTarget}
            options={sites.filter((s) => s.id !== site.id).map((s) => ({ value: s.id, label: s.name }))}
          />
          <Button icon={<SwapOutlined />} disabled={!target} onClick={() => void move()}>
            Chuyển
          </Button>
          <Popconfirm title="Bỏ những người đã chọn khỏi điểm cầu?" okText="Bỏ" cancelText="Hủy" onConfirm={() => void remove()}>
            <Button danger icon={<DeleteOutlined />}>
              Bỏ khỏi điểm cầu
            </Button>
          </Popconfirm>
        </Flex>
      )}
      <Table<Participant>
        rowKey="personId"
        size="small"
        loading={loading}
        dataSource={data}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        rowSelection={campaign.canManage ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) } : undefined}
        locale={{ emptyText: 'Chưa có học viên.' }}
        scroll={{ x: 560 }}
        columns={[
          { title: 'Họ và tên', dataIndex: 'fullName' },
          { title: 'Chức vụ', dataIndex: 'position', width: 140, render: (v: string) => positionLabel(v) },
          { title: 'Đơn vị', dataIndex: 'unitName', width: 240 },
        ]}
      />
    </Flex>
  );
}

interface SessionValues {
  date: Dayjs;
  time: [Dayjs, Dayjs];
  topicId?: number;
  lecturerId?: number;
  note?: string;
}

function SessionsPanel({ campaign, site, onChanged }: { campaign: Campaign; site: Site; onChanged: () => void }) {
  const { message } = App.useApp();
  const load = useCallback(() => trainingApi.sessions(site.id), [site.id]);
  const { data, loading, reload } = useLoader(load, [] as TrainingSession[]);
  const [lecturers, setLecturers] = useState<Lecturer[]>([]);
  const [form] = Form.useForm<SessionValues>();
  useEffect(() => {
    if (campaign.canManage) trainingApi.lecturers().then(setLecturers, () => setLecturers([]));
  }, [campaign.canManage]);
  const add = async (v: SessionValues) => {
    try {
      await trainingApi.createSession(site.id, {
        date: v.date.format('YYYY-MM-DD'),
        startsAt: v.time[0].format('HH:mm'),
        endsAt: v.time[1].format('HH:mm'),
        topicId: v.topicId ?? null,
        lecturerId: v.lecturerId ?? null,
        note: v.note || null,
      });
      form.resetFields(['time', 'topicId', 'lecturerId', 'note']);
      void reload();
      onChanged();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Button
          icon={<FilePdfOutlined />}
          onClick={() => trainingApi.schedulePdf(site.id).catch((err) => message.error(errorMessage(err)))}
        >
          In lịch (PDF)
        </Button>
      </Flex>
      <Table<TrainingSession>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{ emptyText: 'Chưa có buổi học nào.' }}
        columns={[
          { title: 'Ngày', dataIndex: 'date', width: 130, render: (d: string) => viDay(d) },
          { title: 'Giờ', key: 'time', width: 110, render: (_v, s) => `${s.startsAt}–${s.endsAt}` },
          { title: 'Chuyên đề', dataIndex: 'topicName', render: (v: string | null) => v ?? '' },
          { title: 'Báo cáo viên', dataIndex: 'lecturerName', width: 170, render: (v: string | null) => v ?? '' },
          { title: 'Điểm danh', key: 'mark', width: 100, render: (_v, s) => <Link to={`/diem-danh/buoi/${s.id}`}>Mở</Link> },
        ]}
      />
      {campaign.canManage && (
        <Form form={form} name="session" layout="vertical" onFinish={(v) => void add(v)} requiredMark="optional" className="session-form">
          <Typography.Text strong>Thêm buổi học</Typography.Text>
          <Flex gap={8} wrap style={{ marginTop: 8 }}>
            <Form.Item name="date" label="Ngày" rules={[{ required: true, message: 'Chọn ngày.' }]}>
              <DatePicker format="DD/MM/YYYY" aria-label="Ngày" />
            </Form.Item>
            <Form.Item name="time" label="Thời gian" rules={[{ required: true, message: 'Chọn giờ.' }]}>
              <TimePicker.RangePicker format="HH:mm" minuteStep={5} placeholder={['Bắt đầu', 'Kết thúc']} />
            </Form.Item>
            <Form.Item name="topicId" label="Chuyên đề" style={{ minWidth: 240, flex: 1 }}>
              <Select allowClear aria-label="Chuyên đề của buổi" options={campaign.topics.map((t) => ({ value: t.id, label: t.name }))} />
            </Form.Item>
            <Form.Item name="lecturerId" label="Báo cáo viên" style={{ minWidth: 200 }}>
              <Select
                allowClear
                aria-label="Báo cáo viên của buổi"
                showSearch={{ optionFilterProp: 'label' }}
                options={lecturers.map((l) => ({ value: l.id, label: l.fullName }))}
              />
            </Form.Item>
          </Flex>
          <Form.Item name="note" label="Ghi chú">
            <Input maxLength={500} />
          </Form.Item>
          <Button htmlType="submit" type="primary">
            Thêm buổi
          </Button>
        </Form>
      )}
    </Flex>
  );
}

function ProctorsPanel({ campaign, site, onChanged }: { campaign: Campaign; site: Site; onChanged: () => void }) {
  const { message } = App.useApp();
  const [options, setOptions] = useState(site.proctors.map((p) => ({ value: p.personId, label: p.fullName })));
  const [value, setValue] = useState(site.proctors.map((p) => p.personId));
  const search = (q: string) => {
    if (q.trim().length < 2) return;
    peopleApi.list({ q, page: 1, pageSize: 20 }).then(
      (page) =>
        setOptions((old) => {
          const seen = new Map(old.map((o) => [o.value, o]));
          for (const p of page.items) seen.set(p.id, { value: p.id, label: `${p.fullName} — ${p.unitName}` });
          return [...seen.values()];
        }),
      () => {},
    );
  };
  const save = () =>
    trainingApi.setProctors(site.id, value).then(
      () => {
        message.success('Đã lưu giám sát.');
        onChanged();
      },
      (err) => message.error(errorMessage(err)),
    );
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary">
        Giám sát điểm danh học viên của điểm cầu trên điện thoại và hiển thị mã tự điểm danh.
      </Typography.Paragraph>
      <Select
        mode="multiple"
        value={value}
        onChange={setValue}
        options={options}
        filterOption={false}
        onSearch={search}
        disabled={!campaign.canManage}
        placeholder="Gõ tên để tìm (không dấu cũng được)"
        aria-label="Giám sát điểm cầu"
      />
      {campaign.canManage && (
        <Button type="primary" onClick={() => void save()} style={{ alignSelf: 'flex-start' }}>
          Lưu
        </Button>
      )}
    </Flex>
  );
}
