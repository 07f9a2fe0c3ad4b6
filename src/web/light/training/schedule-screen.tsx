import { Link } from 'react-router';
import type { MyTraining } from '../../api/training.ts';
import { PageLoading } from '../../components/page-loading.tsx';
import { usePageTitle } from '../../hooks/usePageTitle.ts';
import { viDayLong } from '../../lib/training-format.ts';
import { ErrorAlert } from '../light-layout.tsx';
import { CampaignCard } from './campaign-card.tsx';
import { splitCampaigns } from './schedule.ts';
import { useMySchedule } from './use-my-schedule.ts';

/** Sessions the person teaches (campaign sessions, classes' half-days), when there are any. */
function Lecturing({ items }: { items: MyTraining['lecturing'] }) {
  if (items.length === 0) return null;
  return (
    <section className="lt-card" aria-labelledby="lich-giang">
      <h2 id="lich-giang">Lịch giảng của tôi</h2>
      <ul className="sc-plain">
        {items.map((s) => (
          <li key={`${s.campaignId ?? 'lop'}-${s.sessionId}`}>
            <strong>
              {viDayLong(s.date)}, {s.startsAt}–{s.endsAt}
            </strong>
            <div className="sc-session__meta">{[s.topicName, s.campaignName, s.siteName, s.address].filter(Boolean).join(' · ')}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * "Lịch học, tài liệu": the person's campaigns first and foremost — their site, the sessions (today's and the next
 * highlighted, past ones dimmed) with their own marks, the materials, and self check-in while a session's is open.
 */
export default function ScheduleScreen() {
  usePageTitle('Lịch học, tài liệu');
  const { data, error, loading, now, reload } = useMySchedule();

  if (!data && !error) return <PageLoading label="Đang tải lịch học…" />;
  const heading = <h1 className="sc-title">Lịch học, tài liệu</h1>;
  if (!data) {
    return (
      <>
        {heading}
        <ErrorAlert message={`Không tải được lịch học. ${error}`} />
        <button type="button" className="lt-btn" onClick={() => void reload()} disabled={loading}>
          {loading ? 'Đang tải lại…' : 'Thử lại'}
        </button>
      </>
    );
  }
  const { shown, earlier, ended } = splitCampaigns(data.campaigns, now);
  const checkedIn = () => void reload();
  return (
    <>
      {heading}
      {error && (
        <div className="lt-alert lt-alert--warn" role="alert">
          Không tải lại được lịch học: {error} Lịch dưới đây là lần tải trước.
        </div>
      )}
      {data.campaigns.length === 0 && (
        <div className="lt-card sc-empty">
          <h2>Chưa có lịch bồi dưỡng nào</h2>
          <p className="lt-muted">Khi ban tổ chức xếp bạn vào một điểm cầu, lịch học, nơi học và tài liệu sẽ hiện ở đây.</p>
        </div>
      )}
      {shown.map((c) => (
        <CampaignCard key={c.id} campaign={c} now={now} ended={ended.has(c.id)} onCheckedIn={checkedIn} />
      ))}
      {earlier.length > 0 && (
        <details className="sc-earlier">
          <summary>Các đợt bồi dưỡng trước ({earlier.length})</summary>
          {earlier.map((c) => (
            <CampaignCard key={c.id} campaign={c} now={now} ended onCheckedIn={checkedIn} />
          ))}
        </details>
      )}
      <Lecturing items={data.lecturing} />
      {data.proctoring.length > 0 && (
        <p className="lt-card lt-small">
          Bạn giám sát {data.proctoring.map((p) => p.siteName).join(', ')}. <Link to="/diem-danh">Mở trang điểm danh</Link>
        </p>
      )}
    </>
  );
}
