import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { PageLoading } from './components/page-loading.tsx';

// Everything for staff (antd, dayjs, the scenes) sits behind this lazy import; the participant's exam page of a
// later issue gets its own route here and stays small.
const StaffApp = lazy(() => import('./staff-app.tsx'));

export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/*" element={<StaffApp />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
