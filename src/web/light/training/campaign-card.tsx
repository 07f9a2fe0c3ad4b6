import type { AttendanceStatus } from '../../api/training.ts';
import { periodText, statusLabel, viDayLong } from '../../lib/training-format.ts';
import { CheckinForm } from './checkin-form.tsx';
import { MaterialLink } from './material-link.tsx';
import { WHEN_LABELS, attendanceOf, byDay, sessionTimeline, type MyCampaign, type MySession, type SessionWhen } from './schedule.ts';

const MARK_TONES: Record<AttendanceStatus, string> = { present: 'ok', late: 'warn', absent: 'bad' };

/** The person's own mark; "not marked" only once the session has started. */
function Mark({ status, when }: { status: AttendanceStatus | null; when: SessionWhen }) {
  if (!status && when !== 'past' && when !== 'now') return null;
  return (
    <span className={`sc-mark sc-mark--${status ? MARK_TONES[status] : 'none'}`}>
      <span className="visually-hidden">Điểm danh: </span>
      {statusLabel(status)}
    </span>
  );
}

function SessionRow({ session, when, onCheckedIn }: { session: MySession; when: SessionWhen; onCheckedIn: () => void }) {
  const label = WHEN_LABELS[when];
  return (
    <li className={`sc-session sc-session--${when}`} aria-current={when === 'now' ? 'time' : when === 'today' ? 'date' : undefined}>
      <div className="sc-session__head">
        <span className="sc-session__time">
          {session.startsAt}–{session.endsAt}
        </span>
        {label && <span className="lt-badge sc-when">{label}</span>}
        <Mark status={session.myStatus} when={when} />
      </div>
      {session.topicName && <div className="sc-session__topic">{session.topicName}</div>}
      {(session.lecturerName || session.note) && (
        <div className="sc-session__meta">
          {[session.lecturerName && `Báo cáo viên: ${session.lecturerName}`, session.note].filter(Boolean).join(' · ')}
        </div>
      )}
      {session.checkinOpen && <CheckinForm session={session} onCheckedIn={onCheckedIn} />}
    </li>
  );
}

/** One campaign: the person's site, the sessions day by day with their own marks, the materials. */
export function CampaignCard({
  campaign,
  now,
  ended,
  onCheckedIn,
}: {
  campaign: MyCampaign;
  now: number;
  ended: boolean;
  onCheckedIn: () => void;
}) {
  const { site } = campaign;
  const timeline = sessionTimeline(campaign.sessions, now);
  const { held, attended } = attendanceOf(timeline);
  const titleId = `dot-${campaign.id}`;
  return (
    <article className="lt-card sc-campaign" aria-labelledby={titleId}>
      <h2 id={titleId}>{campaign.name}</h2>
      <div className="lt-facts">
        <span>{periodText(campaign.startsOn, campaign.endsOn)}</span>
        {ended && <span className="lt-badge">Đã kết thúc</span>}
      </div>

      <section className="sc-site" aria-label="Điểm cầu của bạn">
        <div className="sc-label">Điểm cầu của bạn</div>
        <div className="sc-site__name">{site.name}</div>
        {site.address && <div>Địa chỉ: {site.address}</div>}
        {site.onlineUrl && (
          <div className="sc-site__online">
            <a className="lt-btn lt-btn--small" href={site.onlineUrl} target="_blank" rel="noopener noreferrer">
              Vào lớp trực tuyến
            </a>
            <span className="sc-url">{site.onlineUrl}</span>
          </div>
        )}
      </section>

      <section className="sc-section" aria-labelledby={`${titleId}-lich`}>
        <h3 id={`${titleId}-lich`}>
          Lịch học <span className="sc-count">({timeline.length} buổi)</span>
        </h3>
        {held > 0 && (
          <p className="sc-summary">
            Bạn đã tham dự{' '}
            <strong>
              {attended}/{held}
            </strong>{' '}
            buổi đã học.
          </p>
        )}
        {timeline.length === 0 && <p className="lt-muted">Điểm cầu chưa có lịch học.</p>}
        {byDay(timeline).map((day) => (
          <div
            key={day.date}
            className={`sc-day${day.rows.every((r) => r.when === 'past') ? ' sc-day--past' : ''}`}
            role="group"
            aria-labelledby={`${titleId}-${day.date}`}
          >
            <h4 id={`${titleId}-${day.date}`} className="sc-day__date">
              {viDayLong(day.date)}
            </h4>
            <ol className="sc-sessions">
              {day.rows.map(({ session, when }) => (
                <SessionRow key={session.id} session={session} when={when} onCheckedIn={onCheckedIn} />
              ))}
            </ol>
          </div>
        ))}
      </section>

      <section className="sc-section" aria-labelledby={`${titleId}-tl`}>
        <h3 id={`${titleId}-tl`}>
          Tài liệu <span className="sc-count">({campaign.materials.length})</span>
        </h3>
        {campaign.materials.length === 0 ? (
          <p className="lt-muted">Chưa có tài liệu.</p>
        ) : (
          <ul className="sc-materials">
            {campaign.materials.map((m) => (
              <li key={m.id}>
                <MaterialLink material={m} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
