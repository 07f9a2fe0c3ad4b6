import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';

export async function healthRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/healthz', async (request, reply) => {
    try {
      await sql`select 1`.execute(ctx.db);
      return { status: 'ok', database: ctx.dialect };
    } catch (err) {
      request.log.warn({ err }, 'health check: database unreachable');
      return reply.status(503).header('retry-after', '5').send({ status: 'unavailable', database: ctx.dialect,
        message: 'Không kết nối được cơ sở dữ liệu: máy chủ tạm ngừng phục vụ và sẽ tự hoạt động lại khi cơ sở dữ liệu trở lại.' });
    }
  });
}
