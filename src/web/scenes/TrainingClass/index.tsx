import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Flex, Input, Select, Skeleton, Table } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { classesApi, type ClassDetail } from '../../api/classes.ts';
import { trainingApi, type Lecturer } from '../../api/training.ts';
import { errorMessage } from '../../api/client.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { formatCount } from '../../lib/format.ts';
import { viDate } from '../../lib/training-format.ts';
import { ClassSessions } from './class-sessions.tsx';

type Trainee = ClassDetail['trainees'][number];

/** A class: dates (plan, actual), lecturers with their evaluation, trainees with completion and certificate numbers. */
export default function TrainingClassScene() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const load = useCallback(() => classesApi.get(id), [id]);
  const { data: cls, error, reload } = useLoader<ClassDetail | null>(load, null);
  const [names, setNames] = useState('');
  const loadLecturers = useCallback(() => trainingApi.lecturers().catch(() => [] as Lecturer[]), []);
  const { data: lecturerOptions } = useLoader(loadLecturers, [] as Lecturer[]);
  const [chosen, setChosen] = useState<number[] | null>(null);
  const fail = (err: unknown) => message.error(errorMessage(err));
  if (error) return <Alert type="error" showIcon title={error} role="alert" />;
  if (!cls)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );

  const addTyped = () => {
    const entries = names
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [fullName, workplace] = line.split(/\t|;|,(?=[^,]*$)/).map((s) => s.trim());
        return { fullName, workplace: workplace || null };
      });
    if (!entries.length) return;
    classesApi.addTrainees(cls.id, { entries }).then((r) => {
      message.success(`Đã thêm ${formatCount(r.added)} học viên.`);
      setNames('');
      void reload();
    }, fail);
  };
  const setActual = (start: dayjs.Dayjs | null, end: dayjs.Dayjs | null) =>
    classesApi
      .update(cls.id, {
        actualStart: start?.format('YYYY-MM-DD') ?? null,
        actualEnd: end?.format('YYYY-MM-DD') ?? null,
      })
      .then(reload, fail);
  const updateTrainee = (t: Trainee, input: { completed?: boolean; certificateNo?: string | null }) =>
    classesApi.updateTrainee(t.id, input).then(reload, fail);

  return (
    <>
      <Link to="/lop-boi-duong" className="back-link">
        <ArrowLeftOutlined /> Các lớp bồi dưỡng
      </Link>
      <PageHeader title={cls.name} subtitle={`${cls.typeName} · ${cls.unitName}`} />
      <Flex vertical gap={16}>
        <Card title="Thông tin lớp">
          <Descriptions
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'plan',
                label: 'Dự kiến',
                children: `${viDate(cls.plannedStart)}${cls.plannedEnd ? ` – ${viDate(cls.plannedEnd)}` : ''}`,
              },
              {
                key: 'actual',
                label: 'Thực tế',
                children: cls.canManage ? (
                  <DatePicker.RangePicker
                    format="DD/MM/YYYY"
                    allowEmpty={[true, true]}
                    aria-label="Thời gian thực tế"
                    value={[cls.actualStart ? dayjs(cls.actualStart) : null, cls.actualEnd ? dayjs(cls.actualEnd) : null]}
                    onChange={(v) => void setActual(v?.[0] ?? null, v?.[1] ?? null)}
                    placeholder={['Khai giảng', 'Bế giảng']}
                  />
                ) : cls.actualStart ? (
                  `${viDate(cls.actualStart)}${cls.actualEnd ? ` – ${viDate(cls.actualEnd)}` : ''}`
                ) : (
                  'Chưa khai giảng'
                ),
              },
              { key: 'planned', label: 'Học viên dự kiến', children: formatCount(cls.plannedTrainees ?? 0) },
              { key: 'location', label: 'Địa điểm', children: cls.location ?? '' },
            ]}
          />
        </Card>
        <Card
          title="Giảng viên"
          extra={
            cls.canManage && (
              <Flex gap={8} wrap>
                <Select
                  mode="multiple"
                  style={{ minWidth: 320 }}
                  aria-label="Giảng viên của lớp"
                  placeholder="Chọn giảng viên"
                  value={chosen ?? cls.lecturers.map((l) => l.id)}
                  onChange={setChosen}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={lecturerOptions.map((l) => ({
                    value: l.id,
                    label: `${l.fullName} (${l.kind === 'full_time' ? 'chuyên trách' : 'kiêm nhiệm'})`,
                  }))}
                />
                <Button
                  disabled={chosen === null}
                  onClick={() =>
                    chosen
                    && classesApi.setLecturers(cls.id, chosen).then(() => {
                      setChosen(null);
                      void reload();
                    }, fail)
                  }
                >
                  Lưu
                </Button>
              </Flex>
            )
          }
        >
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={cls.lecturers}
            locale={{ emptyText: 'Chưa phân công giảng viên.' }}
            columns={[
              { title: 'Họ và tên', key: 'name', render: (_v, l) => `${l.title ? `${l.title} ` : ''}${l.fullName}` },
              { title: 'Loại', dataIndex: 'kind', width: 130, render: (k: string) => (k === 'full_time' ? 'Chuyên trách' : 'Kiêm nhiệm') },
              { title: 'Phiếu đánh giá', dataIndex: 'evaluations', width: 130, align: 'right' },
              {
                title: 'Điểm TB (1–5)',
                dataIndex: 'average',
                width: 130,
                align: 'right',
                render: (v: number | null) => v?.toLocaleString('vi-VN') ?? '—',
              },
            ]}
          />
        </Card>
        <ClassSessions cls={cls} />
        <Card title={`Học viên (${formatCount(cls.trainees.length)})`}>
          {cls.canManage && (
            <Flex vertical gap={8} style={{ marginBottom: 12 }}>
              <Input.TextArea
                rows={3}
                value={names}
                onChange={(e) => setNames(e.target.value)}
                aria-label="Thêm học viên"
                placeholder={'Mỗi dòng một học viên: Họ và tên; Nơi công tác\nVí dụ: Nguyễn Thị Hoa; Trường Tiểu học Tân Lập'}
              />
              <Button onClick={addTyped} disabled={!names.trim()} style={{ alignSelf: 'flex-start' }}>
                Thêm học viên
              </Button>
            </Flex>
          )}
          <Table<Trainee>
            rowKey="id"
            size="small"
            dataSource={cls.trainees}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            scroll={{ x: 640 }}
            columns={[
              { title: 'STT', key: 'i', width: 56, align: 'right', render: (_v, _t, i) => i + 1 },
              { title: 'Họ và tên', dataIndex: 'fullName', width: 200 },
              { title: 'Nơi công tác', dataIndex: 'workplace' },
              {
                title: 'Hoàn thành',
                dataIndex: 'completed',
                width: 100,
                align: 'center',
                render: (v: boolean, t) => (
                  <Checkbox
                    checked={v}
                    disabled={!cls.canManage}
                    aria-label={`${t.fullName} hoàn thành`}
                    onChange={(e) => void updateTrainee(t, { completed: e.target.checked })}
                  />
                ),
              },
              {
                title: 'Số chứng chỉ',
                dataIndex: 'certificateNo',
                width: 240,
                render: (v: string | null, t) =>
                  cls.canManage ? (
                    <Input
                      defaultValue={v ?? ''}
                      size="small"
                      aria-label={`Số chứng chỉ của ${t.fullName}`}
                      onBlur={(e) => e.target.value !== (v ?? '') && void updateTrainee(t, { certificateNo: e.target.value || null })}
                    />
                  ) : (
                    (v ?? '')
                  ),
              },
            ]}
          />
        </Card>
      </Flex>
    </>
  );
}
