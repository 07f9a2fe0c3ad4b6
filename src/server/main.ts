import type { FastifyInstance } from 'fastify';
import { loadConfig, type AppConfig } from '../config.ts';
import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { systemClock, type AppContext } from './context.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './db/database.ts';
import { startSweeper } from './modules/exam/sweeper.ts';
import { startSessionSync } from './modules/auth/session-sync.ts';
import { startProgressFlush } from './modules/exam/progress.ts';
import { edgeIdentity } from './edge/outbox.ts';
import { startUplink } from './edge/uplink.ts';

export interface RunningServer {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  close(): Promise<void>;
}

/** Opens the database, migrates, bootstraps, listens; SIGTERM/SIGINT finish in-flight requests first. */
export async function startServer(config: AppConfig = loadConfig(), options: { handleSignals?: boolean } = {}): Promise<RunningServer> {
  // Migrations run without the serving pool's statement timeout: an index on a large table may take longer.
  const migrating = openDatabase({ ...config, poolSize: 1, statementTimeoutMs: 0 });
  try {
    await migrateToLatest(migrating.db);
  } finally {
    await migrating.destroy();
  }
  const handle: DatabaseHandle = openDatabase({ ...config, checkpointInBackground: true });
  const stopSessionSync = startSessionSync(handle, config.databaseUrl);
  // Uploaded files are parsed in a capped child process, never on the event loop that takes the answers.
  const ctx: AppContext = {
    db: handle.db,
    dialect: handle.dialect,
    config,
    clock: systemClock,
    durable: handle.durable,
    parseFiles: 'child',
  };
  // A prepared edge server (server/edge) holds the province's ids and no staff: it has nothing to bootstrap.
  const edge = handle.dialect === 'sqlite' ? await edgeIdentity(handle.db) : undefined;
  if (edge) ctx.edge = { edgeId: edge.edgeId, siteName: edge.siteName };
  const firstAdmin = edge ? null : await bootstrap(ctx);
  const app = await buildApp(ctx, {
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    },
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  if (firstAdmin) printFirstAdmin(firstAdmin, url);
  const stopSweeper = startSweeper(ctx, app.log);
  const stopProgress = startProgressFlush(ctx, app.log);
  const stopUplink = edge ? startUplink(ctx, app.log, config.edgeUplink) : async () => {};

  let closing: Promise<void> | undefined;
  // Connections that finish their last request after close() began would otherwise stay open until keep-alive expires.
  const close = () =>
    (closing ??= (async () => {
      const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
      await stopSweeper();
      await stopUplink();
      await stopProgress();
      await stopSessionSync();
      try {
        await app.close();
      } finally {
        clearInterval(sweep);
      }
      await handle.destroy();
    })());
  if (options.handleSignals !== false) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        app.log.info({ signal }, 'shutting down: finishing in-flight requests');
        close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      });
    }
  }
  return { app, ctx, url, close };
}

export function printFirstAdmin(admin: { username: string; password: string }, url?: string) {
  const lines = [
    '',
    '================ TÀI KHOẢN QUẢN TRỊ ĐẦU TIÊN ================',
    `  Tên đăng nhập: ${admin.username}`,
    `  Mật khẩu một lần: ${admin.password}`,
    '  Mật khẩu này chỉ hiện MỘT LẦN; hệ thống yêu cầu đổi khi đăng nhập.',
    url ? `  Mở ${url} để đăng nhập.` : '',
    '==============================================================',
    '',
  ];
  process.stdout.write(lines.filter((l) => l !== '').join('\n') + '\n');
}
