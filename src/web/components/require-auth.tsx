import { Suspense, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Result } from 'antd';
import { homePath, useMe } from '../hooks/useMe.ts';
import { hasCapability, type Capability } from '../lib/permissions.ts';
import { AppShell } from './app-shell.tsx';
import { PageLoading } from './page-loading.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';

const CHANGE_PASSWORD_PATH = '/doi-mat-khau';

/** Signed-in pages: sends others to the login page, and a first-login account to the password change. */
export function RequireAuth() {
  const { me, loading } = useMe();
  const location = useLocation();
  if (loading) return <PageLoading />;
  if (!me) {
    const from = location.pathname === '/' ? undefined : `${location.pathname}${location.search}`;
    return <Navigate to="/dang-nhap" replace state={from ? { from } : undefined} />;
  }
  if (me.mustChangePassword) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return (
    <AppShell>
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </AppShell>
  );
}

export function HomeRedirect() {
  const { me } = useMe();
  return me ? <Navigate to={homePath(me)} replace /> : null;
}

export function RequireCapability({ capability, children }: { capability: Capability; children: ReactNode }) {
  const { me } = useMe();
  if (!me) return null;
  if (!hasCapability(me.grants, capability)) return <NoAccess />;
  return <>{children}</>;
}

function NoAccess() {
  usePageTitle('Không có quyền truy cập');
  const { me } = useMe();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="Không có quyền truy cập"
      subTitle="Tài khoản của bạn không được giao quyền xem trang này."
      extra={
        me ? (
          <Button type="primary" onClick={() => navigate(homePath(me))}>
            Về trang chính
          </Button>
        ) : null
      }
    />
  );
}

export function NoRole() {
  usePageTitle('Chưa được giao vai trò');
  return (
    <Result
      status="info"
      title="Tài khoản chưa được giao vai trò"
      subTitle="Liên hệ người phụ trách đơn vị hoặc ban tổ chức để được cấp quyền sử dụng."
    />
  );
}
