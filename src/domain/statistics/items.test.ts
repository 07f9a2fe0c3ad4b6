import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ItemAnalysisAccumulator, OPTION_LETTERS } from './items.ts';

function analyse(key: string, optionCounts: number[], responses: readonly string[]) {
  const acc = new ItemAnalysisAccumulator(key, optionCounts);
  for (const r of responses) acc.add(r);
  return acc.result();
}

/** 0/1 rows → responses: 1 is the key 'A', 0 the wrong option 'B'. */
const fromScored = (rows: readonly (readonly number[])[]) => rows.map((row) => row.map((x) => (x ? 'A' : 'B')).join(''));

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: readonly number[]) => mean(xs.map((x) => (x - mean(xs)) ** 2));
function pearson(x: readonly number[], y: readonly number[]): number | null {
  const mx = mean(x);
  const my = mean(y);
  let cov = 0;
  x.forEach((xi, i) => {
    cov += (xi - mx) * (y[i] - my);
  });
  const denominator = Math.sqrt(variance(x) * variance(y)) * x.length;
  return denominator > 1e-12 ? cov / denominator : null;
}

describe('item analysis by hand', () => {
  // 3 questions (4, 4 and 2 options), key A B A; totals 3, 2, 1, 2, 0
  const result = analyse('ABA', [4, 4, 2], ['ABA', 'ABB', 'AC-', 'CBA', 'D-B']);
  const [q1, q2, q3] = result.items;

  it('facility, option counts and shares (adding up to 100,00 with omitted)', () => {
    expect([q1.facility, q2.facility, q3.facility]).toEqual([0.6, 0.6, 0.4]);
    expect(q1.options.map((o) => [o.letter, o.count, o.percent, o.isKey])).toEqual([
      ['A', 3, 60, true],
      ['B', 0, 0, false],
      ['C', 1, 20, false],
      ['D', 1, 20, false],
    ]);
    expect(q1.omitted).toMatchObject({ letter: '-', count: 0, percent: 0 });
    expect(q2.omitted).toMatchObject({ count: 1, percent: 20 });
    expect(q3.options.map((o) => o.letter)).toEqual(['A', 'B']); // only the options the question has
  });

  it('corrected point-biserial: item against the total without it', () => {
    // q1: rest scores 2 1 0 2 0, x 1 1 1 0 0: covariance 0
    expect(q1.pointBiserial).toBe(0);
    // q2: rest 2 1 1 1 0, x 1 1 0 1 0: cov 0,2, var x 0,24, var rest 0,4 → 0,2 ÷ √0,096
    expect(q2.pointBiserial).toBeCloseTo(0.2 / Math.sqrt(0.096), 12); // 0,6455
    // q3: rest 2 2 1 1 0, x 1 0 0 1 0: cov 0,12, var rest 0,56 → 0,12 ÷ √0,1344
    expect(q3.pointBiserial).toBeCloseTo(0.12 / Math.sqrt(0.1344), 12); // 0,3273
  });

  it('upper and lower 27% with the tie at the boundary shared fractionally', () => {
    // 0,27 × 5 = 1,35 attempts per group. Upper: total 3 (1 attempt, whole) + 0,35 of the two attempts totalling 2,
    // each weighing 0,175. Lower: total 0 (whole) + the attempt totalling 1 at 0,35.
    expect(q1.upperCorrect).toBeCloseTo((1 + 0.175) / 1.35, 12); // 0,8704
    expect(q1.lowerCorrect).toBeCloseTo(0.35 / 1.35, 12); // 0,2593
    expect(q1.upperLower).toBeCloseTo(0.825 / 1.35, 12);
    expect(q2.upperCorrect).toBeCloseTo(1, 12);
    expect(q2.lowerCorrect).toBe(0);
    expect(q3.options[1].upperShare).toBeCloseTo(0.175 / 1.35, 12); // B, by one of the tied attempts
    expect(q3.options[1].lowerShare).toBeCloseTo(1 / 1.35, 12);
    expect(q3.omitted.lowerShare).toBeCloseTo(0.35 / 1.35, 12);
  });

  it('flags and whole-test figures', () => {
    expect(q1.flags).toEqual(['weak_discrimination']);
    expect(q2.flags).toEqual([]);
    expect(q3.flags).toEqual([]);
    const t = result.test;
    expect(t).toMatchObject({ attempts: 5, questions: 3, meanCorrect: 1.6, correctDistribution: [1, 1, 2, 1] });
    expect(t.sdCorrect).toBeCloseTo(Math.sqrt(1.04), 12);
    const kr20 = 1.5 * (1 - 0.72 / 1.04); // 3/2 × (1 − Σpq ÷ σ²), Σpq = 3 × 0,24
    expect(t.kr20).toBeCloseTo(kr20, 12); // 0,4615
    expect(t.semCorrect).toBeCloseTo(Math.sqrt(1.04) * Math.sqrt(1 - kr20), 12); // 0,7483
    expect(t.semScore).toBeCloseTo((Math.sqrt(1.04) * Math.sqrt(1 - kr20) * 10) / 3, 12);
  });
});

