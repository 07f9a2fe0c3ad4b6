/**
 * A deterministic, invented demonstration province: the Sở, communes/wards (no district level
 * since 1 July 2025), their schools, THPT schools and centres under the Sở, and their staff.
 * Pure logic: the same options give the same output.
 */
import type { Gender, Position, SchoolLevel, UnitKind } from '../roster.ts';
import { fold } from '../text.ts';
import { COMMUNE_NAMES, LEGACY_DISTRICTS, NOTABLE_NAMES, PRESCHOOL_NAMES, districtShortName, randomFullName } from './names.ts';
import { Random, type Weighted } from './random.ts';

export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  schoolLevel: SchoolLevel | null;
  legacyDistrict: string | null;
  parentCode: string | null;
}

export interface DemoPerson {
  fullName: string;
  birthDate: string; // YYYY-MM-DD
  gender: Gender;
  staffId: string;
  citizenId: string;
  unitCode: string;
  position: Position;
  partyMember: boolean;
  partyJoinedOn: string | null;
  theoryLevel: string | null;
  phone: string;
  email: string | null;
}

export interface DemoProvince {
  provinceName: string;
  /** Parents before children; the first is the root Sở. */
  units: DemoUnit[];
  people: DemoPerson[];
}

export interface DemoOptions {
  seed?: number;
  /** Total number of people, exactly (default 10,000). */
  people?: number;
  /** The day ages are counted from (default: now). Pass it for fully reproducible output. */
  today?: Date;
}

export const DEMO_PROVINCE_NAME = 'Sơn Lam';
export const DEMO_EMAIL_DOMAIN = 'example.edu.vn';
const COMMUNE_COUNT = 30;
const THPT_COUNT = 20;
const DEFAULT_PEOPLE = 10_000;
const DEFAULT_SEED = 20250701;

/** What a staffed unit is, for its size, gender mix and roles. */
type Profile = 'department' | 'political_center' | SchoolLevel;
const SIZE: Record<Profile, [number, number]> = {
  department: [40, 40],
  political_center: [8, 12],
  mam_non: [20, 35],
  tieu_hoc: [30, 45],
  thcs: [35, 55],
  lien_cap: [40, 60],
  thpt: [60, 90],
  gdtx: [25, 40],
};
const FEMALE_SHARE: Record<Profile, number> = {
  department: 0.5,
  political_center: 0.45,
  mam_non: 0.96,
  tieu_hoc: 0.8,
  thcs: 0.7,
  lien_cap: 0.74,
  thpt: 0.62,
  gdtx: 0.55,
};
const VICE_HEADS: Record<Profile, [number, number]> = {
  department: [3, 3],
  political_center: [1, 1],
  mam_non: [1, 3],
  tieu_hoc: [1, 3],
  thcs: [2, 3],
  lien_cap: [2, 3],
  thpt: [2, 3],
  gdtx: [1, 2],
};

/** Citizen-id place codes: mostly this province's, some people were born elsewhere. */
const HOME_PLACE_CODE = '026';
const OTHER_PLACE_CODES = ['001', '015', '019', '022', '025', '030', '031', '033', '034', '035', '036', '037', '038', '040'];
const PHONE_PREFIXES = [
  '090',
  '091',
  '093',
  '094',
  '096',
  '097',
  '098',
  '032',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '039',
  '081',
  '082',
  '083',
  '084',
  '085',
  '086',
  '088',
  '070',
  '076',
  '077',
  '078',
  '079',
];
const DAY_MS = 86_400_000;

export function generateDemoProvince(options: DemoOptions = {}): DemoProvince {
  const rng = new Random(options.seed ?? DEFAULT_SEED);
  const today = options.today ?? new Date();
  const total = Math.max(0, Math.floor(options.people ?? DEFAULT_PEOPLE));
  const units = buildUnits(rng);
  const staffed = units.filter((u) => profileOf(u) !== null);
  const sizes = allocate(
    staffed.map((u) => rng.int(...SIZE[profileOf(u)!])),
    total,
  );
  const people = new PeopleFactory(rng, today);
  staffed.forEach((unit, i) => people.fillUnit(unit, profileOf(unit)!, sizes[i]));
  return { provinceName: DEMO_PROVINCE_NAME, units, people: people.people };
}

