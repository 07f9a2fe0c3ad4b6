import { ArrowLeftOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Modal, Segmented, Select, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ABSENCE_REASONS, type AttendanceStatus } from '../../../domain/training/attendance.ts';
import { errorMessage } from '../../api/client.ts';
import { trainingApi, type CheckinDisplay, type MarkingList } from '../../api/training.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { formatCount } from '../../lib/format.ts';
import { STATUS_COLORS, statusLabel, viDay } from '../../lib/training-format.ts';

type Item = MarkingList['items'][number];
const OPTIONS: { value: AttendanceStatus; label: string }[] = [
  { value: 'present', label: 'Có mặt' },
  { value: 'late', label: 'Muộn' },
  { value: 'absent', label: 'Vắng' },
];

/** The proctor's phone list: one row per participant, three big choices, a reason for absences. */
export default function AttendanceScene() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const load = useCallback(() => trainingApi.markingList(id), [id]);
  const { data, error, reload } = useLoader<MarkingList | null>(load, null);
  const [items, setItems] = useState<Item[] | null>(null);
  const [display, setDisplay] = useState<CheckinDisplay | null>(null);
  const list = items ?? data?.items ?? [];
  if (data && items === null && data.items.length) setItems(data.items);

  const save = async (item: Item, status: AttendanceStatus, reason: string | null = item.reason) => {
    const next = { ...item, status, reason: status === 'absent' ? reason : null, via: 'proctor' as const };
    setItems(list.map((i) => (i.personId === item.personId ? next : i)));
    try {
      await trainingApi.mark(id, item.personId, { status, reason: next.reason });
    } catch (err) {
      message.error(`${item.fullName}: ${errorMessage(err)}`);
      setItems(list);
    }
  };
  const markRest = async () => {
    try {
      const { marked } = await trainingApi.markRest(id, 'present');
      message.success(`Đã đánh dấu có mặt ${formatCount(marked)} người còn lại.`);
      setItems(null);
      await reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  if (error) return <Alert type="error" showIcon title={error} role="alert" />;
  if (!data)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  const s = data.session;
  const count = (st: AttendanceStatus | null) => list.filter((i) => i.status === st).length;
  return (
    <div className="marking">
      <Link to="/diem-danh" className="back-link">
        <ArrowLeftOutlined /> Điểm danh
      </Link>
      <PageHeader
        title={`Điểm danh: ${s.siteName}`}
        subtitle={`${viDay(s.date)}, ${s.startsAt}–${s.endsAt}${s.topicName ? ` · ${s.topicName}` : ''}`}
      />
      <Flex gap={6} wrap className="marking__counts" aria-live="polite">
        <Tag color="green">Có mặt {count('present')}</Tag>
        <Tag color="gold">Muộn {count('late')}</Tag>
        <Tag color="red">Vắng {count('absent')}</Tag>
        <Tag>Chưa điểm danh {count(null)}</Tag>
      </Flex>
      {data.canMark && (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Button
            icon={<QrcodeOutlined />}
            onClick={() => trainingApi.checkinDisplay(id).then(setDisplay, (err) => message.error(errorMessage(err)))}
          >
            Hiện mã tự điểm danh
          </Button>
          <Button disabled={count(null) === 0} onClick={() => void markRest()}>
            Những người còn lại: có mặt
          </Button>
        </Flex>
      )}
      <ul className="marking__list" aria-label="Danh sách điểm danh">
        {list.map((item) => (
          <li key={item.personId} className={`marking__row marking__row--${item.status ?? 'none'}`}>
            <div className="marking__who">
              <Typography.Text strong>{item.fullName}</Typography.Text>
              <span className="muted marking__unit">
                {item.unitName}
                {item.via === 'self' ? ' · tự điểm danh' : ''}
              </span>
            </div>
            {data.canMark ? (
              <Segmented<AttendanceStatus | ''>
                block
                value={item.status ?? ''}
                options={OPTIONS}
                aria-label={`Điểm danh ${item.fullName}`}
                onChange={(v) => v && void save(item, v)}
              />
            ) : (
              <Tag color={item.status ? STATUS_COLORS[item.status] : undefined}>{statusLabel(item.status)}</Tag>
            )}
            {data.canMark && item.status === 'absent' && (
              <Select
                size="middle"
                value={item.reason ?? undefined}
                placeholder="Lý do vắng"
                aria-label={`Lý do vắng của ${item.fullName}`}
                options={ABSENCE_REASONS.map((r) => ({ value: r, label: r }))}
                onChange={(r) => void save(item, 'absent', r)}
              />
            )}
          </li>
        ))}
      </ul>
      {list.length === 0 && <Card>Điểm cầu chưa có học viên.</Card>}
      <Modal open={display !== null} onCancel={() => setDisplay(null)} footer={null} title="Mã tự điểm danh" centered width={440}>
        {display && (
          <div className="checkin-display">
            <div className="checkin-display__code" aria-label="Mã điểm danh">
              {display.code}
            </div>
            {/* The SVG comes from our own server's QR encoder. */}
            <div className="checkin-display__qr" dangerouslySetInnerHTML={{ __html: display.qrSvg }} />
            <Typography.Paragraph type="secondary">
              Học viên mở "Trang của tôi" → "Tự điểm danh" và nhập mã, hoặc quét mã QR. Dùng được từ 30 phút trước {display.startsAt} đến{' '}
              {display.endsAt}
              {display.state === 'closed' ? ' — buổi học đã kết thúc.' : display.state === 'not_yet' ? ' — chưa đến giờ.' : '.'}
            </Typography.Paragraph>
          </div>
        )}
      </Modal>
    </div>
  );
}