describe('KR-20 and point-biserial on published examples', () => {
  it('Wuensch, "The Kuder-Richardson 20" (East Carolina University, StatHelp KR20.txt): 10 students × 10 items', () => {
    // Published: totals 8 7 7 2 2 9 8 9 7 7; p = .7 .7 .6 .7 .6 .8 .7 .7 .5 .6; Σpq = 2,18; variance of totals 5,84.
    // KR-20 = 10/9 × (1 − 2,18 ÷ 5,84) = 0,6963.
    const rows = [
      [1, 1, 1, 1, 1, 1, 0, 1, 1, 0],
      [1, 0, 1, 1, 0, 1, 1, 1, 0, 1],
      [1, 1, 1, 1, 0, 1, 1, 0, 0, 1],
      [0, 0, 1, 0, 0, 0, 1, 0, 0, 0],
      [0, 0, 0, 0, 0, 1, 0, 0, 1, 0],
      [1, 1, 1, 0, 1, 1, 1, 1, 1, 1],
      [1, 1, 0, 1, 1, 1, 0, 1, 1, 1],
      [1, 1, 1, 1, 1, 1, 1, 1, 0, 1],
      [0, 1, 0, 1, 1, 1, 1, 1, 0, 1],
      [1, 1, 0, 1, 1, 0, 1, 1, 1, 0],
    ];
    const { items, test } = analyse('A'.repeat(10), new Array(10).fill(4), fromScored(rows));
    expect(items.map((i) => i.facility)).toEqual([0.7, 0.7, 0.6, 0.7, 0.6, 0.8, 0.7, 0.7, 0.5, 0.6]);
    expect(items.reduce((s, i) => s + i.facility! * (1 - i.facility!), 0)).toBeCloseTo(2.18, 12);
    expect(test.sdCorrect! ** 2).toBeCloseTo(5.84, 12);
    expect(test.kr20).toBeCloseTo((10 / 9) * (1 - 2.18 / 5.84), 12);
    expect(test.kr20!.toFixed(2)).toBe('0.70');
    // Item 1 by the textbook point-biserial formula r = (Mp − Mq) ÷ σ × √(pq), here on the rest score (total − item 1):
    // the 7 who got it right have rest scores 7 6 6 8 7 8 6 (Mp = 48/7), the 3 others 2 2 7 (Mq = 11/3);
    // σ(rest) = √4,29; p = 0,7 → r = (67/21) ÷ √4,29 × √0,21 = 0,7059.
    expect(items[0].pointBiserial).toBeCloseTo((67 / 21 / Math.sqrt(4.29)) * Math.sqrt(0.21), 12);
    expect(items[0].pointBiserial!.toFixed(4)).toBe('0.7059');
  });

  it('LSAT section VI (Bock & Lieberman 1970, Psychometrika 35): 1,000 examinees × 5 items', () => {
    // Response-pattern counts 00000 … 11111 as published (OpenBUGS "LSAT" example; R ltm::LSAT).
    const counts = [3, 6, 2, 11, 1, 1, 3, 4, 1, 8, 0, 16, 0, 3, 2, 15, 10, 29, 14, 81, 3, 28, 15, 80, 16, 56, 21, 173, 11, 61, 28, 298];
    const rows: number[][] = [];
    counts.forEach((n, pattern) => {
      const row = [...pattern.toString(2).padStart(5, '0')].map(Number);
      for (let k = 0; k < n; k++) rows.push(row);
    });
    expect(rows).toHaveLength(1000);
    const { items, test } = analyse('AAAAA', [2, 2, 2, 2, 2], fromScored(rows));
    expect(items.map((i) => i.facility)).toEqual([0.924, 0.709, 0.553, 0.763, 0.87]);
    // Cronbach's alpha of these data as printed by ltm::cronbach.alpha (RKWard's test standard): 0,295;
    // and with one item left out (ltm::descript): 0,28 0,24 0,22 0,25 0,27.
    expect(test.kr20!.toFixed(3)).toBe('0.295');
    const leftOut = [0, 1, 2, 3, 4].map((drop) => {
      const kept = rows.map((row) => row.filter((_, k) => k !== drop));
      return analyse('AAAA', [2, 2, 2, 2], fromScored(kept)).test.kr20!.toFixed(2);
    });
    expect(leftOut).toEqual(['0.28', '0.24', '0.22', '0.25', '0.27']);
    // Corrected point-biserials against a direct Pearson correlation on the 1,000 × 5 matrix (item vs total − item).
    const totals = rows.map((row) => row.reduce((a, b) => a + b, 0));
    items.forEach((item, k) => {
      const x = rows.map((row) => row[k]);
      expect(item.pointBiserial).toBeCloseTo(
        pearson(
          x,
          totals.map((t, i) => t - x[i]),
        )!,
        12,
      );
    });
    expect(items.map((i) => i.pointBiserial!.toFixed(4))).toEqual(['0.1128', '0.1532', '0.1728', '0.1444', '0.1216']);
  });
});

