import { Type } from '@fastify/type-provider-typebox';
import { periodLabel } from '../../../domain/training/class-report.ts';
import { attachment } from '../../files/attachment.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { IdReply, OkReply } from '../../lib/schemas.ts';
import {
  ClassBody,
  ClassDetail,
  ClassReport,
  ClassSession,
  ClassSummary,
  ClassType,
  EvaluationBody,
  ListQuery,
  MarkBody,
  MyClass,
  ReportQuery,
  SessionBody,
  TraineeBody,
  TraineesBody,
  UpdateClassBody,
} from './schemas.ts';
import { IdParams } from '../units/schemas.ts';
import { writeClassReportPdf, writeClassReportXlsx } from './report-files.ts';
import { classReport } from './report-service.ts';
import * as service from './service.ts';
import { addClassSession, classSessions, markClassAttendance } from './sessions-service.ts';

export const classRoutes: RouteModule = async (app, { ctx }) => {
  app.get('/api/class-types', { schema: { response: { 200: Type.Object({ items: Type.Array(ClassType) }) } } }, async (request) => ({
    items: await service.listClassTypes(ctx, requireActor(request)),
  }));

  app.post(
    '/api/class-types',
    {
      schema: {
        body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }), name: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: IdReply },
      },
    },
    async (request) => service.createClassType(ctx, requireActor(request), request.body),
  );

  app.patch(
    '/api/class-types/:id',
    {
      schema: {
        params: IdParams,
        body: Type.Object({ name: Type.Optional(Type.String({ maxLength: 200 })), active: Type.Optional(Type.Boolean()) }),
        response: { 200: OkReply },
      },
    },
    async (request) => {
      await service.updateClassType(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    },
  );

  app.get(
    '/api/classes',
    { schema: { querystring: ListQuery, response: { 200: Type.Object({ items: Type.Array(ClassSummary) }) } } },
    async (request) => ({ items: await service.listClasses(ctx, requireActor(request), request.query) }),
  );

  app.post('/api/classes', { schema: { body: ClassBody, response: { 200: IdReply } } }, async (request) =>
    service.createClass(ctx, requireActor(request), request.body),
  );

  app.get('/api/classes/:id', { schema: { params: IdParams, response: { 200: ClassDetail } } }, async (request) =>
    service.getClass(ctx, requireActor(request), request.params.id),
  );

  app.patch('/api/classes/:id', { schema: { params: IdParams, body: UpdateClassBody, response: { 200: OkReply } } }, async (request) => {
    await service.updateClass(ctx, requireActor(request), request.params.id, request.body);
    return { ok: true };
  });

  app.put(
    '/api/classes/:id/lecturers',
    {
      schema: {
        params: IdParams,
        body: Type.Object({ lecturerIds: Type.Array(Type.Integer(), { maxItems: 100 }) }),
        response: { 200: OkReply },
      },
    },
    async (request) => {
      await service.setClassLecturers(ctx, requireActor(request), request.params.id, request.body.lecturerIds);
      return { ok: true };
    },
  );

  app.post(
    '/api/classes/:id/trainees',
    { schema: { params: IdParams, body: TraineesBody, response: { 200: Type.Object({ added: Type.Integer() }) } } },
    async (request) => service.addTrainees(ctx, requireActor(request), request.params.id, request.body),
  );

  app.patch('/api/class-trainees/:id', { schema: { params: IdParams, body: TraineeBody, response: { 200: OkReply } } }, async (request) => {
    await service.updateTrainee(ctx, requireActor(request), request.params.id, request.body);
    return { ok: true };
  });

  app.post(
    '/api/classes/:id/evaluations',
    { schema: { params: IdParams, body: EvaluationBody, response: { 200: OkReply } } },
    async (request) => service.evaluateLecturer(ctx, requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/api/classes/:id/sessions',
    { schema: { params: IdParams, response: { 200: Type.Object({ items: Type.Array(ClassSession) }) } } },
    async (request) => ({ items: await classSessions(ctx, requireActor(request), request.params.id) }),
  );

  app.post('/api/classes/:id/sessions', { schema: { params: IdParams, body: SessionBody, response: { 200: IdReply } } }, async (request) =>
    addClassSession(ctx, requireActor(request), request.params.id, request.body),
  );

  app.put(
    '/api/class-sessions/:id/attendance/:traineeId',
    { schema: { params: Type.Object({ id: Type.Integer(), traineeId: Type.Integer() }), body: MarkBody, response: { 200: OkReply } } },
    async (request) => markClassAttendance(ctx, requireActor(request), request.params.id, request.params.traineeId, request.body),
  );

  app.get('/api/my/classes', { schema: { response: { 200: Type.Object({ items: Type.Array(MyClass) }) } } }, async (request) => ({
    items: await service.myClasses(ctx, requireActor(request)),
  }));

  app.get('/api/class-reports', { schema: { querystring: ReportQuery, response: { 200: ClassReport } } }, async (request) => {
    const report = await classReport(ctx, requireActor(request), request.query);
    return { ...report, generatedAt: report.generatedAt.toISOString() };
  });

  for (const format of ['xlsx', 'pdf'] as const) {
    app.get(`/api/class-reports.${format}`, { config: { file: true }, schema: { querystring: ReportQuery } }, async (request, reply) => {
      const report = await classReport(ctx, requireActor(request), request.query);
      const file = format === 'xlsx' ? await writeClassReportXlsx(report) : await writeClassReportPdf(report);
      return attachment(reply, file, `Báo cáo lớp bồi dưỡng - ${report.unitName} - ${periodLabel(report.period)}.${format}`).header(
        'cache-control',
        'no-store',
      );
    });
  }
};
