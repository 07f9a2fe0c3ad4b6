import { Type } from '@fastify/type-provider-typebox';
import { OkReply } from '../../lib/schemas.ts';
import JSZip from 'jszip';
import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { IdParams } from '../units/schemas.ts';
import { writeLoginSlipsPdf } from './login-slips-pdf.ts';
import { writeLoginSlipsXlsx } from './login-slips-xlsx.ts';
import * as service from './service.ts';
import { GrantRow, LoginSlipsSummary, ResetPasswordReply } from './schemas.ts';
import { attachment } from '../../files/attachment.ts';

const GrantBody = Type.Object({ userId: Type.Integer(), role: Type.String(), unitId: Type.Integer() });
const GrantsQuery = Type.Object({ unitId: Type.Optional(Type.Integer()) });
const DisableBody = Type.Object({ disabled: Type.Boolean() });
const SlipsBody = Type.Object({
  // 'both': a .zip with the PDF and the Excel list of the same passwords (they are shown only once).
  format: Type.Union([Type.Literal('pdf'), Type.Literal('xlsx'), Type.Literal('both')]),
  // Also set new initial passwords for accounts whose slips are out already (their printed slips stop working).
  reissue: Type.Optional(Type.Boolean()),
});

export const accountRoutes: RouteModule = async (app, { ctx }) => {
  app.get(
    '/api/grants',
    { schema: { querystring: GrantsQuery, response: { 200: Type.Object({ items: Type.Array(GrantRow) }) } } },
    async (request) => ({ items: await service.listGrants(ctx, requireActor(request), request.query.unitId) }),
  );

  app.post('/api/grants', { schema: { body: GrantBody, response: { 200: Type.Object({ grantId: Type.Integer() }) } } }, async (request) =>
    service.grantRole(ctx, requireActor(request), request.body),
  );

  app.delete('/api/grants/:id', { schema: { params: IdParams, response: { 200: OkReply } } }, async (request) => {
    await service.revokeRole(ctx, requireActor(request), request.params.id);
    return { ok: true };
  });

  app.post('/api/accounts/:id/reset-password', { schema: { params: IdParams, response: { 200: ResetPasswordReply } } }, async (request) =>
    service.resetPassword(ctx, requireActor(request), request.params.id),
  );

  app.post(
    '/api/accounts/:id/disabled',
    { schema: { params: IdParams, body: DisableBody, response: { 200: OkReply } } },
    async (request) => {
      await service.setAccountDisabled(ctx, requireActor(request), request.params.id, request.body.disabled);
      return { ok: true };
    },
  );

  app.get('/api/units/:id/login-slips', { schema: { params: IdParams, response: { 200: LoginSlipsSummary } } }, async (request) =>
    service.loginSlipsSummary(ctx, requireActor(request), request.params.id),
  );

  app.post(
    '/api/units/:id/login-slips',
    { config: { file: true }, schema: { params: IdParams, body: SlipsBody } },
    async (request, reply) => {
      const { unitName, slips, reissued } = await service.issueLoginSlips(ctx, requireActor(request), request.params.id, {
        reissue: request.body.reissue === true,
      });
      const input = { unitName, siteUrl: `${request.protocol}://${request.host}`, generatedAt: ctx.clock.now(), slips };
      const name = `phieu-dang-nhap-${unitName}`;
      const { format } = request.body;
      let file: Buffer;
      if (format === 'both') {
        const zip = new JSZip();
        zip.file(`${name}.pdf`, await writeLoginSlipsPdf(input));
        zip.file(`${name}.xlsx`, await writeLoginSlipsXlsx(input));
        file = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      } else {
        file = format === 'pdf' ? await writeLoginSlipsPdf(input) : await writeLoginSlipsXlsx(input);
      }
      return attachment(reply, file, `${name}.${format === 'both' ? 'zip' : format}`)
        .header('x-slip-count', String(slips.length))
        .header('x-slip-reissued', String(reissued))
        .header('cache-control', 'no-store');
    },
  );
};
