import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { authApi } from '../api/auth.ts';
import { errorMessage } from '../api/client.ts';
import { PageLoading } from '../components/page-loading.tsx';
import { homePath, useMe } from '../hooks/useMe.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { CenteredLayout, ErrorAlert } from './light-layout.tsx';
import { missingCredential } from './credentials.ts';

/** The one login page, light enough for a phone on a weak link: staff are sent on to their pages afterwards. */
export default function LoginScreen() {
  usePageTitle('Đăng nhập');
  const { me, loading, refresh } = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const edgeSite = useEdgeSite();

  if (loading) return <PageLoading />;
  if (me && !submitting) return <Navigate to={me.mustChangePassword ? '/doi-mat-khau' : (from ?? homePath(me))} replace />;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = missingCredential(username, password);
    if (missing) {
      setError(missing);
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const result = await authApi.login(username.trim(), password);
      const next = await refresh();
      if (result.mustChangePassword || next?.mustChangePassword) navigate('/doi-mat-khau', { replace: true });
      else navigate(from ?? (next ? homePath(next) : '/'), { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <CenteredLayout>
      <form className="lt-card" onSubmit={handleSubmit} noValidate>
        <h2>Đăng nhập</h2>
        {edgeSite && (
          <p className="lt-alert lt-alert--info" role="note">
            Máy chủ điểm cầu <strong>{edgeSite}</strong>: người dự thi nhập <strong>mã dự thi</strong> in trên phiếu giám sát phát vào ô Mật
            khẩu.
          </p>
        )}
        <ErrorAlert message={error} />
        <label className="lt-field">
          <span>Tên đăng nhập</span>
          <input
            className="lt-input"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            disabled={submitting}
            autoFocus
          />
          <small>Tên đăng nhập là mã định danh (hoặc số CCCD) in trên phiếu đăng nhập</small>
        </label>
        <label className="lt-field">
          <span>Mật khẩu</span>
          <input
            className="lt-input"
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            disabled={submitting}
          />
          {edgeSite && <small>Mã dự thi gồm 8 chữ và số, ví dụ K7MP3QXA</small>}
        </label>
        <button className="lt-btn lt-btn--primary lt-btn--block" type="submit" disabled={submitting}>
          {submitting ? 'Đang đăng nhập…' : 'Đăng nhập'}
        </button>
      </form>
      <p className="lt-muted" style={{ textAlign: 'center' }}>
        Quên mật khẩu? Liên hệ người phụ trách đơn vị để được cấp lại.
      </p>
    </CenteredLayout>
  );
}

/** The site's name when this server is a site's edge server (its login takes site exam codes), else null. */
function useEdgeSite(): string | null {
  const [site, setSite] = useState<string | null>(null);
  useEffect(() => {
    authApi.loginInfo().then(
      (info) => setSite(info.edgeSite),
      () => undefined, // offline or an older server: the page reads as on the province
    );
  }, []);
  return site;
}
