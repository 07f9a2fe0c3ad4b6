/**
 * The year-end sheet of a unit for a campaign: every person with the survey result and band, the attendance of the
 * campaign's sessions and the centre classes of the school year — the list a principal attaches to the year-end
 * evaluation. Where the survey has closed, the people are its frozen population (population module).
 */
import type { ScoringRule } from '../../../domain/assessment/scoring.ts';
import { formatDateTimeVi } from '../../../domain/datetime.ts';
import { attendanceRate, meetsAttendanceRule } from '../../../domain/training/attendance.ts';
import { schoolYearSpan } from '../../../domain/training/school-year.ts';
import { positionLabel } from '../../../domain/statistics/index.ts';
import type { AppContext } from '../../context.ts';
import { ensurePopulationFrozen } from '../population/service.ts';
import type { CampaignRow } from '../campaigns/repository.ts';
import type { UnitRow } from '../../db/schema.ts';
import * as repo from './repository.ts';

export interface YearEndRow {
  fullName: string;
  birthYear: string;
  unitName: string;
  position: string;
  partyMember: boolean;
  score: number | null;
  band: string;
  /** 'Không làm bài' for a person who had to take the survey and did not; '' otherwise. */
  surveyNote: string;
  /** null: the person has no site in the campaign. */
  sessions: number | null;
  attended: number;
  attendancePercent: number | null;
  /** Against the campaign's attendance rule; null when the campaign has none. */
  attendanceMet: boolean | null;
  classes: string;
}

export interface YearEndSheet {
  /** The body above the unit (the line over the unit's name in the official header). */
  issuer: string;
  unitName: string;
  campaignName: string;
  schoolYear: string;
  /** The place on the date line ("Bình Minh, ngày … tháng … năm …"). */
  place: string;
  generatedAt: string;
  survey: { title: string; closesAt: string; official: boolean; regradedAt: string | null; decimals: number; bands: string[] } | null;
  attendanceRequiredPercent: number | null;
  notes: string[];
  rows: YearEndRow[];
  totals: { people: number; took: number; bands: { label: string; count: number }[]; attendanceMet: number; classesCompleted: number };
}

const PLACE_PREFIX = /^(xã|phường|thị trấn|thành phố|tp\.?|huyện|thị xã|tỉnh)\s+/iu;

function classText(list: { name: string; completed: boolean; certificateNo: string | null }[] | undefined): string {
  if (!list?.length) return '';
  return list
    .map((c) =>
      c.completed ? `Hoàn thành: ${c.name}${c.certificateNo ? ` (GCN số ${c.certificateNo})` : ''}` : `Chưa hoàn thành: ${c.name}`,
    )
    .join('; ');
}

export async function yearEndSheet(ctx: AppContext, campaign: CampaignRow, unit: UnitRow): Promise<YearEndSheet> {
  const notes: string[] = [];
  const survey = await repo.surveyOfCampaign(ctx.db, campaign.id);
  let people: repo.SheetPersonRow[];
  let official = false;
  if (survey) {
    official = await ensurePopulationFrozen(ctx, survey);
    people = official ? await repo.frozenPeopleOf(ctx.db, survey.id, unit.path) : await repo.eligiblePeopleOf(ctx.db, survey.id, unit.path);
    notes.push(
      official
        ? `Kết quả khảo sát "${survey.title}" là số liệu chính thức: danh sách người phải làm bài được chốt khi đóng bài (${formatDateTimeVi(survey.closes_at)}).`
        : `Bài khảo sát "${survey.title}" chưa đóng (đóng lúc ${formatDateTimeVi(survey.closes_at)}): kết quả chưa phải số liệu chính thức.`,
    );
    if (survey.regraded_at) notes.push(`Điểm đã được tính lại sau khi sửa đáp án (${formatDateTimeVi(survey.regraded_at)}).`);
  } else {
    people = await repo.activePeopleOf(ctx.db, unit.path);
    notes.push('Đợt bồi dưỡng chưa có bài khảo sát đã phát hành: cột kết quả khảo sát để trống.');
  }
  const ids = people.map((p) => p.id);
  const span = schoolYearSpan(campaign.school_year);
  if (!span) {
    notes.push(
      `Không đọc được năm học "${campaign.school_year}" của đợt (cần dạng 2025–2026) nên không liệt kê lớp bồi dưỡng tại trung tâm.`,
    );
  }
  const [results, attendance, classes, ancestors] = await Promise.all([
    survey
      ? repo.countedResults(ctx.db, survey.id, ids)
      : Promise.resolve(new Map<number, { score: number | null; band: string | null }>()),
    repo.attendanceOf(ctx.db, campaign.id, ids),
    span ? repo.classesOf(ctx.db, ids, span.from, span.to) : Promise.resolve(new Map<number, never[]>()),
    repo.ancestorsOf(ctx.db, unit.path),
  ]);
  const required = campaign.attendance_required_percent;
  const scoring = survey ? (JSON.parse(survey.scoring_json) as ScoringRule) : null;
  const rows: YearEndRow[] = people.map((p) => {
    const result = results.get(p.id);
    const marks = attendance.get(p.id);
    const sessions = marks ? marks.sessions : null;
    const attended = marks?.attended ?? 0;
    return {
      fullName: p.full_name,
      birthYear: p.birth_date?.slice(0, 4) ?? '',
      unitName: p.unit_name,
      position: positionLabel(p.position),
      partyMember: p.party_member === 1,
      score: result?.score ?? null,
      band: result?.band ?? '',
      surveyNote: survey && !result ? 'Không làm bài' : '',
      sessions,
      attended,
      attendancePercent: sessions ? attendanceRate({ expected: sessions, present: attended, late: 0 }) : null,
      attendanceMet: required === null ? null : meetsAttendanceRule(required, sessions, attended),
      classes: classText(classes.get(p.id)),
    };
  });
  const commune = ancestors.find((a) => a.kind === 'commune');
  const parent = ancestors[1];
  const bandCounts = new Map((scoring?.bands ?? []).map((b) => [b.label, 0]));
  for (const r of rows) if (r.band) bandCounts.set(r.band, (bandCounts.get(r.band) ?? 0) + 1);
  return {
    issuer: parent?.name ?? '',
    unitName: unit.name,
    campaignName: campaign.name,
    schoolYear: span?.label ?? campaign.school_year,
    place: commune ? commune.name.replace(PLACE_PREFIX, '') : '……………',
    generatedAt: ctx.clock.now().toISOString(),
    survey:
      survey && scoring
        ? {
            title: survey.title,
            closesAt: survey.closes_at,
            official,
            regradedAt: survey.regraded_at,
            decimals: scoring.decimals,
            bands: scoring.bands.map((b) => b.label),
          }
        : null,
    attendanceRequiredPercent: required,
    notes,
    rows,
    totals: {
      people: rows.length,
      took: rows.filter((r) => r.score !== null).length,
      bands: [...bandCounts].map(([label, count]) => ({ label, count })),
      attendanceMet: rows.filter((r) => r.attendanceMet === true).length,
      classesCompleted: people.filter((p) => classes.get(p.id)?.some((c) => c.completed)).length,
    },
  };
}
