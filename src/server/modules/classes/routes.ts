import { Type } from '@fastify/type-provider-typebox';
import { periodLabel } from '../../../domain/training/class-report.ts';
import { attachment } from '../../files/attachment.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { RouteModule } from '../../lib/route-module.ts';
import { IdReply, OkReply } from '../../lib/schemas.ts';
import { ClassDetail, ClassReport, ClassSession, ClassSummary, ClassType, MyClass } from './schemas.ts';
import { IdParams } from '../units/schemas.ts';
import { writeClassReportPdf, writeClassReportXlsx } from './report-files.ts';
import { classReport } from './report-service.ts';
import * as service from './service.ts';
import { addClassSession, classSessions, markClassAttendance } from './sessions-service.ts';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const OptionalDate = Type.Optional(Type.Union([IsoDate, Type.Null()]));
const Text = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
const ClassBody = Type.Object({
  unitId: Type.Integer(),
  typeId: Type.Integer(),
  name: Type.String({ minLength: 1, maxLength: 300 }),
  plannedStart: IsoDate,
  plannedEnd: OptionalDate,
  actualStart: OptionalDate,
  actualEnd: OptionalDate,
  plannedTrainees: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 100_000 }), Type.Null()])),
  location: Text(300),
  notes: Text(2000),
});
const UpdateClassBody = Type.Partial(Type.Omit(ClassBody, ['unitId']));
const TraineesBody = Type.Object({
  personIds: Type.Optional(Type.Array(Type.Integer(), { maxItems: 5000 })),
  entries: Type.Optional(Type.Array(Type.Object({ fullName: Type.String({ maxLength: 200 }), workplace: Text(300) }), { maxItems: 5000 })),
});
const TraineeBody = Type.Object({ completed: Type.Optional(Type.Boolean()), certificateNo: Text(50) });
const EvaluationBody = Type.Object({ lecturerId: Type.Integer(), score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Text(1000) });
const ReportQuery = Type.Object({
  unitId: Type.Optional(Type.Integer()),
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  quarter: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
});
const SessionBody = Type.Object({ date: IsoDate, half: Type.Union([Type.Literal('morning'), Type.Literal('afternoon')]), topic: Text(300),
  lecturerId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])) });
const MarkBody = Type.Object({ status: Type.Union([Type.Literal('present'), Type.Literal('late'), Type.Literal('absent')]), reason: Text(200) });
const ListQuery = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }), unitId: Type.Optional(Type.Integer()) });

export const classRoutes: RouteModule = async (app, { ctx }) => {
  app.get('/api/class-types',
    { schema: { response: { 200: Type.Object({ items: Type.Array(ClassType) }) } } },
    async (request) => ({ items: await service.listClassTypes(ctx, requireActor(request)) }));

  app.post('/api/class-types',
    { schema: { body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }), name: Type.String({ minLength: 1, maxLength: 200 }) }), response: { 200: IdReply } } },
    async (request) => service.createClassType(ctx, requireActor(request), request.body));

  app.patch('/api/class-types/:id',
    { schema: { params: IdParams, body: Type.Object({ name: Type.Optional(Type.String({ maxLength: 200 })), active: Type.Optional(Type.Boolean()) }), response: { 200: OkReply } } },
    async (request) => {
      await service.updateClassType(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    });

  app.get('/api/classes', { schema: { querystring: ListQuery, response: { 200: Type.Object({ items: Type.Array(ClassSummary) }) } } },
    async (request) => ({ items: await service.listClasses(ctx, requireActor(request), request.query) }));

  app.post('/api/classes', { schema: { body: ClassBody, response: { 200: IdReply } } },
    async (request) => service.createClass(ctx, requireActor(request), request.body));

  app.get('/api/classes/:id', { schema: { params: IdParams, response: { 200: ClassDetail } } },
    async (request) => service.getClass(ctx, requireActor(request), request.params.id));

  app.patch('/api/classes/:id', { schema: { params: IdParams, body: UpdateClassBody, response: { 200: OkReply } } },
    async (request) => {
      await service.updateClass(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    });

  app.put('/api/classes/:id/lecturers',
    { schema: { params: IdParams, body: Type.Object({ lecturerIds: Type.Array(Type.Integer(), { maxItems: 100 }) }), response: { 200: OkReply } } }, async (request) => {
      await service.setClassLecturers(ctx, requireActor(request), request.params.id, request.body.lecturerIds);
      return { ok: true };
    });

  app.post('/api/classes/:id/trainees',
    { schema: { params: IdParams, body: TraineesBody, response: { 200: Type.Object({ added: Type.Integer() }) } } },
    async (request) => service.addTrainees(ctx, requireActor(request), request.params.id, request.body));

  app.patch('/api/class-trainees/:id', { schema: { params: IdParams, body: TraineeBody, response: { 200: OkReply } } },
    async (request) => {
      await service.updateTrainee(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    });

  app.post('/api/classes/:id/evaluations',
    { schema: { params: IdParams, body: EvaluationBody, response: { 200: OkReply } } },
    async (request) => service.evaluateLecturer(ctx, requireActor(request), request.params.id, request.body));

  app.get('/api/classes/:id/sessions',
    { schema: { params: IdParams, response: { 200: Type.Object({ items: Type.Array(ClassSession) }) } } },
    async (request) => ({ items: await classSessions(ctx, requireActor(request), request.params.id) }));

  app.post('/api/classes/:id/sessions', { schema: { params: IdParams, body: SessionBody, response: { 200: IdReply } } },
    async (request) => addClassSession(ctx, requireActor(request), request.params.id, request.body));

  app.put('/api/class-sessions/:id/attendance/:traineeId',
    { schema: { params: Type.Object({ id: Type.Integer(), traineeId: Type.Integer() }), body: MarkBody, response: { 200: OkReply } } },
    async (request) => markClassAttendance(ctx, requireActor(request), request.params.id, request.params.traineeId, request.body));

  app.get('/api/my/classes',
    { schema: { response: { 200: Type.Object({ items: Type.Array(MyClass) }) } } },
    async (request) => ({ items: await service.myClasses(ctx, requireActor(request)) }));

  app.get('/api/class-reports', { schema: { querystring: ReportQuery, response: { 200: ClassReport } } }, async (request) => {
    const report = await classReport(ctx, requireActor(request), request.query);
    return { ...report, generatedAt: report.generatedAt.toISOString() };
  });

  for (const format of ['xlsx', 'pdf'] as const) {
    app.get(`/api/class-reports.${format}`, { config: { file: true }, schema: { querystring: ReportQuery } },
      async (request, reply) => {
        const report = await classReport(ctx, requireActor(request), request.query);
        const file = format === 'xlsx' ? await writeClassReportXlsx(report) : await writeClassReportPdf(report);
        return attachment(reply, file, `Báo cáo lớp bồi dưỡng - ${report.unitName} - ${periodLabel(report.period)}.${format}`)
          .header('cache-control', 'no-store');
      });
  }
};
