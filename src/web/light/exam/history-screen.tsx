import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formatDateTimeVi } from '../../../domain/datetime.ts';
import { api, errorMessage } from '../../api/client.ts';
import type { HistoryRow } from '../../api/results.ts';
import { PageLoading } from '../../components/page-loading.tsx';
import { usePageTitle } from '../../hooks/usePageTitle.ts';
import { ErrorAlert } from '../light-layout.tsx';
import { formatScore } from './format.ts';

/** Every survey the participant took, year after year, with what each one's review policy lets them see. */
export default function HistoryScreen() {
  usePageTitle('Kết quả các năm');
  const [rows, setRows] = useState<HistoryRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<{ items: HistoryRow[] }>('/api/my/history').then(
      (r) => setRows(r.items),
      (e) => setError(errorMessage(e)),
    );
  }, []);
  if (!rows && !error) return <PageLoading />;
  const years = [...new Set((rows ?? []).map((r) => r.year))];
  return (
    <>
      <p>
        <Link to="/thi">← Bài khảo sát của tôi</Link>
      </p>
      <h1 style={{ fontSize: 22, margin: '4px 0 14px' }}>Kết quả các năm</h1>
      <ErrorAlert message={error} />
      {rows?.length === 0 && <div className="lt-card lt-muted">Bạn chưa làm bài khảo sát nào.</div>}
      {years.map((year) => (
        <section key={year} className="lt-card" aria-label={`Năm ${year}`}>
          <h2>Năm {year}</h2>
          {rows!
            .filter((r) => r.year === year)
            .map((r) => (
              <div key={r.attemptId} className="hs-row">
                <div>
                  <Link to={`/thi/ket-qua/${r.attemptId}`}>{r.title}</Link>
                  <div className="lt-small lt-muted">
                    {r.organiser} · {formatDateTimeVi(r.submittedAt)}
                  </div>
                </div>
                <div className="hs-score">
                  {r.status === 'voided' ? (
                    'Đã hủy'
                  ) : r.score !== null ? (
                    <>
                      <strong>{formatScore(r.score)}</strong> {r.band}
                    </>
                  ) : (
                    'Chưa công bố'
                  )}
                </div>
              </div>
            ))}
        </section>
      ))}
    </>
  );
}
