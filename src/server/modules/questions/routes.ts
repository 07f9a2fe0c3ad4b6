import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { AppContext } from '../../context.ts';
import { errors } from '../../errors.ts';
import { requireActor } from '../../plugins/auth.ts';
import { bankForActor } from '../banks/service.ts';
import { IdParams } from '../units/schemas.ts';
import { commitForBank, previewForBank } from './import-service.ts';
import { listQuestions, questionImage } from './service.ts';
import { exportQuestions } from './export-service.ts';
import { attachment } from '../../files/attachment.ts';
import { streamWithProgress } from '../../files/ndjson.ts';
import { questionTemplate } from './template.ts';
import { formatOf } from './parse-file.ts';
import { deleteQuestion, editQuestion, getQuestion } from './edit-service.ts';

const QuestionQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  topicId: Type.Optional(Type.Integer()),
  difficulty: Type.Optional(Type.Union([Type.Literal('recognition'), Type.Literal('comprehension'), Type.Literal('application')])),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});
const EditBody = Type.Object({
  stem: Type.String({ maxLength: 10_000 }),
  options: Type.Array(Type.Object({ text: Type.String({ maxLength: 2000 }), correct: Type.Boolean(), pinned: Type.Boolean() }),
    { maxItems: 8 }),
  topicId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  difficulty: Type.Optional(Type.Union([Type.Literal('recognition'), Type.Literal('comprehension'), Type.Literal('application'), Type.Null()])),
});
const ExportQuery = Type.Object({
  format: Type.Union(['docx', 'xlsx', 'gift', 'aiken', 'qti'].map((f) => Type.Literal(f))),
  topicId: Type.Optional(Type.Integer()),
});
const CommitBody = Type.Object({ numbers: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 20_000 }) });

export async function questionRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Params: IdParams; Querystring: Static<typeof QuestionQuery> }>('/api/banks/:id/questions',
    { schema: { params: IdParams, querystring: QuestionQuery } },
    async (request) => listQuestions(ctx, requireActor(request), request.params.id, request.query));

  app.post<{ Params: IdParams }>('/api/banks/:id/question-imports', { schema: { params: IdParams } }, async (request, reply) => {
    const actor = requireActor(request);
    await bankForActor(ctx.db, actor, request.params.id, 'use');
    const part = await request.file();
    if (!part) throw errors.invalid('file_required', 'Chưa chọn tệp câu hỏi.');
    formatOf(part.filename);
    const file = await part.toBuffer();
    return streamWithProgress(request, reply, async (progress) => {
      progress({ phase: 'check', done: 0, total: 1 });
      return previewForBank(ctx, actor, request.params.id, part.filename, file);
    });
  });

  app.post<{ Params: IdParams; Body: Static<typeof CommitBody> }>('/api/question-imports/:id/commit',
    { schema: { params: IdParams, body: CommitBody } },
    async (request) => commitForBank(ctx, requireActor(request), request.params.id, request.body.numbers));

  app.get<{ Params: IdParams }>('/api/questions/:id', { schema: { params: IdParams } },
    async (request) => getQuestion(ctx, requireActor(request), request.params.id));

  app.patch<{ Params: IdParams; Body: Static<typeof EditBody> }>('/api/questions/:id', { schema: { params: IdParams, body: EditBody } },
    async (request) => editQuestion(ctx, requireActor(request), request.params.id, request.body));

  app.delete<{ Params: IdParams }>('/api/questions/:id', { schema: { params: IdParams } }, async (request) => {
    await deleteQuestion(ctx, requireActor(request), request.params.id);
    return { ok: true };
  });

  app.get<{ Params: IdParams; Querystring: Static<typeof ExportQuery> }>('/api/banks/:id/export',
    { schema: { params: IdParams, querystring: ExportQuery } }, async (request, reply) => {
      const file = await exportQuestions(ctx, requireActor(request), request.params.id,
        request.query.format as 'docx' | 'xlsx' | 'gift' | 'aiken' | 'qti', request.query.topicId);
      return attachment(reply, file.body, file.fileName).header('cache-control', 'no-store');
    });

  app.get('/api/question-template.xlsx', async (request, reply) => {
    requireActor(request);
    return attachment(reply, Buffer.from(await questionTemplate()), 'mau-ngan-hang-cau-hoi.xlsx');
  });

  app.get<{ Params: { id: number; imageId: number } }>('/api/questions/:id/images/:imageId',
    { schema: { params: Type.Object({ id: Type.Integer(), imageId: Type.Integer() }) } }, async (request, reply) => {
      const image = await questionImage(ctx, requireActor(request), request.params.id, request.params.imageId);
      return reply.type(image.contentType).header('cache-control', 'private, max-age=86400')
        .header('content-disposition', image.contentType.startsWith('image/') ? 'inline' : 'attachment')
        .send(Buffer.from(image.data));
    });
}
