import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { periodLabel } from '../../../domain/training/class-report.ts';
import type { AppContext } from '../../context.ts';
import { attachment } from '../../files/attachment.ts';
import { requireActor } from '../../plugins/auth.ts';
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

export async function classRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/class-types', async (request) => ({ items: await service.listClassTypes(ctx, requireActor(request)) }));

  app.post<{ Body: { code: string; name: string } }>('/api/class-types',
    { schema: { body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }), name: Type.String({ minLength: 1, maxLength: 200 }) }) } },
    async (request) => service.createClassType(ctx, requireActor(request), request.body));

  app.patch<{ Params: IdParams; Body: { name?: string; active?: boolean } }>('/api/class-types/:id',
    { schema: { params: IdParams, body: Type.Object({ name: Type.Optional(Type.String({ maxLength: 200 })), active: Type.Optional(Type.Boolean()) }) } },
    async (request) => {
      await service.updateClassType(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    });

  app.get<{ Querystring: Static<typeof ListQuery> }>('/api/classes', { schema: { querystring: ListQuery } },
    async (request) => ({ items: await service.listClasses(ctx, requireActor(request), request.query) }));

  app.post<{ Body: Static<typeof ClassBody> }>('/api/classes', { schema: { body: ClassBody } },
    async (request) => service.createClass(ctx, requireActor(request), request.body));

  app.get<{ Params: IdParams }>('/api/classes/:id', { schema: { params: IdParams } },
    async (request) => service.getClass(ctx, requireActor(request), request.params.id));

  app.patch<{ Params: IdParams; Body: Static<typeof UpdateClassBody> }>('/api/classes/:id', { schema: { params: IdParams, body: UpdateClassBody } },
    async (request) => {
      await service.updateClass(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    });

  app.put<{ Params: IdParams; Body: { lecturerIds: number[] } }>('/api/classes/:id/lecturers',
    { schema: { params: IdParams, body: Type.Object({ lecturerIds: Type.Array(Type.Integer(), { maxItems: 100 }) }) } }, async (request) => {
      await service.setClassLecturers(ctx, requireActor(request), request.params.id, request.body.lecturerIds);
      return { ok: true };
    });

  app.post<{ Params: IdParams; Body: Static<typeof TraineesBody> }>('/api/classes/:id/trainees', { schema: { params: IdParams, body: TraineesBody } },
    async (request) => service.addTrainees(ctx, requireActor(request), request.params.id, request.body));

  app.patch<{ Params: IdParams; Body: Static<typeof TraineeBody> }>('/api/class-trainees/:id', { schema: { params: IdParams, body: TraineeBody } },
    async (request) => {
      await service.updateTrainee(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    });

  app.post<{ Params: IdParams; Body: Static<typeof EvaluationBody> }>('/api/classes/:id/evaluations',
    { schema: { params: IdParams, body: EvaluationBody } },
    async (request) => service.evaluateLecturer(ctx, requireActor(request), request.params.id, request.body));

  app.get<{ Params: IdParams }>('/api/classes/:id/sessions', { schema: { params: IdParams } },
    async (request) => ({ items: await classSessions(ctx, requireActor(request), request.params.id) }));

  app.post<{ Params: IdParams; Body: Static<typeof SessionBody> }>('/api/classes/:id/sessions', { schema: { params: IdParams, body: SessionBody } },
    async (request) => addClassSession(ctx, requireActor(request), request.params.id, request.body));

  app.put<{ Params: { id: number; traineeId: number }; Body: Static<typeof MarkBody> }>('/api/class-sessions/:id/attendance/:traineeId',
    { schema: { params: Type.Object({ id: Type.Integer(), traineeId: Type.Integer() }), body: MarkBody } },
    async (request) => markClassAttendance(ctx, requireActor(request), request.params.id, request.params.traineeId, request.body));

  app.get('/api/my/classes', async (request) => ({ items: await service.myClasses(ctx, requireActor(request)) }));

  app.get<{ Querystring: Static<typeof ReportQuery> }>('/api/class-reports', { schema: { querystring: ReportQuery } },
    async (request) => classReport(ctx, requireActor(request), request.query));

  for (const format of ['xlsx', 'pdf'] as const) {
    app.get<{ Querystring: Static<typeof ReportQuery> }>(`/api/class-reports.${format}`, { schema: { querystring: ReportQuery } },
      async (request, reply) => {
        const report = await classReport(ctx, requireActor(request), request.query);
        const file = format === 'xlsx' ? await writeClassReportXlsx(report) : await writeClassReportPdf(report);
        return attachment(reply, file, `Báo cáo lớp bồi dưỡng - ${report.unitName} - ${periodLabel(report.period)}.${format}`)
          .header('cache-control', 'no-store');
      });
  }
}
