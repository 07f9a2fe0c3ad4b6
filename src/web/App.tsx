import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { MeProvider } from './components/me-provider.tsx';
import { PageLoading } from './components/page-loading.tsx';

// The staff pages (antd, dayjs, the scenes) sit behind a lazy import. Login, password change and everything a
// participant sees — the exam above all — are plain React + CSS, so a phone on a weak link never loads antd.
const StaffApp = lazy(() => import('./staff-app.tsx'));
const LoginScreen = lazy(() => import('./light/login-screen.tsx'));
const ChangePasswordScreen = lazy(() => import('./light/change-password-screen.tsx'));
const ParticipantApp = lazy(() => import('./light/participant-app.tsx'));

export function App() {
  return (
    <BrowserRouter>
      <MeProvider>
        <Suspense fallback={<PageLoading />}>
          <Routes>
            <Route path="/dang-nhap" element={<LoginScreen />} />
            <Route path="/doi-mat-khau" element={<ChangePasswordScreen />} />
            <Route path="/thi/*" element={<ParticipantApp />} />
            <Route path="/*" element={<StaffApp />} />
          </Routes>
        </Suspense>
      </MeProvider>
    </BrowserRouter>
  );
}
