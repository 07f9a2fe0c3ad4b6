import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useMe } from '../../hooks/useMe.ts';
import { missingCredential } from '../credentials.ts';
import { examApi } from './api.ts';

/**
 * Signing in again without leaving the exam: the answers stay on this page (and on the device) and are sent as soon
 * as the attempt's owner is signed in.
 */
export function SignInAgain({ onSignedIn }: { onSignedIn: () => void }) {
  const { refresh } = useMe();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = missingCredential(username, password);
    if (missing) {
      setError(missing);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await examApi.login(username.trim(), password);
      setPassword('');
      await refresh().catch(() => null);
      onSignedIn();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="ex-signin" onSubmit={submit} noValidate aria-label="Đăng nhập lại">
      {error && (
        <div className="lt-alert lt-alert--error" role="alert">
          {error}
        </div>
      )}
      <div className="ex-signin__row">
        <input
          className="lt-input"
          name="username"
          aria-label="Tên đăng nhập"
          placeholder="Tên đăng nhập"
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          disabled={busy}
        />
        <input
          className="lt-input"
          type="password"
          name="password"
          aria-label="Mật khẩu"
          placeholder="Mật khẩu"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          disabled={busy}
        />
        <button type="submit" className="lt-btn lt-btn--primary" disabled={busy}>
          {busy ? 'Đang đăng nhập…' : 'Đăng nhập lại'}
        </button>
      </div>
    </form>
  );
}
