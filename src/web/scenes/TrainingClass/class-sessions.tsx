import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Form, Input, Radio, Segmented, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback } from 'react';
import { HALF_LABELS, type AttendanceStatus, type Half } from '../../../domain/training/attendance.ts';
import { api, errorMessage, putJson } from '../../api/client.ts';
import type { ClassDetail } from '../../api/classes.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { viDay } from '../../lib/training-format.ts';

interface ClassSession {
  id: number;
  date: string;
  half: Half;
  topic: string | null;
  lecturerName: string | null;
  marks: { traineeId: number; status: AttendanceStatus; reason: string | null }[];
}
const OPTIONS: { value: AttendanceStatus; label: string }[] = [
  { value: 'present', label: 'Có mặt' },
  { value: 'late', label: 'Muộn' },
  { value: 'absent', label: 'Vắng' },
];

/** Half-day sessions of a class (topic, lecturer) and the trainees' attendance at each. */
export function ClassSessions({ cls }: { cls: ClassDetail }) {
  const { message } = App.useApp();
  const load = useCallback(async () => (await api.get<{ items: ClassSession[] }>(`/api/classes/${cls.id}/sessions`)).items, [cls.id]);
  const { data, reload } = useLoader(load, [] as ClassSession[]);
  const [form] = Form.useForm<{ date: Dayjs; half: Half; topic?: string; lecturerId?: number }>();
  const fail = (err: unknown) => message.error(errorMessage(err));
  const add = (v: { date: Dayjs; half: Half; topic?: string; lecturerId?: number }) =>
    api
      .post(`/api/classes/${cls.id}/sessions`, {
        date: v.date.format('YYYY-MM-DD'),
        half: v.half,
        topic: v.topic || null,
        lecturerId: v.lecturerId ?? null,
      })
      .then(() => {
        form.resetFields(['topic']);
        void reload();
      }, fail);
  const mark = (sessionId: number, traineeId: number, status: AttendanceStatus) =>
    putJson(`/api/class-sessions/${sessionId}/attendance/${traineeId}`, { status }).then(reload, fail);
  return (
    <Card title={`Buổi học (${data.length})`}>
      {cls.canManage && (
        <Form
          form={form}
          name="class-session"
          layout="inline"
          initialValues={{ half: 'morning' }}
          onFinish={(v) => void add(v)}
          style={{ rowGap: 8, marginBottom: 12 }}
        >
          <Form.Item name="date" rules={[{ required: true, message: 'Chọn ngày.' }]}>
            <DatePicker format="DD/MM/YYYY" aria-label="Ngày học" placeholder="Ngày học" />
          </Form.Item>
          <Form.Item name="half">
            <Radio.Group
              options={[
                { value: 'morning', label: 'Sáng' },
                { value: 'afternoon', label: 'Chiều' },
              ]}
            />
          </Form.Item>
          <Form.Item name="topic" style={{ flex: '1 1 220px' }}>
            <Input placeholder="Chuyên đề" aria-label="Chuyên đề buổi học" />
          </Form.Item>
          <Form.Item name="lecturerId" style={{ minWidth: 200 }}>
            <Select
              allowClear
              placeholder="Giảng viên"
              aria-label="Giảng viên buổi học"
              options={cls.lecturers.map((l) => ({ value: l.id, label: l.fullName }))}
            />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />}>
            Thêm buổi
          </Button>
        </Form>
      )}
      <Table<ClassSession>
        rowKey="id"
        size="small"
        dataSource={data}
        pagination={false}
        locale={{ emptyText: 'Chưa có buổi học nào.' }}
        expandable={{
          expandedRowRender: (s) => (
            <Flex vertical gap={4}>
              {cls.trainees.map((t) => (
                <Flex key={t.id} gap={8} align="center" wrap>
                  <span style={{ minWidth: 200 }}>{t.fullName}</span>
                  <Segmented<AttendanceStatus | ''>
                    size="small"
                    options={OPTIONS}
                    disabled={!cls.canManage}
                    value={s.marks.find((m) => m.traineeId === t.id)?.status ?? ''}
                    onChange={(v) => v && void mark(s.id, t.id, v)}
                    aria-label={`Điểm danh ${t.fullName}`}
                  />
                </Flex>
              ))}
            </Flex>
          ),
        }}
        columns={[
          { title: 'Buổi', key: 'when', width: 180, render: (_v, s) => `${HALF_LABELS[s.half]} ${viDay(s.date)}` },
          { title: 'Chuyên đề', dataIndex: 'topic', render: (v: string | null) => v ?? '' },
          { title: 'Giảng viên', dataIndex: 'lecturerName', width: 200, render: (v: string | null) => v ?? '' },
          {
            title: 'Có mặt',
            key: 'present',
            width: 90,
            align: 'right',
            render: (_v, s) => `${s.marks.filter((m) => m.status !== 'absent').length}/${cls.trainees.length}`,
          },
        ]}
      />
    </Card>
  );
}
