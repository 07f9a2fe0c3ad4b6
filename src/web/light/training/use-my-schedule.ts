import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import type { MyTraining } from '../../api/training.ts';
import { ServerClock } from '../exam/server-clock.ts';
import { scheduleApi } from './api.ts';

/** How often "now" moves on the page (a session starting, ending), and how old a reply may be when the page is shown again. */
const TICK_MS = 30_000;
const STALE_MS = 60_000;

export interface MySchedule {
  data: MyTraining | null;
  error: string | null;
  loading: boolean;
  /** The server's time now (ms), carried forward from the last reply. */
  now: number;
  reload: () => Promise<void>;
}

/**
 * The person's training, loaded on mount, again when the page is shown after a while (a phone taken out at the site
 * sees the check-in open) and on reload(); the last data stays on screen while a reload runs or fails.
 */
export function useMySchedule(): MySchedule {
  const clock = useRef(new ServerClock());
  const loadedAt = useRef(0);
  const [data, setData] = useState<MyTraining | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [now, setNow] = useState(0);

  const reload = useCallback(async () => {
    setLoading(true);
    const sentAt = clock.current.mark();
    try {
      const reply = await scheduleApi.mine();
      clock.current.sync(reply.serverNow, sentAt);
      loadedAt.current = performance.now();
      setNow(clock.current.now());
      setData(reply);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
    const tick = setInterval(() => {
      if (loadedAt.current) setNow(clock.current.now());
    }, TICK_MS);
    const onShow = () => {
      if (document.visibilityState === 'visible' && performance.now() - loadedAt.current > STALE_MS) void reload();
    };
    document.addEventListener('visibilitychange', onShow);
    window.addEventListener('online', onShow);
    return () => {
      clearInterval(tick);
      document.removeEventListener('visibilitychange', onShow);
      window.removeEventListener('online', onShow);
    };
  }, [reload]);

  return { data, error, loading, now, reload };
}