describe('flags', () => {
  const others = (correct: boolean) => (correct ? 'AAAA' : 'BBBB');

  it('a key the strong group contradicts: negative discrimination', () => {
    // key says B; the 10 strongest (rest 4) answer A, the 10 weakest (rest 0) answer B
    const responses = [...Array(10).fill(`A${others(true)}`), ...Array(10).fill(`B${others(false)}`)];
    const [item] = analyse('BAAAA', [4, 4, 4, 4, 4], responses).items;
    expect(item.pointBiserial).toBeLessThan(0);
    expect(item.flags).toContain('likely_miskeyed');
  });

  it('a distractor the upper group prefers to the key, even with a positive point-biserial', () => {
    // strong (rest 4): 8 answer A, 2 answer the key B; weak (rest 0): all C
    const responses = [...Array(8).fill(`A${others(true)}`), ...Array(2).fill(`B${others(true)}`), ...Array(10).fill(`C${others(false)}`)];
    const [item] = analyse('BAAAA', [4, 4, 4, 4, 4], responses).items;
    expect(item.pointBiserial).toBeGreaterThan(0);
    // upper group 5,4: both B (total 5) and 3,4 of the eight A (total 4) → A 3,4 ÷ 5,4 > B 2 ÷ 5,4
    expect(item.options[0].upperShare).toBeCloseTo(3.4 / 5.4, 12);
    expect(item.options[1].upperShare).toBeCloseTo(2 / 5.4, 12);
    expect(item.flags).toEqual(['likely_miskeyed', 'too_hard']);
  });

  it('too easy above p = 0,9, too hard below 0,2, weak below a point-biserial of 0,2', () => {
    const abilities = Array.from({ length: 20 }, (_, i) => i);
    const responses = abilities.map((a) =>
      [
        a >= 1 ? 'A' : 'B', // 19/20 right: too easy
        a >= 17 ? 'A' : 'B', // 3/20 right, the strongest: too hard, discriminating
        a % 2 ? 'A' : 'B', // half right, unrelated to ability: weak
        a >= 8 ? 'A' : 'B',
        a >= 12 ? 'A' : 'B',
        a >= 5 ? 'A' : 'B',
      ].join(''),
    );
    const { items } = analyse('AAAAAA', new Array(6).fill(4), responses);
    expect(items[0].facility).toBe(0.95);
    expect(items[0].flags).toContain('too_easy');
    expect(items[1].facility).toBe(0.15);
    expect(items[1].flags).toEqual(['too_hard']);
    expect(items[2].flags).toEqual(['weak_discrimination']);
    expect(items[3].flags).toEqual([]);
  });

  it('nobody right and everybody right: no discrimination figure, no discrimination flag', () => {
    const { items, test } = analyse('AB', [4, 4], ['AA', 'AC', 'AD']);
    expect(items[0]).toMatchObject({ facility: 1, pointBiserial: null, flags: ['too_easy'] });
    expect(items[1]).toMatchObject({ facility: 0, pointBiserial: null });
    expect(items[1].flags).toContain('too_hard');
    expect(test.kr20).toBeNull(); // every total is 1: no variance
  });
});

describe('input checks', () => {
  it('refuses a key outside the options, responses of the wrong length or letters the question does not have', () => {
    expect(() => new ItemAnalysisAccumulator('AE', [4, 4])).toThrow(/question 2/);
    expect(() => new ItemAnalysisAccumulator('AB', [4])).toThrow();
    const acc = new ItemAnalysisAccumulator('AB', [4, 2]);
    expect(() => acc.add('A')).toThrow();
    expect(() => acc.add('AC')).toThrow(/question 2/);
    expect(() => acc.add('aB')).toThrow();
    expect(acc.attempts).toBe(0); // nothing half-counted
    expect(acc.result().test).toMatchObject({ attempts: 0, meanCorrect: null, kr20: null });
    expect(acc.result().items[0]).toMatchObject({ facility: null, pointBiserial: null, upperCorrect: null, flags: [] });
  });

  it('will not merge analyses of different keys', () => {
    expect(() => new ItemAnalysisAccumulator('AB', [4, 4]).merge(new ItemAnalysisAccumulator('AC', [4, 4]))).toThrow();
  });
});

