import { Type, type Static } from '@sinclair/typebox';
import { POSITIONS, SCHOOL_LEVELS } from '../../../domain/roster.ts';

export const ResultsQuery = Type.Object({
  unitId: Type.Optional(Type.Integer()),
  schoolLevel: Type.Optional(Type.Union(SCHOOL_LEVELS.map((l) => Type.Literal(l)))),
  position: Type.Optional(Type.Union(POSITIONS.map((p) => Type.Literal(p)))),
  partyMember: Type.Optional(Type.Boolean()),
  band: Type.Optional(Type.String({ maxLength: 50 })),
  variant: Type.Optional(Type.String({ maxLength: 40 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  sort: Type.Optional(Type.Union([Type.Literal('name'), Type.Literal('score'), Type.Literal('unit'), Type.Literal('submitted')])),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export type ResultsQuery = Static<typeof ResultsQuery>;
