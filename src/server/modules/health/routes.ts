import type { RouteModule } from '../../lib/route-module.ts';
import { sql } from 'kysely';
import { Type } from '@fastify/type-provider-typebox';

const HealthReply = Type.Object({ status: Type.String(), database: Type.String() });

export const healthRoutes: RouteModule = async (app, { ctx }) => {
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: { response: { 200: HealthReply, 503: Type.Intersect([HealthReply, Type.Object({ message: Type.String() })]) } },
    },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(ctx.db);
        return { status: 'ok', database: ctx.dialect };
      } catch (err) {
        request.log.warn({ err }, 'health check: database unreachable');
        return reply.status(503).header('retry-after', '5').send({
          status: 'unavailable',
          database: ctx.dialect,
          message: 'Không kết nối được cơ sở dữ liệu: máy chủ tạm ngừng phục vụ và sẽ tự hoạt động lại khi cơ sở dữ liệu trở lại.',
        });
      }
    },
  );
};
