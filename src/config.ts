import net from 'node:net';
import path from 'node:path';
import { DEFAULT_FILE_LIMITS, LIMIT_ENV_NAMES, type FileLimits } from './domain/files/limits.ts';

/** A wrong environment variable: the CLI prints its Vietnamese message as is. */
export class ConfigError extends Error {}

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Cookies get the Secure flag: set when served over HTTPS behind a proxy. */
  secureCookies: boolean;
  /**
   * Which peers may tell the client's address in X-Forwarded-For (Fastify's trustProxy): false (none, the socket's
   * address is the client), a hop count (1: the one proxy in front), or the proxies' addresses and CIDR ranges.
   */
  trustProxy: TrustProxy;
  /**
   * Failed logins (and password changes) from one address in 15 minutes before it is refused. Large: a school's staff
   * share one NAT address; the account itself allows 5.
   */
  loginFailuresPerIp: number;
  sessionHours: number;
  /** PostgreSQL connections per process (DB_POOL_SIZE). */
  poolSize: number;
  /** PostgreSQL: a statement running longer is cancelled (DB_STATEMENT_TIMEOUT_S; 0 = never). */
  statementTimeoutMs: number;
  logLevel: string;
  webDir: string;
  /** A request whose body has not fully arrived by then is answered 408 and its connection closed (slow clients). */
  requestTimeoutMs: number;
  /** The same for the request's headers. */
  headersTimeoutMs: number;
  /** Reading uploaded and CLI-read files (server/files/parse-upload.ts). */
  uploads: UploadConfig;
  /** An edge server's rounds to its province (server/edge/uplink.ts); tests shorten them. */
  edgeUplink?: { idleMs?: number; backoffMs?: number; maxBackoffMs?: number };
}

export interface UploadConfig {
  /** Budgets of one file, checked while it inflates and parses (domain/files/limits.ts; UPLOAD_LIMIT_*). */
  limits: FileLimits;
  /** The parsing child process's V8 heap (UPLOAD_PARSE_HEAP_MB) and resident memory (UPLOAD_PARSE_RSS_MB), in MB: past either it is killed. */
  parseHeapMb: number;
  parseRssMb: number;
  /** A parse still running after this long is killed (UPLOAD_PARSE_TIMEOUT_S). */
  parseTimeoutMs: number;
  /** Files parsed at once by one process (UPLOAD_PARSE_CONCURRENCY) and files waiting their turn (UPLOAD_PARSE_QUEUE). */
  parseConcurrency: number;
  parseQueue: number;
}

export type TrustProxy = false | number | string[];

const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const TRUST_PROXY_HELP =
  'Ghi số proxy đứng trước ứng dụng (thường là 1, ví dụ TRUST_PROXY=1), hoặc địa chỉ/dải địa chỉ '
  + 'của proxy, cách nhau bởi dấu phẩy (ví dụ TRUST_PROXY=127.0.0.1 hoặc TRUST_PROXY=10.0.0.0/8,127.0.0.1); '
  + 'để trống hoặc false khi không chạy sau proxy.';

function isAddressOrRange(value: string): boolean {
  if (PROXY_RANGE_NAMES.has(value)) return true;
  const [address, prefix, ...rest] = value.split('/');
  const family = net.isIP(address);
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: empty/false/0 → false; a hop count 1–10; or addresses and CIDR ranges (and proxy-addr's names loopback,
 * linklocal, uniquelocal). `true` is refused: trusting every hop lets anyone write their own address in
 * X-Forwarded-For, escape the login limits and forge the address proctors see.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim();
  if (value === '' || value.toLowerCase() === 'false' || value === '0') return false;
  if (value.toLowerCase() === 'true') {
    throw new ConfigError(
      'TRUST_PROXY=true (tin mọi proxy) không còn được dùng: khi đó ai cũng có thể tự ghi địa chỉ IP '
        + 'trong tiêu đề X-Forwarded-For để né giới hạn đăng nhập sai và giả địa chỉ mà giám thị thấy. '
        + TRUST_PROXY_HELP,
    );
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new ConfigError(`TRUST_PROXY không hợp lệ: ${value} proxy là quá nhiều. ${TRUST_PROXY_HELP}`);
    return hops;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const wrong = entries.filter((entry) => !isAddressOrRange(entry));
  if (wrong.length > 0) {
    throw new ConfigError(
      `TRUST_PROXY không hợp lệ: ${wrong.map((w) => `"${w}"`).join(', ')} không phải địa chỉ IP hay dải `
        + `địa chỉ (CIDR). ${TRUST_PROXY_HELP}`,
    );
  }
  return entries;
}

/**
 * The value for Fastify's trustProxy. Fastify 5 trusts nobody for a bare number (a hop count cannot tell the proxy from
 * a client that reached the port directly), so a hop count becomes Express's rule: the socket's peer and the n − 1
 * entries it appended are proxies, the entry before them is the client. Only safe when the port is reachable through
 * the proxy alone (HOST=127.0.0.1 or a firewall); addresses are checked against the peer and are safe anywhere.
 */
export function trustProxyOption(value: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value === 'number') return (_address, hop) => hop < value;
  return value;
}

/**
 * Connections per app process. A submit holds its connection for five round trips (begin, lock, answers, write,
 * commit), mostly waiting: measured with two app processes on 2 cores (3,000 people, submits at 1,000/s), 4 per process
 * took 423 submits/s with p99 4.1 s, 10 took 916/s with p99 0.58 s (saves 1,997 → 2,495/s). 20 connections stay far
 * below PostgreSQL's default max_connections (100).
 */
const DEFAULT_POOL_SIZE = 10;

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${name} không hợp lệ: ${raw} (cần một số nguyên dương).`);
  return value;
}

function seconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${name} không hợp lệ: ${env[name]}`);
  return Math.round(value * 1000);
}

function uploadConfig(env: NodeJS.ProcessEnv): UploadConfig {
  const limits = { ...DEFAULT_FILE_LIMITS };
  for (const [key, { name, unit }] of Object.entries(LIMIT_ENV_NAMES) as [keyof FileLimits, { name: string; unit: number }][]) {
    limits[key] = positiveInteger(env, name, limits[key] / unit) * unit;
  }
  return {
    limits,
    parseHeapMb: positiveInteger(env, 'UPLOAD_PARSE_HEAP_MB', 1024),
    parseRssMb: positiveInteger(env, 'UPLOAD_PARSE_RSS_MB', 1536),
    parseTimeoutMs: seconds(env, 'UPLOAD_PARSE_TIMEOUT_S', 60),
    parseConcurrency: positiveInteger(env, 'UPLOAD_PARSE_CONCURRENCY', 1),
    parseQueue: positiveInteger(env, 'UPLOAD_PARSE_QUEUE', 4),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT không hợp lệ: ${env.PORT}`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    secureCookies: env.SECURE_COOKIES === '1' || env.SECURE_COOKIES === 'true',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    loginFailuresPerIp: positiveInteger(env, 'LOGIN_FAILURES_PER_IP', 500),
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    poolSize: positiveInteger(env, 'DB_POOL_SIZE', DEFAULT_POOL_SIZE),
    statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_S?.trim() === '0' ? 0 : seconds(env, 'DB_STATEMENT_TIMEOUT_S', 30),
    logLevel: env.LOG_LEVEL ?? 'info',
    webDir: path.resolve(env.WEB_DIR ?? 'dist/web'),
    requestTimeoutMs: seconds(env, 'REQUEST_TIMEOUT_S', 120),
    headersTimeoutMs: seconds(env, 'HEADERS_TIMEOUT_S', 20),
    uploads: uploadConfig(env),
  };
}
