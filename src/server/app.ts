import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type RouteOptions } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import { trustProxyOption } from '../config.ts';
import type { AppContext } from './context.ts';
import './lib/route-module.ts';
import { registerErrorHandler } from './plugins/error-handler.ts';
import { errorBody } from './errors.ts';
import { registerAuth } from './plugins/auth.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { unitRoutes } from './modules/units/routes.ts';
import { peopleRoutes } from './modules/people/routes.ts';
import { accountRoutes } from './modules/accounts/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { rosterImportRoutes } from './modules/roster-import/routes.ts';
import { rosterExportRoutes } from './modules/roster-export/routes.ts';
import { bankRoutes } from './modules/banks/routes.ts';
import { questionRoutes } from './modules/questions/routes.ts';
import { assessmentRoutes } from './modules/assessments/routes.ts';
import { examRoutes } from './modules/exam/routes.ts';
import { resultRoutes } from './modules/results/routes.ts';
import { statisticsRoutes } from './modules/statistics/routes.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { campaignRoutes } from './modules/campaigns/routes.ts';
import { lecturerRoutes } from './modules/lecturers/routes.ts';
import { materialRoutes } from './modules/materials/routes.ts';
import { siteRoutes } from './modules/sites/routes.ts';
import { edgeRoutes } from './modules/edges/routes.ts';
import { attendanceRoutes } from './modules/attendance/routes.ts';
import { myTrainingRoutes } from './modules/my-training/routes.ts';
import { classRoutes } from './modules/classes/routes.ts';
import { eventRoutes } from './modules/events/routes.ts';
import { cellMeetingRoutes } from './modules/cell-meetings/routes.ts';
import { yearEndRoutes } from './modules/year-end/routes.ts';
import { edgeStatusRoutes } from './edge/status.ts';

const CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
  + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface BuildAppOptions {
  logger?: boolean | object;
  serveWeb?: boolean;
  /** Sees every route as it is added (tests read the schemas). */
  onRoute?: (route: RouteOptions) => void;
}

/** Builds the Fastify app: plugins, then modules. It never listens. */
export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    bodyLimit: 1024 * 1024,
    // Slow clients are cut (a 1-byte/s body would hold its socket forever); a response taking long is not.
    requestTimeout: ctx.config.requestTimeoutMs,
    http: { headersTimeout: Math.min(ctx.config.headersTimeoutMs, ctx.config.requestTimeoutMs), connectionsCheckingInterval: 1000 },
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: true } },
  });
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  registerErrorHandler(app);
  // A change is acknowledged only once it would survive a power cut (SQLite commits in groups; see GroupSync).
  const durable = ctx.durable;
  if (durable) {
    app.addHook('onSend', async (request) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') await durable();
    });
  }
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    reply.header('content-security-policy', CSP);
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(compress, { global: true, threshold: 1024 });
  registerAuth(app, ctx);

  // Each feature is a plugin (its own encapsulated context with the TypeBox type provider); the hooks above apply to all.
  for (const module of [
    healthRoutes,
    authRoutes,
    unitRoutes,
    peopleRoutes,
    accountRoutes,
    auditRoutes,
    rosterImportRoutes,
    rosterExportRoutes,
    bankRoutes,
    questionRoutes,
    assessmentRoutes,
    examRoutes,
    resultRoutes,
    statisticsRoutes,
    reportRoutes,
    campaignRoutes,
    lecturerRoutes,
    materialRoutes,
    siteRoutes,
    edgeRoutes,
    attendanceRoutes,
    myTrainingRoutes,
    classRoutes,
    eventRoutes,
    cellMeetingRoutes,
    yearEndRoutes,
    // A site's edge server shows its technician the uplink and the queue (server/edge/status.ts).
    ...(ctx.edge ? [edgeStatusRoutes] : []),
  ]) {
    await app.register(module, { ctx });
  }

  if (options.serveWeb !== false) serveWebApp(app, ctx.config.webDir);
  return app;
}

function serveWebApp(app: FastifyInstance, webDir: string) {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/', { config: { file: true } }, async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send('<!doctype html><meta charset="utf-8"><p>Chưa build giao diện web: chạy <code>npm run build</code>.</p>'),
    );
    return;
  }
  app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    setHeaders: (res, filePath) => {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      (res as unknown as FastifyReply).header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const html = fs.readFileSync(index);
  app.get('/*', { config: { file: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.status(404).send(errorBody('route_not_found'));
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });
}
