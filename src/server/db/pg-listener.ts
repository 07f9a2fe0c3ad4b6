/**
 * One PostgreSQL connection of its own that LISTENs on a channel, reconnecting after any failure. NOTIFY is
 * transactional: a notification is delivered when (and only if) the sending transaction commits, in commit order.
 * Notifications sent while this connection is down are lost, so `onState(false)` tells the owner to stop trusting
 * what it keeps, and `onState(true)` (after every successful LISTEN) to start again from a clean state.
 */
import pg from 'pg';

export interface PgListener {
  stop(): Promise<void>;
}

export function listenPg(
  connectionString: string,
  channel: string,
  handlers: {
    onMessage(payload: string): void;
    onState(listening: boolean): void;
  },
  retryMs = 1000,
): PgListener {
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const down = () => {
    handlers.onState(false);
    const old = client;
    client = null;
    old?.removeAllListeners();
    old?.on('error', () => {});
    old?.end().catch(() => {});
    if (!stopped && !timer)
      timer = setTimeout(() => {
        timer = null;
        void connect();
      }, retryMs);
  };

  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString, keepAlive: true, connectionTimeoutMillis: 5000 });
    client = c;
    c.on('error', () => {
      if (client === c) down();
    });
    c.on('end', () => {
      if (client === c) down();
    });
    c.on('notification', (n) => {
      if (n.channel === channel && client === c) handlers.onMessage(n.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (client === c && !stopped) handlers.onState(true);
    } catch {
      if (client === c) down();
    }
  };

  void connect();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      handlers.onState(false);
      await c?.end().catch(() => {});
    },
  };
}
