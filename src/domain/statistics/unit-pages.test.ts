import fc from 'fast-check';
import { expect, it } from 'vitest';
import { unitPages } from './unit-pages.ts';

it('groups consecutive units into pages of about the given number of rows, a large unit alone', () => {
  const units = [
    { id: 1, rows: 3 },
    { id: 2, rows: 4 },
    { id: 3, rows: 0 },
    { id: 4, rows: 12 },
    { id: 5, rows: 2 },
    { id: 6, rows: 9 },
  ];
  expect(unitPages(units, 10)).toEqual([[1, 2, 3], [4], [5], [6]]);
  expect(unitPages(units, 100, 2)).toEqual([
    [1, 2],
    [3, 4],
    [5, 6],
  ]);
  expect(unitPages([], 10)).toEqual([]);
});

it('keeps every unit once, in order, and no page over the row count unless it is one unit', () => {
  fc.assert(
    fc.property(
      fc.array(fc.nat(50), { maxLength: 60 }),
      fc.integer({ min: 1, max: 60 }),
      fc.integer({ min: 1, max: 8 }),
      (sizes, rows, maxUnits) => {
        const units = sizes.map((n, i) => ({ id: i + 1, rows: n }));
        const pages = unitPages(units, rows, maxUnits);
        expect(pages.flat()).toEqual(units.map((u) => u.id));
        for (const page of pages) {
          expect(page.length).toBeGreaterThan(0);
          expect(page.length).toBeLessThanOrEqual(maxUnits);
          const total = page.reduce((s, id) => s + sizes[id - 1], 0);
          if (page.length > 1) expect(total).toBeLessThanOrEqual(rows);
        }
      },
    ),
  );
});
