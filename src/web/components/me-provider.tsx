import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { authApi, type Me } from '../api/auth.ts';
import { ApiError, onUnauthenticated } from '../api/client.ts';
import { MeContext, type MeState } from '../hooks/useMe.ts';

/** Loads the signed-in user once and drops it when any call reports the session has expired. */
export function MeProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const next = await authApi.me();
      setMe(next);
      return next;
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'unauthenticated' || error.code === 'account_disabled')) {
        setMe(null);
        return null;
      }
      throw error;
    } finally {
      setLoading(false);
    }
  }, []);

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setMe(null);
    }
  }, []);

  useEffect(() => {
    refresh().catch(() => setMe(null));
    onUnauthenticated(() => setMe(null));
    return () => onUnauthenticated(null);
  }, [refresh]);

  const value = useMemo<MeState>(() => ({ me, loading, refresh, signOut }), [me, loading, refresh, signOut]);
  return <MeContext.Provider value={value}>{children}</MeContext.Provider>;
}
