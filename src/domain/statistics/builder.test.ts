import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandOf, BandScheme, DEFAULT_BANDS } from './bands.ts';
import { MAX_VARIANT_GROUPS, regradeAttempt, StatisticsBuilder, type GradedAttempt } from './builder.ts';
import { SummaryAccumulator } from './summary.ts';
import { syntheticAssessment, syntheticAttempts, syntheticProvince } from './synthetic.ts';

const KEY = 'ABCD';
const FACTS = { key: KEY, optionCounts: [4, 4, 4, 4] };

function attempt(overrides: Partial<GradedAttempt> & { responses: string }): GradedAttempt {
  const correct = [...overrides.responses].filter((c, i) => c === KEY[i]).length;
  const score = overrides.score ?? (correct * 10) / 4;
  return {
    unitId: 10,
    schoolLevel: 'thcs',
    position: 'teacher',
    partyMember: false,
    variantCode: '101',
    band: bandOf(score, DEFAULT_BANDS),
    score,
    ...overrides,
  };
}

const units = syntheticProvince(3, 40, 6);
const assessment = syntheticAssessment(5, 20, 4, [3]);
const sample = [...syntheticAttempts({ seed: 9, count: 600, assessment, units, variantCodes: ['101', '102', '103'] })];
const facts = { key: assessment.key, optionCounts: assessment.optionCounts };

function build(attempts: Iterable<GradedAttempt>, f = facts) {
  const builder = new StatisticsBuilder(f);
  for (const a of attempts) builder.add(a);
  return builder;
}

