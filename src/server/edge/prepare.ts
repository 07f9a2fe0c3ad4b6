/** Preparing a laptop: sign in to the province as the site's proctor, fetch the bundle, import it into a fresh database. */
import type { EdgeBundle, EdgeSlip, LeftOnProvince } from '../../domain/edge/bundle.ts';
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

/** A session on the province, signed in as the site's proctor (or an organiser). */
export interface UpstreamSession {
  upstream: string;
  headers: Record<string, string>;
}

export async function signInUpstream(opts: { upstream: string; username: string; password: string }): Promise<UpstreamSession> {
  const login = await call(new URL('/api/auth/login', opts.upstream), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: opts.username, password: opts.password }),
  });
  if (!login.ok) throw new UpstreamError(`Đăng nhập máy chủ tỉnh không được: ${await messageOf(login)}`);
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('bd_csrf='))?.slice('bd_csrf='.length) ?? '';
  return { upstream: opts.upstream, headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf } };
}

export interface PreparableSite {
  id: number;
  name: string;
  campaignName: string;
  participants: number;
}

/** The sites this proctor marks (modules/edges: GET /api/my/edge-sites). */
export async function preparableSites(session: UpstreamSession): Promise<PreparableSite[]> {
  const reply = await call(new URL('/api/my/edge-sites', session.upstream), { headers: session.headers });
  if (!reply.ok) throw new UpstreamError(`Không lấy được danh sách điểm cầu: ${await messageOf(reply)}`);
  return ((await reply.json()) as { items: PreparableSite[] }).items;
}

/** The province's reply to a preparation: the bundle, the codes to print once, and who stays on the province. */
export interface Prepared {
  bundle: EdgeBundle;
  slips: EdgeSlip[];
  leftOnProvince: LeftOnProvince[];
}

export async function prepareAtUpstream(session: UpstreamSession, siteId: number, name?: string): Promise<Prepared> {
  const prepared = await call(new URL(`/api/sites/${siteId}/edges`, session.upstream), {
    method: 'POST',
    headers: session.headers,
    body: JSON.stringify(name ? { name } : {}),
  });
  if (!prepared.ok) throw new UpstreamError(`Không chuẩn bị được máy điểm cầu: ${await messageOf(prepared)}`);
  return (await prepared.json()) as Prepared;
}

export async function fetchBundle(opts: {
  upstream: string;
  siteId: number;
  username: string;
  password: string;
  name?: string;
}): Promise<Prepared> {
  return prepareAtUpstream(await signInUpstream(opts), opts.siteId, opts.name);
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
