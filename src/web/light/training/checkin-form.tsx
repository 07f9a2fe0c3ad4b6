import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import type { CheckinReply } from '../../api/training.ts';
import { statusLabel } from '../../lib/training-format.ts';
import { ErrorAlert } from '../light-layout.tsx';
import { scheduleApi } from './api.ts';
import type { MySession } from './schedule.ts';

/**
 * Self check-in for a session whose check-in is open (the site shows its code): the same route as the page the site's QR
 * code opens. Hidden once the person is marked present or late; an "absent" can be corrected by checking in.
 */
export function CheckinForm({ session, onCheckedIn }: { session: MySession; onCheckedIn: () => void }) {
  const id = useId();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<CheckinReply | null>(null);

  if (done) {
    return (
      <div className="lt-alert lt-alert--ok sc-checkin" role="status">
        {done.already ? `Bạn đã được điểm danh: ${statusLabel(done.status)}.` : `Đã điểm danh: ${statusLabel(done.status)}.`}
      </div>
    );
  }
  if (session.myStatus === 'present' || session.myStatus === 'late') return null;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setDone(await scheduleApi.checkin(code));
      onCheckedIn();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="sc-checkin" onSubmit={(e) => void handleSubmit(e)} noValidate>
      <label htmlFor={id} className="sc-checkin__label">
        Tự điểm danh: nhập mã 6 ký tự đang hiện ở điểm cầu
      </label>
      <ErrorAlert message={error} />
      <div className="sc-checkin__row">
        <input
          id={id}
          className="lt-input sc-checkin__input"
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          maxLength={10}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="VD: 7KQ2MX"
          disabled={busy}
        />
        <button type="submit" className="lt-btn lt-btn--primary" disabled={busy || code.trim().length < 6}>
          {busy ? 'Đang gửi…' : 'Điểm danh'}
        </button>
      </div>
    </form>
  );
}
