import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandOf, BandScheme, DEFAULT_BANDS } from './bands.ts';
import { SummaryAccumulator } from './summary.ts';
import { rollUpTree, type RolledUpUnit, type UnitRow } from './tree.ts';

const scheme = new BandScheme();

function accumulators(scoresByUnit: Record<number, number[]>): Map<number, SummaryAccumulator> {
  const map = new Map<number, SummaryAccumulator>();
  for (const [id, scores] of Object.entries(scoresByUnit)) {
    const acc = new SummaryAccumulator(scheme);
    for (const score of scores) acc.add({ score, band: bandOf(score, DEFAULT_BANDS) });
    map.set(Number(id), acc);
  }
  return map;
}

// Sở (1) → Xã A (2) → schools 3, 4; Xã B (5) → school 6; the Sở has staff of its own
const UNITS: UnitRow[] = [
  { id: 1, parentId: null, name: 'Sở GD&ĐT', path: '/1/' },
  { id: 2, parentId: 1, name: 'Xã A', path: '/1/2/' },
  { id: 3, parentId: 2, name: 'Trường Mầm non A', path: '/1/2/3/' },
  { id: 4, parentId: 2, name: 'Trường Tiểu học A', path: '/1/2/4/' },
  { id: 5, parentId: 1, name: 'Xã B', path: '/1/5/' },
  { id: 6, parentId: 5, name: 'Trường THCS B', path: '/1/5/6/' },
];
const SCORES = { 1: [9], 3: [9.5, 9, 8.5, 8, 7, 6.5, 5, 4], 4: [10, 9, 8, 8, 7.5, 6, 3] };
const ELIGIBLE = new Map([
  [1, 2],
  [3, 10],
  [4, 5],
  [6, 8],
]);

describe('rollUpTree', () => {
  const tree = rollUpTree(UNITS, accumulators(SCORES), ELIGIBLE, scheme);
  const node = (id: number) => tree.byId.get(id)!;
  const counts = (n: RolledUpUnit) => [n.eligible, n.took, n.didNotTake, n.tookBeyondEligible, n.participationPercent];

  it('adds up eligible, took and did-not-take from the schools to the Sở', () => {
    expect(counts(node(3))).toEqual([10, 8, 2, 0, 80]);
    // 7 attempts for 5 eligible: 2 took beyond the list, nobody missing
    expect(counts(node(4))).toEqual([5, 7, 0, 2, 100]);
    // the surplus of school 4 does not hide the 2 absentees of school 3
    expect(counts(node(2))).toEqual([15, 15, 2, 2, 86.67]);
    expect(counts(node(6))).toEqual([8, 0, 8, 0, 0]);
    expect(counts(node(5))).toEqual([8, 0, 8, 0, 0]);
    // Sở: own 2 eligible, 1 took → 1 missing; 25 − 16 = 11 − 2
    expect(counts(node(1))).toEqual([25, 16, 11, 2, 56]);
  });

  it('gives each node the summary of its whole subtree', () => {
    expect(node(2).summary).toEqual(
      accumulators({ 0: [...SCORES[3], ...SCORES[4]] })
        .get(0)!
        .result(),
    );
    expect(node(1).summary).toMatchObject({ took: 16, max: 10, min: 3, median: 8 });
    expect(node(1).summary.bands.map((b) => b.count)).toEqual([5, 4, 3, 2, 2]);
    expect(node(5).summary).toMatchObject({ took: 0, mean: null, goodPercent: null });
  });

  it('keeps the order and depth of the units given', () => {
    expect(tree.roots.map((r) => r.id)).toEqual([1]);
    expect(node(1).children.map((c) => c.name)).toEqual(['Xã A', 'Xã B']);
    expect(node(2).children.map((c) => [c.id, c.depth, c.path])).toEqual([
      [3, 2, '/1/2/3/'],
      [4, 2, '/1/2/4/'],
    ]);
  });

  it('rolls up a subtree alone when only its units are given, and names units it could not place', () => {
    const sub = rollUpTree(
      UNITS.filter((u) => u.path.startsWith('/1/2/')),
      accumulators(SCORES),
      ELIGIBLE,
      scheme,
    );
    expect(sub.roots.map((r) => [r.id, r.depth, r.took, r.eligible])).toEqual([[2, 0, 15, 15]]);
    expect(sub.unplacedUnitIds).toEqual([1]);
    expect(tree.unplacedUnitIds).toEqual([]);
  });

  it('leaves the accumulators it reads unchanged', () => {
    const accs = accumulators(SCORES);
    rollUpTree(UNITS, accs, ELIGIBLE, scheme);
    expect([...accs.values()].map((a) => a.took)).toEqual([1, 8, 7]);
    expect(rollUpTree(UNITS, accs, ELIGIBLE, scheme).roots).toEqual(tree.roots);
  });

  it('refuses a cycle, a unit given twice or a negative eligible count', () => {
    const cycle = [
      { id: 1, parentId: 2, name: 'A', path: '/2/1/' },
      { id: 2, parentId: 1, name: 'B', path: '/1/2/' },
    ];
    expect(() => rollUpTree(cycle, new Map(), new Map(), scheme)).toThrow(/cycle/);
    expect(() => rollUpTree([UNITS[0], UNITS[0]], new Map(), new Map(), scheme)).toThrow(/twice/);
    expect(() => rollUpTree(UNITS, new Map(), new Map([[3, -1]]), scheme)).toThrow();
  });
});

