/** The quarterly / yearly report of political centres' classes: pure arithmetic over plain rows. */
import { formatNumberVi } from '../text.ts';

export interface ReportPeriod {
  year: number;
  /** 1–4, or undefined for the whole year. */
  quarter?: number;
  from: string;
  to: string;
}

export function reportPeriod(year: number, quarter?: number): ReportPeriod {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new RangeError('year');
  if (quarter !== undefined && (!Number.isInteger(quarter) || quarter < 1 || quarter > 4)) throw new RangeError('quarter');
  const firstMonth = quarter ? (quarter - 1) * 3 + 1 : 1;
  const lastMonth = quarter ? firstMonth + 2 : 12;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { year, quarter, from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

const ROMAN = ['I', 'II', 'III', 'IV'];
export function periodLabel(p: ReportPeriod): string {
  return p.quarter ? `Quý ${ROMAN[p.quarter - 1]} năm ${p.year}` : `Năm ${p.year}`;
}

export interface ReportClass {
  id: number;
  typeId: number;
  plannedStart: string;
  actualStart: string | null;
  plannedTrainees: number | null;
  trainees: number;
  completed: number;
  certificates: number;
}

export interface ReportType {
  id: number;
  name: string;
}

export interface ReportEvaluation {
  lecturerId: number;
  lecturerName: string;
  lecturerKind: string;
  classId: number;
  score: number;
}

export interface TypeRow {
  typeId: number;
  typeName: string;
  plannedClasses: number;
  openedClasses: number;
  plannedTrainees: number;
  trainees: number;
  completed: number;
  certificates: number;
}

export interface LecturerRow {
  lecturerId: number;
  lecturerName: string;
  lecturerKind: string;
  classes: number;
  evaluations: number;
  average: number | null;
}

export interface ClassReport {
  period: ReportPeriod;
  rows: TypeRow[];
  total: Omit<TypeRow, 'typeId' | 'typeName'>;
  lecturers: LecturerRow[];
  summary: string;
}

const within = (date: string | null, p: ReportPeriod) => date !== null && date >= p.from && date <= p.to;

/**
 * Per class type: classes planned in the period (by planned start) and opened in it (by actual start), their
 * planned and actual trainees ("lượt học viên"), completions and certificates; lecturers' average evaluation over
 * classes opened in the period.
 */
export function buildClassReport(
  period: ReportPeriod,
  types: ReportType[],
  classes: ReportClass[],
  evaluations: ReportEvaluation[],
): ClassReport {
  const rows: TypeRow[] = types.map((t) => {
    const planned = classes.filter((c) => c.typeId === t.id && within(c.plannedStart, period));
    const opened = classes.filter((c) => c.typeId === t.id && within(c.actualStart, period));
    return {
      typeId: t.id,
      typeName: t.name,
      plannedClasses: planned.length,
      openedClasses: opened.length,
      plannedTrainees: planned.reduce((n, c) => n + (c.plannedTrainees ?? 0), 0),
      trainees: opened.reduce((n, c) => n + c.trainees, 0),
      completed: opened.reduce((n, c) => n + c.completed, 0),
      certificates: opened.reduce((n, c) => n + c.certificates, 0),
    };
  });
  const sum = (key: keyof Omit<TypeRow, 'typeId' | 'typeName'>) => rows.reduce((n, r) => n + r[key], 0);
  const total = {
    plannedClasses: sum('plannedClasses'),
    openedClasses: sum('openedClasses'),
    plannedTrainees: sum('plannedTrainees'),
    trainees: sum('trainees'),
    completed: sum('completed'),
    certificates: sum('certificates'),
  };
  const openedIds = new Set(classes.filter((c) => within(c.actualStart, period)).map((c) => c.id));
  const byLecturer = new Map<number, LecturerRow & { sum: number; classIds: Set<number> }>();
  for (const e of evaluations) {
    if (!openedIds.has(e.classId)) continue;
    const row = byLecturer.get(e.lecturerId) ?? {
      lecturerId: e.lecturerId,
      lecturerName: e.lecturerName,
      lecturerKind: e.lecturerKind,
      classes: 0,
      evaluations: 0,
      average: null,
      sum: 0,
      classIds: new Set<number>(),
    };
    row.evaluations += 1;
    row.sum += e.score;
    row.classIds.add(e.classId);
    byLecturer.set(e.lecturerId, row);
  }
  const lecturers = [...byLecturer.values()]
    .map(({ sum: s, classIds, ...r }) => ({
      ...r,
      classes: classIds.size,
      average: r.evaluations ? Math.round((s / r.evaluations) * 100) / 100 : null,
    }))
    .sort((a, b) => a.lecturerName.localeCompare(b.lecturerName, 'vi'));
  return { period, rows, total, lecturers, summary: summarySentence(period, rows, total) };
}

/** "Quý I năm 2026: mở 40 lớp, 2.987 lượt học viên; trong đó Bồi dưỡng đối tượng kết nạp Đảng 8 lớp, …" */
export function summarySentence(
  period: ReportPeriod,
  rows: TypeRow[],
  total: { openedClasses: number; trainees: number; plannedClasses: number },
): string {
  const head =
    `${periodLabel(period)}: mở ${formatNumberVi(total.openedClasses)} lớp (kế hoạch ${formatNumberVi(total.plannedClasses)}), `
    + `${formatNumberVi(total.trainees)} lượt học viên`;
  const parts = rows
    .filter((r) => r.openedClasses > 0)
    .map((r) => `${r.typeName.charAt(0).toLowerCase()}${r.typeName.slice(1)} ${formatNumberVi(r.openedClasses)} lớp`);
  return parts.length ? `${head}; trong đó ${parts.join(', ')}.` : `${head}.`;
}
