/**
 * A year of political centres' classes for the demonstration province: per quarter roughly the mix a district
 * briefing reads out (8 party-admission, 7 new-member, 5 mass-organisation, 5 thematic, 1 propaganda, 3 knowledge
 * update, 11 with the provincial political school: ~40 classes, ~3,000 trainees), spread over the centres.
 * Deterministic for a seed; classes starting after `today` are only planned.
 */
import { randomFullName } from './names.ts';
import { Random } from './random.ts';

/** Class type codes as pre-filled by the migration, with how many classes a quarter. */
export const DEMO_CLASS_MIX: [code: string, perQuarter: number][] = [
  ['KNĐ', 8],
  ['ĐVM', 7],
  ['ĐT', 5],
  ['CĐ', 5],
  ['TG', 1],
  ['CNKT', 3],
  ['PHTCT', 11],
  ['SCLLCT', 1],
];

export interface DemoLecturer {
  centreCode: string;
  fullName: string;
  title: string | null;
  kind: 'full_time' | 'part_time';
  workplace: string | null;
}

export interface DemoClass {
  centreCode: string;
  typeCode: string;
  name: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  plannedTrainees: number;
  /** Trainees typed in: name and workplace. */
  trainees: { fullName: string; workplace: string; completed: boolean; certificateNo: string | null }[];
  /** Indexes into the centre's lecturers. */
  lecturers: number[];
  /** Per lecturer (same order), the trainees' scores 1–5. */
  scores: number[][];
}

const TYPE_TITLES: Record<string, string> = {
  KNĐ: 'Lớp bồi dưỡng nhận thức về Đảng cho đối tượng kết nạp Đảng',
  ĐVM: 'Lớp bồi dưỡng lý luận chính trị cho đảng viên mới',
  ĐT: 'Lớp nghiệp vụ công tác Mặt trận và các đoàn thể',
  CĐ: 'Lớp bồi dưỡng chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  TG: 'Lớp nghiệp vụ công tác tuyên giáo',
  CNKT: 'Lớp cập nhật kiến thức cho cán bộ, đảng viên',
  PHTCT: 'Lớp trung cấp lý luận chính trị (phối hợp Trường Chính trị tỉnh)',
  SCLLCT: 'Lớp sơ cấp lý luận chính trị',
};
const WORKPLACES = [
  'Trường Tiểu học',
  'Trường THCS',
  'Trường Mầm non',
  'UBND xã',
  'Hội Liên hiệp Phụ nữ xã',
  'Đoàn Thanh niên xã',
  'Trạm Y tế xã',
];

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

export function generateDemoClasses(options: {
  centreCodes: string[];
  centreNames: string[];
  communeNames: string[];
  year: number;
  today: Date;
  seed?: number;
}): { lecturers: DemoLecturer[]; classes: DemoClass[] } {
  const rng = new Random(options.seed ?? 2026);
  const lecturers: DemoLecturer[] = [];
  options.centreCodes.forEach((centreCode, c) => {
    for (let i = 0; i < 3; i++) {
      lecturers.push({
        centreCode,
        fullName: randomFullName(rng, rng.chance(0.5) ? 'female' : 'male'),
        title: rng.pick(['ThS.', 'CN.', null]),
        kind: 'full_time',
        workplace: options.centreNames[c],
      });
    }
    for (let i = 0; i < 3; i++) {
      lecturers.push({
        centreCode,
        fullName: randomFullName(rng, rng.chance(0.5) ? 'female' : 'male'),
        title: rng.pick(['ThS.', 'TS.', null]),
        kind: 'part_time',
        workplace: rng.pick(['Ban Tuyên giáo Tỉnh ủy', 'Trường Chính trị tỉnh', 'Sở Giáo dục và Đào tạo', 'Ủy ban MTTQ tỉnh']),
      });
    }
  });
  const todayIso = iso(options.today.getTime());
  const classes: DemoClass[] = [];
  const counter = new Map<string, number>();
  for (let quarter = 0; quarter < 4; quarter++) {
    const quarterStart = Date.UTC(options.year, quarter * 3, 1);
    for (const [typeCode, perQuarter] of DEMO_CLASS_MIX) {
      for (let k = 0; k < perQuarter; k++) {
        const centre = rng.int(0, options.centreCodes.length - 1);
        const centreCode = options.centreCodes[centre];
        const start = quarterStart + rng.int(3, 80) * DAY;
        const days = typeCode === 'PHTCT' || typeCode === 'SCLLCT' ? rng.int(10, 20) : rng.int(2, 5);
        const plannedTrainees = typeCode === 'PHTCT' ? rng.int(60, 110) : rng.int(45, 90);
        const key = `${centreCode}-${typeCode}`;
        counter.set(key, (counter.get(key) ?? 0) + 1);
        const plannedStart = iso(start);
        const opened = plannedStart <= todayIso && rng.chance(0.95);
        const actualStart = opened ? iso(start + rng.int(0, 3) * DAY) : null;
        const actualEnd = actualStart ? iso(Date.parse(actualStart) + days * DAY) : null;
        const finished = actualEnd !== null && actualEnd <= todayIso;
        const count = opened ? Math.max(10, plannedTrainees + rng.int(-15, 10)) : 0;
        const trainees = Array.from({ length: count }, (_, t) => {
          const completed = finished && rng.chance(0.97);
          return {
            fullName: randomFullName(rng, rng.chance(0.6) ? 'female' : 'male'),
            workplace: `${rng.pick(WORKPLACES)} ${rng.pick(options.communeNames)}`,
            completed,
            certificateNo: completed
              ? `${options.year}/${centreCode}-${typeCode}${counter.get(key)}/${String(t + 1).padStart(3, '0')}`
              : null,
          };
        });
        const own = lecturers
          .map((l, i) => ({ l, i }))
          .filter((x) => x.l.centreCode === centreCode)
          .map((x) => x.i);
        const chosen = rng.shuffle(own).slice(0, 2);
        const scores = chosen.map(() =>
          finished
            ? Array.from({ length: Math.min(count, rng.int(8, 15)) }, () =>
                rng.weighted([
                  [5, 6],
                  [4, 3],
                  [3, 1],
                ]),
              )
            : [],
        );
        classes.push({
          centreCode,
          typeCode,
          name: `${TYPE_TITLES[typeCode]}, khóa ${counter.get(key)}/${options.year}`,
          plannedStart,
          plannedEnd: iso(start + days * DAY),
          actualStart,
          actualEnd,
          plannedTrainees,
          trainees,
          lecturers: chosen.map((i) => own.indexOf(i)),
          scores,
        });
      }
    }
  }
  return { lecturers, classes };
}
