/**
 * Deterministic synthetic attempts with a plausible spread, for the benchmark, the tests and demonstration data:
 * abilities vary by person and by unit, questions by difficulty and discrimination (3-parameter logistic model with
 * guessing), wrong answers favour one attractive distractor, a few answers are left blank. Optionally some questions
 * are published with a wrong key, to exercise the mis-key flag and regrading.
 */
import { Random } from '../demo/random.ts';
import { DEFAULT_BANDS, regrade, type Band } from './bands.ts';
import type { GradedAttempt } from './builder.ts';
import { OPTION_LETTERS } from './items.ts';
import type { UnitRow } from './tree.ts';

export interface SyntheticUnit extends UnitRow {
  schoolLevel: string | null;
  /** Shift of its people's mean ability (0 = average). */
  ability: number;
  /** Relative share of the attempts (0 for units without participants of their own). */
  weight: number;
}

export interface SyntheticAssessment {
  /** The key as published (with the mis-keyed questions wrong). */
  key: string;
  /** The key the simulated people actually know. */
  trueKey: string;
  optionCounts: number[];
  difficulty: number[];
  discrimination: number[];
}

export function gaussian(random: Random): number {
  // Box–Muller; 1 − next() avoids log(0)
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

/** 1 department, `communes` communes, schools under them and upper-secondary schools under the department. */
export function syntheticProvince(seed: number, units = 190, communes = 30): SyntheticUnit[] {
  const random = new Random(seed);
  const rows: SyntheticUnit[] = [
    { id: 1, parentId: null, name: 'Sở Giáo dục và Đào tạo', path: '/1/', schoolLevel: null, ability: 0, weight: 0.5 },
  ];
  for (let c = 0; c < communes; c++) {
    const id = rows.length + 1;
    rows.push({ id, parentId: 1, name: `Xã ${c + 1}`, path: `/1/${id}/`, schoolLevel: null, ability: 0, weight: 0 });
  }
  const levels = ['mam_non', 'tieu_hoc', 'thcs', 'thpt', 'gdtx', 'lien_cap'] as const;
  while (rows.length < units) {
    const id = rows.length + 1;
    const level = random.weighted([
      [levels[0], 30],
      [levels[1], 32],
      [levels[2], 25],
      [levels[3], 9],
      [levels[4], 2],
      [levels[5], 2],
    ]);
    const parentId = level === 'thpt' || level === 'gdtx' ? 1 : 2 + random.int(0, communes - 1);
    rows.push({
      id,
      parentId,
      name: `Trường ${id}`,
      path: `${parentId === 1 ? '/1/' : `/1/${parentId}/`}${id}/`,
      schoolLevel: level,
      ability: 0.35 * gaussian(random),
      weight: 20 + random.int(0, 60),
    });
  }
  return rows;
}

export function syntheticAssessment(seed: number, questions = 50, options = 4, miskeyed: readonly number[] = []): SyntheticAssessment {
  const random = new Random(seed);
  const optionCounts = new Array<number>(questions).fill(options);
  const trueKey = optionCounts.map((n) => OPTION_LETTERS[random.int(0, n - 1)]).join('');
  const key = [...trueKey]
    .map((letter, i) => (miskeyed.includes(i) ? OPTION_LETTERS[(OPTION_LETTERS.indexOf(letter) + 1) % options] : letter))
    .join('');
  return {
    key,
    trueKey,
    optionCounts,
    difficulty: optionCounts.map(() => -0.9 + gaussian(random)),
    discrimination: optionCounts.map(() => 0.5 + 1.3 * random.next()),
  };
}

export interface SyntheticAttemptsOptions {
  seed: number;
  count: number;
  assessment: SyntheticAssessment;
  units: readonly SyntheticUnit[];
  variantCodes?: readonly string[];
  decimals?: number;
  bands?: readonly Band[];
}

/** Attempts one at a time (nothing is kept), graded against the published key. */
export function* syntheticAttempts(options: SyntheticAttemptsOptions): Generator<GradedAttempt> {
  const { assessment, units, count } = options;
  const random = new Random(options.seed);
  const variants = options.variantCodes ?? ['101', '102'];
  const bands = options.bands ?? DEFAULT_BANDS;
  const weighted = units.filter((u) => u.weight > 0).map((u) => [u, u.weight] as const);
  const questions = assessment.key.length;
  const chars = new Array<string>(questions);
  for (let k = 0; k < count; k++) {
    const unit = random.weighted(weighted);
    const ability = unit.ability + gaussian(random);
    for (let i = 0; i < questions; i++) {
      const n = assessment.optionCounts[i];
      const guess = 0.8 / n;
      const p = guess + (1 - guess) / (1 + Math.exp(-1.7 * assessment.discrimination[i] * (ability - assessment.difficulty[i])));
      const truth = OPTION_LETTERS.indexOf(assessment.trueKey[i]);
      if (random.next() < p) chars[i] = assessment.trueKey[i];
      else if (random.chance(0.015)) chars[i] = '-';
      else chars[i] = OPTION_LETTERS[(truth + (random.chance(0.5) ? 1 : random.int(1, n - 1))) % n];
    }
    const responses = chars.join('');
    const { score, band } = regrade(responses, assessment.key, questions, options.decimals ?? 2, bands);
    yield {
      unitId: unit.id,
      schoolLevel: unit.schoolLevel,
      position: random.weighted([
        ['teacher', 82],
        ['manager', 9],
        ['staff', 9],
      ] as const),
      partyMember: random.chance(0.45),
      variantCode: random.pick(variants),
      score,
      band,
      responses,
    };
  }
}
