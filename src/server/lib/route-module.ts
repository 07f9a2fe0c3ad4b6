import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Answers without a session; every other `/api/*` route refuses a request that has none (plugins/auth.ts). */
    public?: boolean;
    /**
     * The reply is not a JSON body (a download, an image, an NDJSON progress stream), so the route declares no
     * response schema; every other route must (app.test.ts).
     */
    file?: boolean;
  }
}

export interface ModuleOptions {
  ctx: AppContext;
}

/**
 * A feature's routes: a Fastify plugin registered with `app.register(module, { ctx })`. Its instance has the TypeBox
 * type provider, so a handler's request and reply types come from its schemas.
 */
export type RouteModule = FastifyPluginAsyncTypebox<ModuleOptions>;
