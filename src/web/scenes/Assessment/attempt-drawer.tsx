import { Alert, Descriptions, Drawer, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { OPTION_LETTERS } from '../../../domain/assessment/responses.ts';
import { errorMessage } from '../../api/client.ts';
import { resultsApi, type AttemptDetail } from '../../api/results.ts';
import { RichText } from '../../components/rich-text.tsx';
import { useIsPhone } from '../../hooks/useIsPhone.ts';
import { formatDateTimeVi } from '../../lib/format.ts';
import { formatDuration } from './format.ts';

const EVENT_LABELS: Record<string, string> = {
  start: 'Bắt đầu làm bài',
  submit: 'Nộp bài',
  extend: 'Gia hạn',
  reopen: 'Mở lại bài',
  void: 'Hủy bài',
  second_client: 'Mở bài ở nơi khác',
  ip_change: 'Đổi địa chỉ mạng',
};
const SUBMIT_KINDS: Record<string, string> = {
  participant: 'người làm bài nộp',
  deadline: 'tự nộp khi hết giờ',
  server: 'máy chủ đóng bài quá hạn',
};

function eventText(e: AttemptDetail['events'][number]): string {
  const d = e.detail ?? {};
  const parts = [EVENT_LABELS[e.kind] ?? e.kind];
  if (e.kind === 'submit' && typeof d.kind === 'string') parts.push(`(${SUBMIT_KINDS[d.kind] ?? d.kind})`);
  if (typeof d.minutes === 'number') parts.push(`${d.minutes} phút`);
  if (e.kind === 'start' && typeof d.extraMinutes === 'number') parts.push(`(cộng thêm ${d.extraMinutes} phút)`);
  if (typeof d.reason === 'string' && d.reason) parts.push(`— ${d.reason}`);
  if (e.kind === 'ip_change') parts.push(`${String(d.from ?? '')} → ${String(d.to ?? '')}`);
  if (e.actor) parts.push(`· ${e.actor}`);
  return parts.join(' ');
}

function AnswerTag({ choice, correct, review }: { choice: number | null; correct: number | null; review: AttemptDetail['review'] }) {
  if (!review.answers) return null;
  if (choice === null) return <Tag>Không trả lời</Tag>;
  if (correct === null) return null;
  return choice === correct ? <Tag color="success">Đúng</Tag> : <Tag color="error">Sai</Tag>;
}

/** One attempt as staff see it: each answer against the key, time used, signals and what happened to it. */
export function AttemptDrawer({ attemptId, onClose }: { attemptId: number | null; onClose: () => void }) {
  const isPhone = useIsPhone();
  const [detail, setDetail] = useState<AttemptDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDetail(null);
    setError(null);
    if (attemptId !== null) resultsApi.attempt(attemptId).then(setDetail, (e) => setError(errorMessage(e)));
  }, [attemptId]);
  return (
    <Drawer
      open={attemptId !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 720}
      title={detail ? `${detail.person.fullName} — mã đề ${detail.variantCode}` : 'Bài làm'}
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!detail && !error && <Skeleton active paragraph={{ rows: 8 }} />}
      {detail && (
        // Nothing in the answers takes focus: the region does, so the keyboard can scroll the drawer.
        <section tabIndex={0} aria-label={`Bài làm của ${detail.person.fullName}`} className="attempt-detail">
          {detail.status === 'voided' && (
            <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`Bài đã bị hủy: ${detail.voidReason ?? ''}`} />
          )}
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="Đơn vị">{detail.person.unitName}</Descriptions.Item>
            <Descriptions.Item label="Điểm">
              {detail.score === null ? '—' : `${detail.score.toLocaleString('vi-VN')} (${detail.band})`}
            </Descriptions.Item>
            <Descriptions.Item label="Số câu đúng">
              {detail.correct ?? '—'}/{detail.questionCount} (trả lời {detail.answered ?? 0})
            </Descriptions.Item>
            <Descriptions.Item label="Thời gian làm">{formatDuration(detail.secondsUsed)}</Descriptions.Item>
            <Descriptions.Item label="Bắt đầu">{formatDateTimeVi(detail.startedAt)}</Descriptions.Item>
            <Descriptions.Item label="Nộp">
              {detail.submittedAt ? `${formatDateTimeVi(detail.submittedAt)} (${SUBMIT_KINDS[detail.submitKind ?? ''] ?? ''})` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="Dấu hiệu" span={2}>
              Rời trang {detail.signals.hiddenCount} lần ({Math.round(detail.signals.hiddenMs / 1000)} giây) · mở ở nơi khác{' '}
              {detail.signals.secondClient} lần · đổi địa chỉ mạng {detail.signals.ipChanges} lần
              {detail.signals.lastIp ? ` (gần nhất ${detail.signals.lastIp})` : ''}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>Diễn biến</Typography.Title>
          <Timeline
            items={detail.events.map((e) => ({
              content: (
                <>
                  <span className="muted">{formatDateTimeVi(e.at)}</span> {eventText(e)}
                </>
              ),
            }))}
          />
          <Typography.Title level={5}>Các câu trả lời</Typography.Title>
          {detail.review.note && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={detail.review.note} />}
          {detail.questions.map((q) => (
            <div key={q.position} className="attempt-question">
              <div className="attempt-question__head">
                <strong>Câu {q.position + 1}</strong>
                <AnswerTag choice={q.choice} correct={q.correct} review={detail.review} />
                {q.flagged && <Tag color="warning">Đánh dấu xem lại</Tag>}
              </div>
              <RichText blocks={q.stemRich} text={q.stem} />
              <ol className="attempt-question__options">
                {q.options.map((text, d) => (
                  <li key={d} className={d === q.correct ? 'is-key' : d === q.choice ? 'is-wrong' : undefined}>
                    <strong>{OPTION_LETTERS[d]}.</strong> {text}
                    {d === q.choice && <em className="muted"> — đã chọn</em>}
                    {d === q.correct && <em> — đáp án</em>}
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </section>
      )}
    </Drawer>
  );
}
