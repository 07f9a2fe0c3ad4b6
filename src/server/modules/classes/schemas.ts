import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable } from '../../lib/nullable.ts';
import { replyOf } from '../../lib/schemas.ts';
import type { classReport } from './report-service.ts';

const Str = Nullable(Type.String());

export const ClassType = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), active: Type.Boolean() });
export type ClassType = Static<typeof ClassType>;

const ClassFields = {
  id: Type.Integer(), name: Type.String(), typeId: Type.Integer(), typeName: Type.String(), unitId: Type.Integer(), unitName: Type.String(),
  plannedStart: Type.String(), plannedEnd: Str, actualStart: Str, actualEnd: Str, plannedTrainees: Nullable(Type.Integer()),
  canManage: Type.Boolean(),
};
export const ClassSummary = Type.Object({ ...ClassFields, trainees: Type.Integer(), completed: Type.Integer() });
export type ClassSummary = Static<typeof ClassSummary>;
export const ClassDetail = Type.Object({
  ...ClassFields, location: Str, notes: Str,
  lecturers: Type.Array(Type.Object({
    id: Type.Integer(), fullName: Type.String(), title: Str, kind: Type.String(), evaluations: Type.Integer(), average: Nullable(Type.Number()),
  })),
  trainees: Type.Array(Type.Object({
    id: Type.Integer(), personId: Nullable(Type.Integer()), fullName: Type.String(), workplace: Str, completed: Type.Boolean(),
    certificateNo: Str,
  })),
});
export type ClassDetail = Static<typeof ClassDetail>;

export const ClassSession = Type.Object({
  id: Type.Integer(), date: Type.String(), half: Type.String(), topic: Str, lecturerId: Nullable(Type.Integer()), lecturerName: Str,
  marks: Type.Array(Type.Object({ traineeId: Type.Integer(), status: Type.String(), reason: Str })),
});

export const MyClass = Type.Object({
  id: Type.Integer(), name: Type.String(), typeName: Type.String(), unitName: Type.String(), actualStart: Str, actualEnd: Str,
  completed: Type.Boolean(), certificateNo: Str,
  lecturers: Type.Array(Type.Object({ id: Type.Integer(), fullName: Type.String(), myScore: Nullable(Type.Integer()) })),
});
export type MyClass = Static<typeof MyClass>;

type Report = Awaited<ReturnType<typeof classReport>>;
const Int = Type.Integer();
const Counts = {
  plannedClasses: Int, openedClasses: Int, plannedTrainees: Int, trainees: Int, completed: Int, certificates: Int,
};
/** The quarterly or yearly report (domain/training/class-report.ts) with the unit's name; `generatedAt` as ISO text. */
export const ClassReport = replyOf<Omit<Report, 'generatedAt'> & { generatedAt: string }>()(Type.Object({
  period: Type.Object({
    year: Int, quarter: Type.Optional(Type.Integer()), from: Type.String(), to: Type.String(),
  }),
  rows: Type.Array(Type.Object({ typeId: Int, typeName: Type.String(), ...Counts })),
  total: Type.Object(Counts),
  lecturers: Type.Array(Type.Object({
    lecturerId: Int, lecturerName: Type.String(), lecturerKind: Type.String(), classes: Int, evaluations: Int,
    average: Nullable(Type.Number()),
  })),
  summary: Type.String(),
  unitName: Type.String(),
  generatedAt: Type.String(),
}));
export type ClassReport = Static<typeof ClassReport>;
