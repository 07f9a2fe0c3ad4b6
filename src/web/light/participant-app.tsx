import { lazy, Suspense, useEffect } from 'react';
import { Link, NavLink, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { PageLoading } from '../components/page-loading.tsx';
import { useMe } from '../hooks/useMe.ts';
import { isStaff } from '../lib/permissions.ts';
import { TopBarLayout } from './light-layout.tsx';
import { OfflineNotice, registerParticipantWorker, useNoSession } from './offline.tsx';

const MyAssessmentsScreen = lazy(() => import('./exam/my-assessments-screen.tsx'));
const ExamScreen = lazy(() => import('./exam/exam-screen.tsx'));
const ResultScreen = lazy(() => import('./exam/result-screen.tsx'));
const HistoryScreen = lazy(() => import('./exam/history-screen.tsx'));
const ScheduleScreen = lazy(() => import('./training/schedule-screen.tsx'));

function SignOut() {
  const { signOut } = useMe();
  const navigate = useNavigate();
  return (
    <button type="button" className="lt-btn lt-btn--small" onClick={() => void signOut().then(() => navigate('/dang-nhap'))}>
      Đăng xuất
    </button>
  );
}

/** The participant's two everyday pages. */
function ParticipantTabs() {
  return (
    <nav className="lt-tabs" aria-label="Trang của học viên">
      <NavLink to="/thi" end>
        Bài khảo sát
      </NavLink>
      <NavLink to="/thi/lich-hoc">Lịch học, tài liệu</NavLink>
    </nav>
  );
}

/** Who is signed in and the account links, under the page. */
function AccountFooter() {
  const { me } = useMe();
  if (!me) return null;
  return (
    <footer className="lt-foot">
      <span>{me.displayName}</span>
      <Link to="/thi/lich-su">Kết quả các năm</Link>
      <Link to="/thi/lich-hoc">Lịch học, tài liệu</Link>
      <Link to="/doi-mat-khau">Đổi mật khẩu</Link>
      {isStaff(me.grants) && <Link to="/">Trang quản lý</Link>}
    </footer>
  );
}

/**
 * The participant's own pages (no component library): my assessments, the exam, the result, the schedule and materials
 * ("Lịch học, tài liệu", also the entry of staff who take part in a campaign). Without network (the page
 * came from the service worker's cache) the exam opens from this device's copy and the other pages say there is no
 * network, listing the exams kept here; the exam stays mounted when the network returns.
 */
export default function ParticipantApp() {
  const { me } = useMe();
  const noSession = useNoSession();
  const location = useLocation();
  useEffect(registerParticipantWorker, []);
  if (noSession === 'checking') return <PageLoading />;
  const offline = noSession === 'offline';
  if (!me && !offline) return <Navigate to="/dang-nhap" replace state={{ from: `${location.pathname}${location.search}` }} />;
  if (me?.mustChangePassword) return <Navigate to="/doi-mat-khau" replace />;
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="bai-lam/:attemptId" element={<ExamScreen />} />
        <Route
          path="*"
          element={
            offline ? (
              <TopBarLayout>
                <OfflineNotice />
              </TopBarLayout>
            ) : (
              <TopBarLayout right={<SignOut />}>
                <ParticipantTabs />
                <Suspense fallback={<PageLoading />}>
                  <Routes>
                    <Route index element={<MyAssessmentsScreen />} />
                    <Route path="lich-hoc" element={<ScheduleScreen />} />
                    <Route path="ket-qua/:attemptId" element={<ResultScreen />} />
                    <Route path="lich-su" element={<HistoryScreen />} />
                    <Route path="*" element={<Navigate to="/thi" replace />} />
                  </Routes>
                </Suspense>
                <AccountFooter />
              </TopBarLayout>
            )
          }
        />
      </Routes>
    </Suspense>
  );
}
