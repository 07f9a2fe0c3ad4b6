import { createContext, useContext } from 'react';
import type { Me } from '../api/auth.ts';
import { hasCapability, type Capability } from '../lib/permissions.ts';

export interface MeState {
  /** null: not signed in (or the session expired). */
  me: Me | null;
  loading: boolean;
  /** Reloads /api/auth/me and returns it (null when signed out). */
  refresh: () => Promise<Me | null>;
  signOut: () => Promise<void>;
}

export const MeContext = createContext<MeState | null>(null);

export function useMe(): MeState {
  const state = useContext(MeContext);
  if (!state) throw new Error('useMe outside MeProvider');
  return state;
}

/** The signed-in user, for components rendered only behind RequireAuth. */
export function useSignedIn() {
  const { me } = useMe();
  if (!me) throw new Error('useSignedIn without a session');
  return {
    me,
    can: (capability: Capability) => hasCapability(me.grants, capability),
  };
}

/** Where a user lands after signing in. */
export function homePath(me: Me): string {
  if (hasCapability(me.grants, 'roster.read')) return '/nhan-su';
  if (me.personId !== null) return '/thi';
  return '/chua-co-quyen';
}
