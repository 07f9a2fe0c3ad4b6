import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable } from '../../lib/nullable.ts';
import { replyOf } from '../../lib/schemas.ts';
import type { classReport } from './report-service.ts';

const Str = Nullable(Type.String());

export const ClassType = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), active: Type.Boolean() });
export type ClassType = Static<typeof ClassType>;

const ClassFields = {
  id: Type.Integer(),
  name: Type.String(),
  typeId: Type.Integer(),
  typeName: Type.String(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  plannedStart: Type.String(),
  plannedEnd: Str,
  actualStart: Str,
  actualEnd: Str,
  plannedTrainees: Nullable(Type.Integer()),
  canManage: Type.Boolean(),
};
export const ClassSummary = Type.Object({ ...ClassFields, trainees: Type.Integer(), completed: Type.Integer() });
export type ClassSummary = Static<typeof ClassSummary>;
export const ClassDetail = Type.Object({
  ...ClassFields,
  location: Str,
  notes: Str,
  lecturers: Type.Array(
    Type.Object({
      id: Type.Integer(),
      fullName: Type.String(),
      title: Str,
      kind: Type.String(),
      evaluations: Type.Integer(),
      average: Nullable(Type.Number()),
    }),
  ),
  trainees: Type.Array(
    Type.Object({
      id: Type.Integer(),
      personId: Nullable(Type.Integer()),
      fullName: Type.String(),
      workplace: Str,
      completed: Type.Boolean(),
      certificateNo: Str,
    }),
  ),
});
export type ClassDetail = Static<typeof ClassDetail>;

export const ClassSession = Type.Object({
  id: Type.Integer(),
  date: Type.String(),
  half: Type.String(),
  topic: Str,
  lecturerId: Nullable(Type.Integer()),
  lecturerName: Str,
  marks: Type.Array(Type.Object({ traineeId: Type.Integer(), status: Type.String(), reason: Str })),
});

export const MyClass = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  typeName: Type.String(),
  unitName: Type.String(),
  actualStart: Str,
  actualEnd: Str,
  completed: Type.Boolean(),
  certificateNo: Str,
  lecturers: Type.Array(Type.Object({ id: Type.Integer(), fullName: Type.String(), myScore: Nullable(Type.Integer()) })),
});
export type MyClass = Static<typeof MyClass>;

type Report = Awaited<ReturnType<typeof classReport>>;
const Int = Type.Integer();
const Counts = {
  plannedClasses: Int,
  openedClasses: Int,
  plannedTrainees: Int,
  trainees: Int,
  completed: Int,
  certificates: Int,
};
/** The quarterly or yearly report (domain/training/class-report.ts) with the unit's name; `generatedAt` as ISO text. */
export const ClassReport = replyOf<Omit<Report, 'generatedAt'> & { generatedAt: string }>()(
  Type.Object({
    period: Type.Object({
      year: Int,
      quarter: Type.Optional(Type.Integer()),
      from: Type.String(),
      to: Type.String(),
    }),
    rows: Type.Array(Type.Object({ typeId: Int, typeName: Type.String(), ...Counts })),
    total: Type.Object(Counts),
    lecturers: Type.Array(
      Type.Object({
        lecturerId: Int,
        lecturerName: Type.String(),
        lecturerKind: Type.String(),
        classes: Int,
        evaluations: Int,
        average: Nullable(Type.Number()),
      }),
    ),
    summary: Type.String(),
    unitName: Type.String(),
    generatedAt: Type.String(),
  }),
);
export type ClassReport = Static<typeof ClassReport>;

// Requests.
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const OptionalDate = Type.Optional(Type.Union([IsoDate, Type.Null()]));
const Text = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
export const ClassBody = Type.Object({
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
export const UpdateClassBody = Type.Partial(Type.Omit(ClassBody, ['unitId']));
export const TraineesBody = Type.Object({
  personIds: Type.Optional(Type.Array(Type.Integer(), { maxItems: 5000 })),
  entries: Type.Optional(Type.Array(Type.Object({ fullName: Type.String({ maxLength: 200 }), workplace: Text(300) }), { maxItems: 5000 })),
});
export const TraineeBody = Type.Object({ completed: Type.Optional(Type.Boolean()), certificateNo: Text(50) });
export const EvaluationBody = Type.Object({
  lecturerId: Type.Integer(),
  score: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Text(1000),
});
export const ReportQuery = Type.Object({
  unitId: Type.Optional(Type.Integer()),
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  quarter: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
});
export const SessionBody = Type.Object({
  date: IsoDate,
  half: Type.Union([Type.Literal('morning'), Type.Literal('afternoon')]),
  topic: Text(300),
  lecturerId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
});
export const MarkBody = Type.Object({
  status: Type.Union([Type.Literal('present'), Type.Literal('late'), Type.Literal('absent')]),
  reason: Text(200),
});
export const ListQuery = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }), unitId: Type.Optional(Type.Integer()) });
export type ClassBody = Static<typeof ClassBody>;
export type UpdateClassBody = Static<typeof UpdateClassBody>;
export type TraineesBody = Static<typeof TraineesBody>;
export type TraineeBody = Static<typeof TraineeBody>;
export type ReportQuery = Static<typeof ReportQuery>;