const dataset = fc
  .record({
    optionCounts: fc.array(fc.integer({ min: 2, max: 5 }), { minLength: 2, maxLength: 8 }),
    seeds: fc.array(fc.array(fc.nat(), { minLength: 9, maxLength: 9 }), { minLength: 1, maxLength: 60 }),
    keySeeds: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
  })
  .map(({ optionCounts, seeds, keySeeds }) => {
    const key = optionCounts.map((n, i) => OPTION_LETTERS[keySeeds[i] % n]).join('');
    // each response: omitted, the key, or any letter, so right answers and ties are frequent
    const responses = seeds.map((s) =>
      optionCounts
        .map((n, i) => {
          const roll = s[i] % (n + 3);
          return roll === n + 2 ? '-' : roll >= n ? key[i] : OPTION_LETTERS[roll];
        })
        .join(''),
    );
    return { optionCounts, key, responses };
  });

/** Upper or lower group weights per attempt from their definition: 0,27 N places, ties sharing the boundary. */
function referenceWeights(totals: readonly number[], upper: boolean): number[] {
  const g = 0.27 * totals.length;
  return totals.map((t) => {
    const before = totals.filter((u) => (upper ? u > t : u < t)).length;
    const tied = totals.filter((u) => u === t).length;
    return Math.min(1, Math.max(0, (g - before) / tied));
  });
}

describe('properties', () => {
  it('agrees with direct computations on the raw response matrix', () => {
    fc.assert(
      fc.property(dataset, ({ optionCounts, key, responses }) => {
        const { items, test } = analyse(key, optionCounts, responses);
        const n = responses.length;
        const scored = responses.map((r) => [...r].map((c, i): number => (c === key[i] ? 1 : 0)));
        const totals = scored.map((row) => row.reduce((a: number, b) => a + b, 0));
        const upper = referenceWeights(totals, true);
        const lower = referenceWeights(totals, false);
        items.forEach((item, i) => {
          const x = scored.map((row) => row[i]);
          expect(item.facility).toBeCloseTo(mean(x), 12);
          const r = pearson(
            x,
            totals.map((t, k) => t - x[k]),
          );
          if (r === null) expect(item.pointBiserial).toBeNull();
          else expect(item.pointBiserial).toBeCloseTo(r, 9);
          for (const option of [...item.options, item.omitted]) {
            const chose = responses.map((resp) => (resp[i] === option.letter ? 1 : 0));
            expect(option.count).toBe(chose.reduce((a: number, b) => a + b, 0));
            expect(option.upperShare).toBeCloseTo(chose.reduce((s: number, c, k) => s + c * upper[k], 0) / (0.27 * n), 9);
            expect(option.lowerShare).toBeCloseTo(chose.reduce((s: number, c, k) => s + c * lower[k], 0) / (0.27 * n), 9);
          }
          const shares = [...item.options, item.omitted].reduce((s, o) => s + Math.round(o.percent! * 100), 0);
          expect(shares).toBe(10_000);
        });
        // KR-20 equals Cronbach's alpha computed from the item variances
        const q = key.length;
        const itemVariances = items.map((_, i) => variance(scored.map((row) => row[i])));
        const totalVariance = variance(totals);
        if (totalVariance < 1e-12) expect(test.kr20).toBeNull();
        else expect(test.kr20).toBeCloseTo((q / (q - 1)) * (1 - itemVariances.reduce((a, b) => a + b, 0) / totalVariance), 9);
        expect(test.meanCorrect).toBeCloseTo(mean(totals), 12);
      }),
    );
  });

  it('merging parts equals one accumulator, in any grouping', () => {
    fc.assert(
      fc.property(dataset, fc.nat(), fc.nat(), ({ optionCounts, key, responses }, cut1, cut2) => {
        const [a, b] = [cut1 % (responses.length + 1), cut2 % (responses.length + 1)].sort((x, y) => x - y);
        const part = (rs: string[]) => {
          const acc = new ItemAnalysisAccumulator(key, optionCounts);
          rs.forEach((r) => acc.add(r));
          return acc;
        };
        const [p1, p2, p3] = [responses.slice(0, a), responses.slice(a, b), responses.slice(b)];
        const whole = analyse(key, optionCounts, responses);
        expect(part(p1).merge(part(p2)).merge(part(p3)).result()).toEqual(whole);
        expect(
          part(p1)
            .merge(part(p2).merge(part(p3)))
            .result(),
        ).toEqual(whole);
      }),
    );
  });
});
