/**
 * Pages of a report's rows taken unit by unit: consecutive units (in the order the report lists them) grouped so that
 * each group holds about `rows` rows, and never more than `maxUnits` units (the length of a query's IN list). A unit
 * larger than a page is a group of its own (its rows are then read in several pages by a key within the unit).
 */
export function unitPages(units: readonly { id: number; rows: number }[], rows: number, maxUnits = 500): number[][] {
  if (!(rows > 0) || !(maxUnits > 0)) throw new Error('unitPages: rows and maxUnits must be positive');
  const pages: number[][] = [];
  let page: number[] = [];
  let filled = 0;
  for (const unit of units) {
    const n = Math.max(0, unit.rows);
    if (page.length > 0 && (filled + n > rows || page.length >= maxUnits)) {
      pages.push(page);
      page = [];
      filled = 0;
    }
    page.push(unit.id);
    filled += n;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}
