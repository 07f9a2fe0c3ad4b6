import type { FastifyReply } from 'fastify';
import { requireFile } from '../../files/require-file.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { bankForActor } from '../banks/service.ts';
import { IdParams } from '../units/schemas.ts';
import { commitForBank, previewForBank } from './import-service.ts';
import { listBankTags, listQuestions, questionImage } from './service.ts';
import { EXPORT_NOTICE_HEADER, exportQuestions } from './export-service.ts';
import { attachment } from '../../files/attachment.ts';
import { streamWithProgress } from '../../files/ndjson.ts';
import { assertParseCapacity } from '../../files/parse-upload.ts';
import { readUpload } from '../../files/upload-bytes.ts';
import { questionTemplate } from './template.ts';
import { formatOf } from './parse-file.ts';
import { deleteQuestion, editQuestion, getQuestion } from './edit-service.ts';
import { imageTooLarge, MAX_IMAGE_BYTES, previewImage, uploadBankImage } from './image-service.ts';
import {
  CommitBody,
  CommitReply,
  EditBody,
  EditReply,
  ExportQuery,
  ImageParams,
  ImageUploadReply,
  PreviewImageParams,
  QuestionDetail,
  type QuestionImportPreview,
  QuestionPage,
  QuestionQuery,
  TagList,
} from './schemas.ts';
import { OkReply } from '../../lib/schemas.ts';

function sendImage(reply: FastifyReply, image: { contentType: string; inline: boolean; data: Uint8Array }) {
  return reply
    .type(image.contentType)
    .header('cache-control', 'private, max-age=86400')
    .header('content-disposition', image.inline ? 'inline' : 'attachment')
    .send(Buffer.from(image.data));
}

export const questionRoutes: RouteModule = async (app, { ctx }) => {
  app.get(
    '/api/banks/:id/questions',
    { schema: { params: IdParams, querystring: QuestionQuery, response: { 200: QuestionPage } } },
    async (request) => listQuestions(ctx, requireActor(request), request.params.id, request.query),
  );

  app.get('/api/banks/:id/tags', { schema: { params: IdParams, response: { 200: TagList } } }, async (request) =>
    listBankTags(ctx, requireActor(request), request.params.id),
  );

  app.post('/api/banks/:id/question-imports', { config: { file: true }, schema: { params: IdParams } }, async (request, reply) => {
    const actor = requireActor(request);
    await bankForActor(ctx.db, actor, request.params.id, 'use');
    const part = await requireFile(request, 'tệp câu hỏi');
    formatOf(part.filename);
    const file = await readUpload(part);
    assertParseCapacity(ctx, reply);
    return streamWithProgress(request, reply, async (progress): Promise<QuestionImportPreview> => {
      progress({ phase: 'check', done: 0, total: 1 });
      return previewForBank(ctx, actor, request.params.id, part.filename, file);
    });
  });

  app.post(
    '/api/question-imports/:id/commit',
    { schema: { params: IdParams, body: CommitBody, response: { 200: CommitReply } } },
    async (request) => commitForBank(ctx, requireActor(request), request.params.id, request.body.numbers),
  );

  app.get(
    '/api/question-imports/:id/questions/:number/images/:index',
    { config: { file: true }, schema: { params: PreviewImageParams } },
    async (request, reply) => {
      const { id, number, index } = request.params;
      return sendImage(reply, await previewImage(ctx, requireActor(request), id, number, index));
    },
  );

  app.post('/api/banks/:id/images', { schema: { params: IdParams, response: { 200: ImageUploadReply } } }, async (request) => {
    const actor = requireActor(request);
    await bankForActor(ctx.db, actor, request.params.id, 'use');
    const part = await requireFile(request, 'ảnh', { limits: { fileSize: MAX_IMAGE_BYTES } });
    let data: Buffer;
    try {
      data = await part.toBuffer();
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw imageTooLarge(part.filename);
      throw err;
    }
    return uploadBankImage(ctx, actor, request.params.id, part.filename, data);
  });

  app.get('/api/questions/:id', { schema: { params: IdParams, response: { 200: QuestionDetail } } }, async (request) =>
    getQuestion(ctx, requireActor(request), request.params.id),
  );

  app.patch('/api/questions/:id', { schema: { params: IdParams, body: EditBody, response: { 200: EditReply } } }, async (request) =>
    editQuestion(ctx, requireActor(request), request.params.id, request.body),
  );

  app.delete('/api/questions/:id', { schema: { params: IdParams, response: { 200: OkReply } } }, async (request) => {
    await deleteQuestion(ctx, requireActor(request), request.params.id);
    return { ok: true };
  });

  app.get(
    '/api/banks/:id/export',
    { config: { file: true }, schema: { params: IdParams, querystring: ExportQuery } },
    async (request, reply) => {
      const file = await exportQuestions(
        ctx,
        requireActor(request),
        request.params.id,
        request.query.format as 'docx' | 'xlsx' | 'gift' | 'aiken' | 'qti',
        request.query.topicId,
      );
      // What the format could not carry, percent-encoded UTF-8 (a header holds ASCII only); the web shows it.
      if (file.notice) reply.header(EXPORT_NOTICE_HEADER, encodeURIComponent(file.notice));
      return attachment(reply, file.body, file.fileName).header('cache-control', 'no-store');
    },
  );

  app.get('/api/question-template.xlsx', { config: { file: true } }, async (request, reply) => {
    requireActor(request);
    return attachment(reply, Buffer.from(await questionTemplate()), 'mau-ngan-hang-cau-hoi.xlsx');
  });

  app.get('/api/questions/:id/images/:imageId', { config: { file: true }, schema: { params: ImageParams } }, async (request, reply) => {
    const image = await questionImage(ctx, requireActor(request), request.params.id, request.params.imageId);
    return sendImage(reply, image);
  });
};
