import path from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Cookies get the Secure flag: set when served over HTTPS behind a proxy. */
  secureCookies: boolean;
  trustProxy: boolean;
  sessionHours: number;
  /** PostgreSQL connections per process. */
  poolSize: number;
  logLevel: string;
  webDir: string;
  /** A request whose body has not fully arrived by then is answered 408 and its connection closed (slow clients). */
  requestTimeoutMs: number;
  /** The same for the request's headers. */
  headersTimeoutMs: number;
}

function seconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} không hợp lệ: ${env[name]}`);
  return Math.round(value * 1000);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT không hợp lệ: ${env.PORT}`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    secureCookies: env.SECURE_COOKIES === '1' || env.SECURE_COOKIES === 'true',
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    poolSize: Math.max(1, Number(env.DB_POOL_SIZE ?? 10) || 10),
    logLevel: env.LOG_LEVEL ?? 'info',
    webDir: path.resolve(env.WEB_DIR ?? 'dist/web'),
    requestTimeoutMs: seconds(env, 'REQUEST_TIMEOUT_S', 120),
    headersTimeoutMs: seconds(env, 'HEADERS_TIMEOUT_S', 20),
  };
}
