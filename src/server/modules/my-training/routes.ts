import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../plugins/auth.ts';
import { myTraining } from './service.ts';

export async function myTrainingRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/my/training', async (request) => myTraining(ctx, requireActor(request)));
}
