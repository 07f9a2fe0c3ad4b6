/** Preparing a laptop: sign in to the province as the site's proctor, fetch the bundle, import it into a fresh database. */
import type { EdgeBundle, EdgeSlip } from '../../domain/edge/bundle.ts';
import type { AppConfig } from '../../config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { importBundle } from './import-bundle.ts';

export class UpstreamError extends Error {}

async function call(url: URL, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(120_000) });
  } catch (err) {
    throw new UpstreamError(`Không kết nối được máy chủ tỉnh ${url.origin}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function messageOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  return body?.message ?? `máy chủ tỉnh trả lời ${response.status}`;
}

export async function fetchBundle(opts: {
  upstream: string;
  siteId: number;
  username: string;
  password: string;
  name?: string;
}): Promise<{ bundle: EdgeBundle; slips: EdgeSlip[] }> {
  const login = await call(new URL('/api/auth/login', opts.upstream), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: opts.username, password: opts.password }),
  });
  if (!login.ok) throw new UpstreamError(`Đăng nhập máy chủ tỉnh không được: ${await messageOf(login)}`);
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('bd_csrf='))?.slice('bd_csrf='.length) ?? '';
  const prepared = await call(new URL(`/api/sites/${opts.siteId}/edges`, opts.upstream), {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf },
    body: JSON.stringify(opts.name ? { name: opts.name } : {}),
  });
  if (!prepared.ok) throw new UpstreamError(`Không chuẩn bị được máy điểm cầu: ${await messageOf(prepared)}`);
  return (await prepared.json()) as { bundle: EdgeBundle; slips: EdgeSlip[] };
}

/** Imports into the configured (fresh, SQLite) data directory. */
export async function prepareEdgeDatabase(config: AppConfig, bundle: EdgeBundle, upstream: string): Promise<void> {
  const handle = openDatabase({ ...config, databaseUrl: undefined });
  try {
    await migrateToLatest(handle.db);
    await importBundle(handle.db, bundle, upstream);
  } finally {
    await handle.destroy();
  }
}