/** A random forest: unit i's parent is an earlier unit or none; scores per unit; eligible per unit. */
const forest = fc.integer({ min: 1, max: 30 }).chain((n) =>
  fc.record({
    parents: fc.tuple(...Array.from({ length: n }, (_, i) => fc.integer({ min: -1, max: i - 1 }))),
    scores: fc.tuple(
      ...Array.from({ length: n }, () =>
        fc.array(
          fc.integer({ min: 0, max: 1000 }).map((h) => h / 100),
          { maxLength: 12 },
        ),
      ),
    ),
    eligible: fc.tuple(...Array.from({ length: n }, () => fc.nat({ max: 15 }))),
  }),
);

describe('rollUpTree properties', () => {
  it('every node holds its own figures plus its children’s, and the roots those of every unit', () => {
    fc.assert(
      fc.property(forest, ({ parents, scores, eligible }) => {
        const units: UnitRow[] = parents.map((p, i) => ({ id: i + 1, parentId: p < 0 ? null : p + 1, name: `Đơn vị ${i + 1}`, path: '' }));
        const byUnit = Object.fromEntries(scores.map((s, i) => [i + 1, s]));
        const tree = rollUpTree(units, accumulators(byUnit), new Map(eligible.map((e, i) => [i + 1, e])), scheme);
        const subtreeScores = (node: RolledUpUnit): number[] => [...scores[node.id - 1], ...node.children.flatMap(subtreeScores)];
        for (const node of tree.byId.values()) {
          const own = scores[node.id - 1].length;
          const ownEligible = eligible[node.id - 1];
          const sumChildren = (f: (c: RolledUpUnit) => number) => node.children.reduce((s, c) => s + f(c), 0);
          expect(node.took).toBe(own + sumChildren((c) => c.took));
          expect(node.eligible).toBe(ownEligible + sumChildren((c) => c.eligible));
          expect(node.didNotTake).toBe(Math.max(0, ownEligible - own) + sumChildren((c) => c.didNotTake));
          expect(node.eligible - node.took).toBe(node.didNotTake - node.tookBeyondEligible);
          node.summary.bands.forEach((band, k) => {
            expect(band.count).toBe(
              node.children.reduce((s, c) => s + c.summary.bands[k].count, 0)
                + scores[node.id - 1].filter((x) => bandOf(x, DEFAULT_BANDS) === band.label).length,
            );
          });
          if (node.took > 0) {
            expect(node.summary.bands.reduce((s, b) => s + Math.round(b.percent! * 100), 0)).toBe(10_000);
            const sorted = subtreeScores(node)
              .map((x) => Math.round(x * 100))
              .sort((a, b) => a - b);
            const mid = sorted.length >> 1;
            expect(node.summary.median).toBe((sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2) / 100);
          }
          expect(node.summary.distribution.reduce((s, c) => s + c, 0)).toBe(node.took);
        }
        const allTook = scores.reduce((s, list) => s + list.length, 0);
        expect(tree.roots.reduce((s, r) => s + r.took, 0)).toBe(allTook);
        expect(tree.roots.reduce((s, r) => s + r.eligible, 0)).toBe(eligible.reduce((s, e) => s + e, 0));
      }),
    );
  });
});
