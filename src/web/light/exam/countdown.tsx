import { useEffect, useState } from 'react';

function format(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Time left by the server's clock (carried by the monotonic clock); submitting at the end is the session's. */
export function Countdown({ deadline, serverNow }: { deadline: number; serverNow: () => number }) {
  const [left, setLeft] = useState(() => deadline - serverNow());
  useEffect(() => {
    const tick = () => setLeft(deadline - serverNow());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [deadline, serverNow]);
  const low = left < 5 * 60_000;
  return (
    <span className={`ex-clock${low ? ' ex-clock--low' : ''}`} role="timer" aria-label={`Thời gian còn lại ${format(left)}`}>
      {format(left)}
    </span>
  );
}
