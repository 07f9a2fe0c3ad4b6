/**
 * Keeps this node's session cache true to changes made by other processes, so that it may keep sessions long
 * (session-cache.ts). PostgreSQL: a connection of its own LISTENs to the announcements (session-invalidation.ts);
 * while it is down the cache falls back to short-lived entries. SQLite: the server is the only process that serves
 * requests and announces in process; PRAGMA data_version (no I/O) reveals a commit by any other connection — a CLI
 * command resetting the administrator's password — and the whole cache is dropped.
 */
import type { DatabaseHandle } from '../../db/database.ts';
import { listenPg } from '../../db/pg-listener.ts';
import { forget, setSessionsSynced } from './session-cache.ts';
import { decodeSessionChange, SESSIONS_CHANNEL } from './session-invalidation.ts';

export function startSessionSync(handle: DatabaseHandle, databaseUrl: string | undefined, everyMs = 1000): () => Promise<void> {
  const { db } = handle;
  if (handle.dialect === 'postgres' && databaseUrl) {
    const listener = listenPg(databaseUrl, SESSIONS_CHANNEL, {
      onMessage: (payload) => forget(db, decodeSessionChange(payload)),
      onState: (listening) => setSessionsSynced(db, listening),
    });
    return () => listener.stop();
  }
  const sqlite = handle.sqlite;
  if (!sqlite) return async () => {};
  const version = () => sqlite.pragma('data_version', { simple: true }) as number;
  let seen = version();
  setSessionsSynced(db, true);
  const timer = setInterval(() => {
    try {
      const now = version();
      if (now !== seen) forget(db, { kind: 'all' });
      seen = now;
      setSessionsSynced(db, true);
    } catch {
      setSessionsSynced(db, false);
    }
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    setSessionsSynced(db, false);
  };
}
