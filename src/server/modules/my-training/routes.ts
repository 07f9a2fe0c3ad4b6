import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { myTraining } from './service.ts';
import { MyTraining } from './schemas.ts';

export const myTrainingRoutes: RouteModule = async (app, { ctx }) => {
  app.get('/api/my/training', { schema: { response: { 200: MyTraining } } }, async (request) => myTraining(ctx, requireActor(request)));
};
