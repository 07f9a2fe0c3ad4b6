import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { authApi } from '../api/auth.ts';
import { errorMessage } from '../api/client.ts';
import { PageLoading } from '../components/page-loading.tsx';
import { homePath, useMe } from '../hooks/useMe.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { CenteredLayout, ErrorAlert } from './light-layout.tsx';

const RULE = 'Mật khẩu mới dài ít nhất 8 ký tự, có cả chữ và số.';

export function newPasswordProblem(value: string): string | null {
  if (!value) return 'Nhập mật khẩu mới.';
  if (value.length < 8) return 'Mật khẩu mới phải dài ít nhất 8 ký tự.';
  if (!/\p{L}/u.test(value) || !/\d/.test(value)) return 'Mật khẩu mới phải có cả chữ và số.';
  return null;
}

/** Required at the first login (the printed slip's password), and available to everyone from their menu. */
export default function ChangePasswordScreen() {
  usePageTitle('Đổi mật khẩu');
  const { me, loading, refresh } = useMe();
  const navigate = useNavigate();
  const [values, setValues] = useState({ current: '', next: '', repeat: '' });
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (loading) return <PageLoading />;
  if (!me) return <Navigate to="/dang-nhap" replace />;
  const forced = me.mustChangePassword;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = !values.current
      ? 'Nhập mật khẩu hiện tại.'
      : (newPasswordProblem(values.next) ?? (values.next !== values.repeat ? 'Hai lần nhập mật khẩu mới không khớp.' : null));
    if (problem) {
      setError(problem);
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await authApi.changePassword(values.current, values.next);
      const next = await refresh();
      navigate(next ? homePath(next) : '/', { replace: true, state: { notice: 'Đã đổi mật khẩu.' } });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };

  const field = (key: keyof typeof values, label: string, autoComplete: string, hint?: string) => (
    <label className="lt-field">
      <span>{label}</span>
      <input
        className="lt-input"
        type="password"
        autoComplete={autoComplete}
        value={values[key]}
        disabled={submitting}
        onChange={(e) => setValues({ ...values, [key]: e.target.value })}
      />
      {hint && <small>{hint}</small>}
    </label>
  );

  return (
    <CenteredLayout>
      <form className="lt-card" onSubmit={handleSubmit} noValidate>
        <h2>Đổi mật khẩu</h2>
        {forced && (
          <div className="lt-alert lt-alert--info">
            <strong>Đây là lần đăng nhập đầu tiên.</strong> Hãy đặt mật khẩu của riêng bạn thay cho mật khẩu in trên phiếu đăng nhập.
          </div>
        )}
        <ErrorAlert message={error} />
        {field('current', 'Mật khẩu hiện tại', 'current-password')}
        {field('next', 'Mật khẩu mới', 'new-password', RULE)}
        {field('repeat', 'Nhập lại mật khẩu mới', 'new-password')}
        <button className="lt-btn lt-btn--primary lt-btn--block" type="submit" disabled={submitting}>
          {submitting ? 'Đang lưu…' : 'Đổi mật khẩu'}
        </button>
      </form>
      {!forced && (
        <p style={{ textAlign: 'center' }}>
          <Link to={homePath(me)}>← Quay lại</Link>
        </p>
      )}
    </CenteredLayout>
  );
}
