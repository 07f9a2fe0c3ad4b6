/**
 * The laptop's first run without a command line: `boiduong edge` on an empty data directory serves a one-page form on
 * this machine only (127.0.0.1), where the proctor signs in to the province, picks the site and prepares the laptop.
 * Once prepared, the form's server closes and the edge server takes its port on the site's network.
 */
import os from 'node:os';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { AppConfig } from '../../config.ts';
import { startServer, type RunningServer } from '../main.ts';
import { prepareAtUpstream, prepareEdgeDatabase, preparableSites, signInUpstream, UpstreamError } from './prepare.ts';
import { SETUP_PAGE } from './setup-page.ts';
import { slipsCsv } from './slips.ts';

export interface EdgeSetup {
  url: string;
  /** The edge server, once the proctor has prepared the laptop. */
  ready: Promise<RunningServer>;
  close(): Promise<void>;
}

interface Credentials {
  upstream: string;
  username: string;
  password: string;
}

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** What the proctor typed is wrong (not the province's answer). */
class SetupInputError extends Error {}

const credentials = {
  upstream: { type: 'string', minLength: 1, maxLength: 300 },
  username: { type: 'string', minLength: 1, maxLength: 100 },
  password: { type: 'string', minLength: 1, maxLength: 200 },
};

/** The addresses participants' phones use on the site's network: none when the edge listens on this machine only. */
export function lanAddresses(host: string, port: number): string[] {
  if (host !== '0.0.0.0' && host !== '::') return host.startsWith('127.') || host === 'localhost' ? [] : [`http://${host}:${port}/thi`];
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => `http://${a!.address}:${port}/thi`);
}

function upstreamUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new SetupInputError(`Địa chỉ máy chủ tỉnh không hợp lệ: "${text}". Ví dụ: https://boiduong.sogd.gov.vn`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SetupInputError('Địa chỉ máy chủ tỉnh phải bắt đầu bằng http:// hoặc https://');
  }
  return url.origin;
}

export async function startEdgeSetup(config: AppConfig): Promise<EdgeSetup> {
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 16 * 1024 });
  let preparing = false;
  let resolveReady!: (server: RunningServer) => void;
  let rejectReady!: (err: unknown) => void;
  const ready = new Promise<RunningServer>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });

  // Only this machine's browser, by name: a page elsewhere that rebinds its own name to 127.0.0.1 gets nothing.
  app.addHook('onRequest', async (request, reply) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    if (!LOCAL_NAMES.has(host)) return reply.status(403).send({ message: 'Chỉ mở trang chuẩn bị trên chính máy này: http://localhost.' });
  });

  app.setErrorHandler((err, _request, reply) => {
    if (err instanceof UpstreamError) return reply.status(502).send({ message: err.message });
    if (err instanceof SetupInputError) return reply.status(400).send({ message: err.message });
    if ((err as { validation?: unknown }).validation) {
      return reply.status(400).send({ message: 'Hãy điền đủ địa chỉ máy chủ tỉnh, tên đăng nhập và mật khẩu.' });
    }
    return reply.status(500).send({ message: `Lỗi khi chuẩn bị máy: ${err instanceof Error ? err.message : String(err)}` });
  });

  const page = (reply: FastifyReply) =>
    reply
      .header('cache-control', 'no-store')
      .header('content-security-policy', "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'")
      .type('text/html; charset=utf-8')
      .send(SETUP_PAGE);
  app.get('/', (_request, reply) => page(reply));
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !request.url.startsWith('/setup/')) return page(reply);
    return reply.status(404).send({ message: 'Máy này chưa được chuẩn bị.' });
  });

  app.post<{ Body: Credentials }>(
    '/setup/sites',
    { schema: { body: { type: 'object', required: ['upstream', 'username', 'password'], properties: credentials } } },
    async (request) => {
      const session = await signInUpstream({ ...request.body, upstream: upstreamUrl(request.body.upstream) });
      return { items: await preparableSites(session) };
    },
  );

  app.post<{ Body: Credentials & { siteId: number; name?: string } }>(
    '/setup/prepare',
    {
      schema: {
        body: {
          type: 'object',
          required: ['upstream', 'username', 'password', 'siteId'],
          properties: { ...credentials, siteId: { type: 'integer', minimum: 1 }, name: { type: 'string', maxLength: 120 } },
        },
      },
    },
    async (request, reply) => {
      if (preparing) return reply.status(409).send({ message: 'Máy đang được chuẩn bị; hãy chờ.' });
      preparing = true;
      try {
        const upstream = upstreamUrl(request.body.upstream);
        const session = await signInUpstream({ ...request.body, upstream });
        const { bundle, slips, leftOnProvince } = await prepareAtUpstream(
          session,
          request.body.siteId,
          request.body.name?.trim() || undefined,
        );
        await prepareEdgeDatabase(config, bundle, upstream);
        // The edge server starts once this reply has left, on the same port (the page then polls /healthz).
        reply.raw.once('finish', () => void handOver());
        return {
          siteName: bundle.edge.siteName,
          people: bundle.people.length,
          surveys: bundle.assessments.map((a) => String(a.title)),
          slips,
          leftOnProvince,
          csv: slipsCsv(slips).toString('utf8'),
          addresses: lanAddresses(config.host, port),
        };
      } catch (err) {
        preparing = false;
        throw err;
      }
    },
  );

  await app.listen({ port: config.port, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;

  async function handOver() {
    try {
      await app.close();
      resolveReady(await startServer({ ...config, port }));
    } catch (err) {
      rejectReady(err);
    }
  }

  return { url: `http://localhost:${port}`, ready, close: () => app.close() };
}
