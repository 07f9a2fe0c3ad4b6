import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';

export interface Loaded<T> {
  data: T;
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
}

/** Loads once on mount and on reload(), keeping the last data and a Vietnamese error message. */
export function useLoader<T>(load: () => Promise<T>, initial: T): Loaded<T> {
  const [data, setData] = useState<T>(initial);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await load());
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, loading, error, reload };
}
