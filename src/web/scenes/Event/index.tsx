import { ArrowLeftOutlined, DownloadOutlined, UploadOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Flex, Progress, Segmented, Select, Skeleton, Table, Typography, Upload } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { POSITION_LABELS, type Position } from '../../../domain/roster.ts';
import { ABSENCE_REASONS, HALF_LABELS, type AttendanceStatus } from '../../../domain/training/attendance.ts';
import { errorMessage } from '../../api/client.ts';
import { eventsApi, type EventSheet } from '../../api/events.ts';
import type { Material } from '../../api/training.ts';
import { MaterialLink } from '../../components/material-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { UnitTreeSelect } from '../../components/unit-tree-select.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { useUnits } from '../../hooks/useUnits.ts';
import { formatCount } from '../../lib/format.ts';
import { periodText, viDay } from '../../lib/training-format.ts';

type Row = EventSheet['items'][number];
const OPTIONS: { value: AttendanceStatus; label: string }[] = [
  { value: 'present', label: 'Có mặt' },
  { value: 'late', label: 'Muộn' },
  { value: 'absent', label: 'Vắng' },
];

/** A conference or course: programme, invitation list, materials and attendance per half-day. */
export default function EventScene() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const { forest } = useUnits();
  const load = useCallback(() => eventsApi.sheet(id), [id]);
  const { data, error, reload } = useLoader<EventSheet | null>(load, null);
  const loadMaterials = useCallback(() => eventsApi.materials(id), [id]);
  const { data: materials, reload: reloadMaterials } = useLoader(loadMaterials, [] as Material[]);
  const [slot, setSlot] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [positions, setPositions] = useState<Position[]>(['manager']);
  const [upload, setUpload] = useState<number | null>(null);
  if (error) return <Alert type="error" showIcon title={error} role="alert" />;
  if (!data)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  const e = data.event;
  const current = slot ?? (e.halfDays[0] ? `${e.halfDays[0].day}/${e.halfDays[0].half}` : '');
  const [day, half] = current.split('/') as [string, 'morning' | 'afternoon'];
  const fail = (err: unknown) => message.error(errorMessage(err));
  const mark = (row: Row, status: AttendanceStatus, reason: string | null = null) =>
    eventsApi.mark(e.id, row.personId, { day, half, status, reason }).then(reload, fail);
  const count = (st: AttendanceStatus | null) => data.items.filter((r) => (r.marks[current]?.status ?? null) === st).length;

  return (
    <>
      <Link to="/hoi-nghi" className="back-link">
        <ArrowLeftOutlined /> Hội nghị, lớp tập huấn
      </Link>
      <PageHeader
        title={e.name}
        subtitle={`${e.kind === 'conference' ? 'Hội nghị' : 'Lớp tập huấn'} · ${e.unitName} · ${periodText(e.startsOn, e.endsOn)}${e.location ? ` · ${e.location}` : ''}`}
      />
      <Flex vertical gap={16}>
        {e.programme && (
          <Card title="Chương trình">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{e.programme}</Typography.Paragraph>
          </Card>
        )}
        <Card
          title={`Tài liệu (${materials.length})`}
          extra={
            e.canManage && (
              <Upload
                showUploadList={false}
                beforeUpload={(file) => {
                  setUpload(0);
                  eventsApi
                    .upload(e.id, file, setUpload)
                    .then(() => reloadMaterials(), fail)
                    .finally(() => setUpload(null));
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />}>Tải tài liệu lên</Button>
              </Upload>
            )
          }
        >
          {upload !== null && <Progress percent={upload} status="active" aria-label="Tiến độ tải tài liệu lên" />}
          {materials.length === 0 ? (
            <span className="muted">Chưa có tài liệu.</span>
          ) : (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {materials.map((m) => (
                <li key={m.id}>
                  <MaterialLink material={m} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        {e.canManage && (
          <Card title="Mời từ danh sách cán bộ">
            <Flex gap={8} wrap align="center">
              <div style={{ flex: '1 1 260px' }}>
                <UnitTreeSelect forest={forest} value={unitId} onChange={setUnitId} aria-label="Mời theo đơn vị" />
              </div>
              <Checkbox.Group
                value={positions}
                onChange={(v) => setPositions(v as Position[])}
                options={Object.entries(POSITION_LABELS).map(([value, label]) => ({ value, label }))}
              />
              <Button
                type="primary"
                icon={<UserAddOutlined />}
                disabled={!unitId}
                onClick={() =>
                  unitId
                  && eventsApi.invite(e.id, { unitId, positions }).then((r) => {
                    message.success(`Đã mời thêm ${formatCount(r.added)} người (tổng ${formatCount(r.total)}).`);
                    void reload();
                  }, fail)
                }
              >
                Thêm vào danh sách mời
              </Button>
            </Flex>
          </Card>
        )}
        <Card
          title={`Điểm danh (${formatCount(data.items.length)} người mời)`}
          extra={
            <Button icon={<DownloadOutlined />} onClick={() => eventsApi.absenteesXlsx(e.id).catch(fail)}>
              Danh sách vắng gửi đơn vị
            </Button>
          }
        >
          <Flex vertical gap={12}>
            <Segmented
              value={current}
              onChange={(v) => setSlot(v as string)}
              aria-label="Buổi"
              options={e.halfDays.map((h) => ({ value: `${h.day}/${h.half}`, label: `${HALF_LABELS[h.half]} ${viDay(h.day)}` }))}
            />
            <span className="muted">
              Có mặt {count('present')} · Muộn {count('late')} · Vắng {count('absent')} · Chưa điểm danh {count(null)}
            </span>
            <Table<Row>
              rowKey="personId"
              size="small"
              dataSource={data.items}
              pagination={{ pageSize: 50, showSizeChanger: false }}
              scroll={{ x: 700 }}
              columns={[
                { title: 'Họ và tên', dataIndex: 'fullName', width: 200 },
                { title: 'Đơn vị', dataIndex: 'unitName' },
                {
                  title: 'Điểm danh',
                  key: 'mark',
                  width: 260,
                  render: (_v, r) => (
                    <Segmented<AttendanceStatus | ''>
                      size="small"
                      value={r.marks[current]?.status ?? ''}
                      options={OPTIONS}
                      disabled={!e.canManage}
                      onChange={(v) => v && void mark(r, v)}
                      aria-label={`Điểm danh ${r.fullName}`}
                    />
                  ),
                },
                {
                  title: 'Lý do',
                  key: 'reason',
                  width: 180,
                  render: (_v, r) =>
                    r.marks[current]?.status === 'absent' ? (
                      <Select
                        size="small"
                        style={{ width: '100%' }}
                        value={r.marks[current]?.reason ?? undefined}
                        placeholder="Lý do"
                        disabled={!e.canManage}
                        options={ABSENCE_REASONS.map((x) => ({ value: x, label: x }))}
                        onChange={(x) => void mark(r, 'absent', x)}
                      />
                    ) : null,
                },
              ]}
            />
          </Flex>
        </Card>
      </Flex>
    </>
  );
}
