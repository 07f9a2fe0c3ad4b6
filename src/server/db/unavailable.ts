/**
 * Errors that mean the database is not there right now (restarting, failing over, unreachable, or too busy to take
 * a connection), as opposed to a bug or bad data: the request is answered 503 and may be retried.
 */
const UNAVAILABLE = Symbol('databaseUnavailable');

const CODES = new Set([
  '57P01',
  '57P02',
  '57P03', // admin shutdown, crash shutdown, cannot connect now (starting, in recovery)
  '53300', // too many connections
  '08000',
  '08001',
  '08003',
  '08004',
  '08006', // connection exceptions
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_TIMEOUT',
  'SQLITE_LOCKED',
]);

const MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable|the database system is (starting up|shutting down|in recovery mode)/i;

export function markUnavailable(error: unknown): unknown {
  if (error && typeof error === 'object') (error as Record<symbol, boolean>)[UNAVAILABLE] = true;
  return error;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  if ((error as Record<symbol, boolean>)[UNAVAILABLE]) return true;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (typeof code === 'string' && CODES.has(code)) || (typeof message === 'string' && MESSAGES.test(message));
}