function profileOf(unit: DemoUnit): Profile | null {
  if (unit.kind === 'department' || unit.kind === 'political_center') return unit.kind;
  return unit.kind === 'school' || unit.kind === 'center' ? unit.schoolLevel : null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function buildUnits(rng: Random): DemoUnit[] {
  const units: DemoUnit[] = [];
  const usedNames = new Set<string>();
  const add = (unit: Omit<DemoUnit, 'legacyDistrict' | 'parentCode'>, legacyDistrict: string | null, parentCode: string | null) => {
    usedNames.add(unit.name);
    units.push({ ...unit, legacyDistrict, parentCode });
  };
  /** An unused name "prefix X": the place itself first (if preferred), else one from the pool. */
  const nameFor = (prefix: string, place: string, pool: readonly string[], placeFirst: boolean) => {
    const own = `${prefix} ${place}`;
    const others = rng.shuffle(pool).map((n) => `${prefix} ${n}`);
    const found = (placeFirst ? [own, ...others] : [...others, own]).find((n) => !usedNames.has(n));
    if (found) return found;
    let i = 2;
    while (usedNames.has(`${own} ${i}`)) i++;
    return `${own} ${i}`;
  };

  add({ code: 'SGD', name: `Sở Giáo dục và Đào tạo tỉnh ${DEMO_PROVINCE_NAME}`, kind: 'department', schoolLevel: null }, null, null);

  rng
    .shuffle(COMMUNE_NAMES)
    .slice(0, COMMUNE_COUNT)
    .forEach((place, i) => {
      const districtIndex = Math.floor((i * LEGACY_DISTRICTS.length) / COMMUNE_COUNT);
      const district = LEGACY_DISTRICTS[districtIndex];
      const isWard = districtIndex === 0 || (district.startsWith('Thị xã') && rng.chance(0.5));
      const code = `X${pad2(i + 1)}`;
      add({ code, name: `${isWard ? 'Phường' : 'Xã'} ${place}`, kind: 'commune', schoolLevel: null }, district, 'SGD');
      const school = (suffix: string, level: SchoolLevel, name: string) =>
        add({ code: `${code}-${suffix}`, name, kind: 'school', schoolLevel: level }, district, code);

      const preschools = rng.chance(0.7) ? 2 : 1;
      for (let k = 1; k <= preschools; k++) {
        school(`MN${k}`, 'mam_non', nameFor('Trường Mầm non', place, PRESCHOOL_NAMES, k === 1 && rng.chance(0.7)));
      }
      const combined = rng.chance(0.15);
      const primaries = !combined && rng.chance(0.6) ? 2 : 1;
      for (let k = 1; k <= primaries; k++) {
        school(`TH${k}`, 'tieu_hoc', nameFor('Trường Tiểu học', place, NOTABLE_NAMES, k === 1 && rng.chance(0.7)));
      }
      if (combined) school('LC', 'lien_cap', nameFor('Trường TH&THCS', place, NOTABLE_NAMES, true));
      else school('THCS', 'thcs', nameFor('Trường THCS', place, NOTABLE_NAMES, rng.chance(0.5)));
    });

  for (let i = 0; i < THPT_COUNT; i++) {
    const code = `THPT${pad2(i + 1)}`;
    const district = LEGACY_DISTRICTS[i % LEGACY_DISTRICTS.length];
    const name =
      i === 0
        ? `Trường THPT Chuyên ${DEMO_PROVINCE_NAME}`
        : nameFor('Trường THPT', districtShortName(district), NOTABLE_NAMES, rng.chance(0.3));
    add({ code, name, kind: 'school', schoolLevel: 'thpt' }, district, 'SGD');
    if (i % 4 === 0) add({ code: `CB-${code}`, name: `Chi bộ ${name}`, kind: 'party_cell', schoolLevel: null }, district, code);
  }
  LEGACY_DISTRICTS.slice(1).forEach((district, i) => {
    const name = `Trung tâm GDNN–GDTX ${districtShortName(district)}`;
    add({ code: `GDTX${pad2(i + 1)}`, name, kind: 'center', schoolLevel: 'gdtx' }, district, 'SGD');
  });
  LEGACY_DISTRICTS.forEach((district, i) => {
    const name = `Trung tâm Chính trị khu vực ${districtShortName(district)}`;
    add({ code: `TTCT${pad2(i + 1)}`, name, kind: 'political_center', schoolLevel: null }, district, 'SGD');
  });
  return units;
}

/** Splits total in proportion to weights, largest remainder, at least 1 each when possible. */
export function allocate(weights: readonly number[], total: number): number[] {
  if (total < weights.length) return weights.map((_, i) => (i < total ? 1 : 0));
  const sum = weights.reduce((a, b) => a + b, 0);
  const quotas = weights.map((w) => (w * total) / sum);
  const sizes = quotas.map((q) => Math.max(1, Math.floor(q)));
  let diff = total - sizes.reduce((a, b) => a + b, 0);
  const byRemainder = quotas.map((_, i) => i).sort((a, b) => quotas[b] - sizes[b] - (quotas[a] - sizes[a]) || a - b);
  for (let k = 0; diff > 0; k = (k + 1) % byRemainder.length, diff--) sizes[byRemainder[k]]++;
  for (; diff < 0; diff++) sizes[sizes.indexOf(Math.max(...sizes))]--;
  return sizes;
}

class PeopleFactory {
  readonly people: DemoPerson[] = [];
  private readonly staffIds = new Set<string>();
  private readonly citizenIds = new Set<string>();
  private readonly phones = new Set<string>();
  private readonly emails = new Set<string>();
  private readonly todayMs: number;

  constructor(
    private readonly rng: Random,
    today: Date,
  ) {
    this.todayMs = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  }

  fillUnit(unit: DemoUnit, profile: Profile, size: number): void {
    const rng = this.rng;
    const [minVice, maxVice] = VICE_HEADS[profile];
    const wantedManagers =
      profile === 'department' ? Math.round(size * 0.3) : 1 + Math.min(rng.int(minVice, maxVice), Math.floor(size / 12));
    const managers = Math.min(size, Math.max(1, wantedManagers));
    const teacherShare =
      profile === 'department' ? 0 : profile === 'political_center' ? 0.65 : profile === 'mam_non' || profile === 'gdtx' ? 0.82 : 0.89;
    for (let i = 0; i < size; i++) {
      const position: Position = i < managers ? 'manager' : rng.chance(teacherShare) ? 'teacher' : 'staff';
      this.people.push(this.person(unit.code, profile, position, i === 0));
    }
  }

  private person(unitCode: string, profile: Profile, position: Position, isHead: boolean): DemoPerson {
    const rng = this.rng;
    const manager = position === 'manager';
    const share = FEMALE_SHARE[profile];
    const gender: Gender = rng.chance(manager && profile !== 'mam_non' ? share - 0.15 : share) ? 'female' : 'male';
    const maxAge = gender === 'female' ? 57 : 60;
    const age = isHead
      ? rng.int(42, maxAge - 2)
      : manager
        ? rng.int(35, maxAge - 1)
        : Math.round(22 + ((rng.next() + rng.next()) / 2) * (maxAge - 22));
    const birthMs = this.birthFor(age);
    const partyChance = manager
      ? profile === 'department' || profile === 'political_center'
        ? 1
        : 0.9
      : profile === 'political_center'
        ? 0.85
        : profile === 'department'
          ? 0.6
          : age < 30
            ? 0.12
            : age < 40
              ? 0.32
              : age < 50
                ? 0.42
                : 0.48;
    const partyMember = rng.chance(partyChance);
    const fullName = randomFullName(rng, gender);
    return {
      fullName,
      birthDate: isoDay(birthMs),
      gender,
      staffId: this.unique(this.staffIds, () => rng.digits(10)),
      citizenId: this.unique(this.citizenIds, () => citizenIdFor(rng, birthMs, gender)),
      unitCode,
      position,
      partyMember,
      partyJoinedOn: partyMember ? this.joinDate(birthMs) : null,
      theoryLevel: rng.weighted(theoryLevels(profile, position, partyMember)),
      phone: this.unique(this.phones, () => rng.pick(PHONE_PREFIXES) + rng.digits(7)),
      email: rng.chance(0.5) ? this.email(fullName, unitCode) : null,
    };
  }

  /** A birthday making the person exactly `age` years old today. */
  private birthFor(age: number): number {
    const t = new Date(this.todayMs);
    return Date.UTC(t.getUTCFullYear() - age, t.getUTCMonth(), t.getUTCDate() - this.rng.int(0, 364));
  }

  /** After the 18th birthday, at least a month ago, usually in the first working years. */
  private joinDate(birthMs: number): string {
    const b = new Date(birthMs);
    const earliest = Date.UTC(b.getUTCFullYear() + 18, b.getUTCMonth(), b.getUTCDate() + 1);
    const latest = Math.max(earliest, this.todayMs - 30 * DAY_MS);
    const early = Math.min(this.rng.next(), this.rng.next());
    return isoDay(earliest + Math.floor(((latest - earliest) / DAY_MS) * early) * DAY_MS);
  }

  private email(fullName: string, unitCode: string): string {
    const words = fold(fullName)
      .replace(/[^a-z ]/g, '')
      .split(' ')
      .filter(Boolean);
    const given = words.pop() ?? 'gv';
    const base = given + words.map((w) => w[0]).join('');
    const tag = unitCode.toLowerCase().replace(/[^a-z0-9]/g, '');
    let n = 1;
    const make = () => `${base}${n === 1 ? '' : n}.${tag}@${DEMO_EMAIL_DOMAIN}`;
    while (this.emails.has(make())) n++;
    const email = make();
    this.emails.add(email);
    return email;
  }

  private unique(taken: Set<string>, make: () => string): string {
    let value = make();
    while (taken.has(value)) value = make();
    taken.add(value);
    return value;
  }
}

/** CCCD: place code, gender/century digit (0/1 in the 1900s, 2/3 in the 2000s), yy, 6 digits. */
function citizenIdFor(rng: Random, birthMs: number, gender: Gender): string {
  const year = new Date(birthMs).getUTCFullYear();
  const centuryDigit = (year < 2000 ? 0 : 2) + (gender === 'female' ? 1 : 0);
  const place = rng.chance(0.8) ? HOME_PLACE_CODE : rng.pick(OTHER_PLACE_CODES);
  return `${place}${centuryDigit}${String(year % 100).padStart(2, '0')}${rng.digits(6)}`;
}

function theoryLevels(profile: Profile, position: Position, party: boolean): Weighted<string | null> {
  if (profile === 'political_center' && position !== 'staff')
    return [
      ['Cao cấp', 5],
      ['Trung cấp', 4],
      ['Sơ cấp', 1],
    ];
  if (position === 'manager') {
    return profile === 'department'
      ? [
          ['Cao cấp', 6],
          ['Trung cấp', 4],
        ]
      : [
          ['Trung cấp', 60],
          ['Cao cấp', 15],
          ['Sơ cấp', 20],
          [null, 5],
        ];
  }
  return party
    ? [
        ['Sơ cấp', 45],
        ['Trung cấp', 8],
        ['Cao cấp', 1],
        [null, 46],
      ]
    : [
        ['Sơ cấp', 8],
        [null, 92],
      ];
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