describe('StatisticsBuilder cuts', () => {
  it('groups by school level, position, party membership and variant in a readable order', () => {
    const result = build(
      [
        attempt({ responses: 'ABCD', schoolLevel: 'thpt', position: 'manager', partyMember: true, variantCode: '102' }),
        attempt({ responses: 'ABCA', schoolLevel: 'thcs', variantCode: '1010' }),
        attempt({ responses: 'AB--', schoolLevel: null, position: null, variantCode: '101' }),
        attempt({ responses: 'DDDD', schoolLevel: 'mam_non', position: 'staff', unitId: 11 }),
        attempt({ responses: 'ABCD', schoolLevel: 'trung_cap', position: 'lecturer', partyMember: true, unitId: 11 }),
      ],
      FACTS,
    ).result();
    expect(result.overall).toMatchObject({ took: 5, mean: (10 + 7.5 + 5 + 2.5 + 10) / 5, goodCount: 2 });
    const keysAndTook = (rows: { key: unknown; summary: { took: number } }[]) => rows.map((r) => [r.key, r.summary.took]);
    // the vocabulary's order, then unknown values, then "not recorded"
    expect(keysAndTook(result.bySchoolLevel)).toEqual([
      ['mam_non', 1],
      ['thcs', 1],
      ['thpt', 1],
      ['trung_cap', 1],
      [null, 1],
    ]);
    expect(keysAndTook(result.byPosition)).toEqual([
      ['manager', 1],
      ['teacher', 1],
      ['staff', 1],
      ['lecturer', 1],
      [null, 1],
    ]);
    expect(keysAndTook(result.byPartyMember)).toEqual([
      [true, 2],
      [false, 3],
    ]);
    expect(keysAndTook(result.byVariant!)).toEqual([
      ['101', 3],
      ['102', 1],
      ['1010', 1],
    ]); // numeric order
    expect(keysAndTook(result.byUnit)).toEqual([
      [10, 3],
      [11, 2],
    ]);
    expect(result.bySchoolLevel.find((r) => r.key === 'thpt')!.summary.mean).toBe(10);
    expect(result.byVariant!.find((r) => r.key === '101')!.summary.median).toBe(5);
  });

  it('gives every cut exactly the figures of an accumulator fed that group alone', () => {
    const result = build(sample).result();
    const alone = (pred: (a: GradedAttempt) => boolean) => {
      const acc = new SummaryAccumulator(new BandScheme());
      sample.filter(pred).forEach((a) => acc.add(a));
      return acc.result();
    };
    expect(result.overall).toEqual(alone(() => true));
    for (const row of result.byUnit) expect(row.summary).toEqual(alone((a) => a.unitId === row.key));
    for (const row of result.bySchoolLevel) expect(row.summary).toEqual(alone((a) => a.schoolLevel === row.key));
    for (const row of result.byPosition) expect(row.summary).toEqual(alone((a) => a.position === row.key));
    for (const row of result.byPartyMember) expect(row.summary).toEqual(alone((a) => a.partyMember === row.key));
    for (const row of result.byVariant!) expect(row.summary).toEqual(alone((a) => a.variantCode === row.key));
    for (const cut of [result.byUnit, result.bySchoolLevel, result.byPosition, result.byPartyMember, result.byVariant!]) {
      expect(cut.reduce((n, r) => n + r.summary.took, 0)).toBe(600);
    }
    expect(result.test.attempts).toBe(600);
  });

  it('merging builders of parts equals one builder of everything', () => {
    fc.assert(
      fc.property(fc.nat({ max: 600 }), fc.nat({ max: 600 }), (x, y) => {
        const [a, b] = [x, y].sort((p, q) => p - q);
        const merged = build(sample.slice(0, a))
          .merge(build(sample.slice(a, b)))
          .merge(build(sample.slice(b)));
        expect(merged.result()).toEqual(build(sample).result());
      }),
      { numRuns: 20 },
    );
  });

  it('groups counted once with their size, and the responses apart, equal one attempt at a time', () => {
    const groups = new Map<string, { attempt: GradedAttempt; count: number }>();
    for (const a of sample) {
      const key = [a.unitId, a.schoolLevel, a.position, a.partyMember, a.variantCode, a.score, a.band].join('|');
      const seen = groups.get(key);
      if (seen) seen.count++;
      else groups.set(key, { attempt: a, count: 1 });
    }
    expect(groups.size).toBeLessThan(sample.length);
    const split = new StatisticsBuilder(facts);
    for (const { attempt: a, count } of groups.values()) split.addGroup(a, count);
    for (const a of sample) split.addResponses(a.responses);
    expect(split.result()).toEqual(build(sample).result());
    expect(() => split.addGroup(sample[0], 0)).toThrow();
  });

  it('drops the variant cut when every participant has a variant of their own', () => {
    const many = Array.from({ length: MAX_VARIANT_GROUPS + 1 }, (_, i) => attempt({ responses: 'ABCD', variantCode: String(1000 + i) }));
    expect(build(many.slice(0, MAX_VARIANT_GROUPS), FACTS).result().byVariant).toHaveLength(MAX_VARIANT_GROUPS);
    expect(build(many, FACTS).result().byVariant).toBeNull();
    const half = Math.ceil(many.length / 2);
    expect(
      build(many.slice(0, half), FACTS)
        .merge(build(many.slice(half), FACTS))
        .result().byVariant,
    ).toBeNull();
    expect(build(many, FACTS).result().overall.took).toBe(many.length); // the other figures are all there
  });

  it('has every figure empty, not zero, before anyone has submitted', () => {
    const result = new StatisticsBuilder(FACTS).result();
    expect(result.overall).toMatchObject({ took: 0, mean: null, goodPercent: null });
    expect([result.byUnit, result.bySchoolLevel, result.byPosition, result.byPartyMember, result.byVariant]).toEqual([[], [], [], [], []]);
    expect(result.items.map((i) => [i.facility, i.pointBiserial, i.flags])).toEqual(new Array(4).fill([null, null, []]));
    expect(result.test).toMatchObject({ attempts: 0, kr20: null, semScore: null });
  });

  it('refuses a broken attempt without counting any part of it', () => {
    const builder = build([attempt({ responses: 'ABCD' })], FACTS);
    expect(() => builder.add(attempt({ responses: 'ABCX', unitId: 99 }))).toThrow(/question 4/);
    expect(() => builder.add(attempt({ responses: 'ABCD', unitId: 99, band: 'Tốt' }))).toThrow(/Tốt/);
    expect(() => builder.add(attempt({ responses: 'ABCD', unitId: 99, score: 7.777 }))).toThrow();
    const result = builder.result();
    expect(result.overall.took).toBe(1);
    expect(result.test.attempts).toBe(1);
    expect(result.byUnit.map((r) => r.key)).toEqual([10]);
  });
});

describe('regrading with a corrected key', () => {
  it('the mis-keyed question is flagged; regraded, the flag goes and every score and band follows the new key', () => {
    const before = build(sample).result();
    expect(before.items[3].flags).toContain('likely_miskeyed');
    expect(before.items.filter((i) => i.flags.includes('likely_miskeyed')).map((i) => i.index)).toEqual([3]);

    const corrected = sample.map((a) => regradeAttempt(a, assessment.trueKey, 2));
    const after = build(corrected, { key: assessment.trueKey, optionCounts: assessment.optionCounts }).result();
    expect(after.items[3].flags).not.toContain('likely_miskeyed');
    expect(after.items[3].pointBiserial!).toBeGreaterThan(0.2);
    expect(after.overall.mean!).toBeGreaterThan(before.overall.mean!);
    expect(after.test.kr20!).toBeGreaterThan(before.test.kr20!);
    const changed = corrected.filter((a, k) => a.score !== sample[k].score);
    // exactly those whose answer to question 4 matched one key and not the other
    expect(changed.length).toBe(
      sample.filter((a) => a.responses[3] === assessment.key[3] || a.responses[3] === assessment.trueKey[3]).length,
    );
    for (const a of corrected) expect(a.band).toBe(bandOf(a.score, DEFAULT_BANDS));
  });
});
