/** The organisers' own title → category mappings, applied to a file's records before they are planned. */
import { POSITION_LABELS, type Position } from '../../../domain/roster.ts';
import { titleKey } from '../../../domain/roster-import/titles.ts';
import type { RosterRecord, UnknownTitle } from '../../../domain/roster-import/types.ts';
import type { Executor } from '../../db/database.ts';

const ROWS_SHOWN = 5;

/**
 * Gives each record the category its title is mapped to (a stored mapping wins over the built-in vocabulary, so an
 * organiser can correct it) and lists, once each, the titles still without one.
 */
export async function applyTitleMappings(db: Executor, records: RosterRecord[]): Promise<UnknownTitle[]> {
  // 20,000 rows repeat a few dozen titles: each is folded once.
  const keyOf = new Map<string, string>();
  for (const r of records) if (r.title && !keyOf.has(r.title)) keyOf.set(r.title, titleKey(r.title));
  const keys = [...new Set(keyOf.values())];
  const mapped = new Map<string, Position>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('position_titles')
      .select(['title_key', 'position'])
      .where('title_key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const r of rows) mapped.set(r.title_key, r.position as Position);
  }
  const unknown = new Map<string, UnknownTitle>();
  for (const r of records) {
    if (!r.title) continue;
    const k = keyOf.get(r.title)!;
    r.position = mapped.get(k) ?? r.position;
    if (r.position !== null) continue;
    const entry = unknown.get(k) ?? { title: r.title, rows: [], count: 0 };
    if (entry.rows.length < ROWS_SHOWN) entry.rows.push(r.excelRow);
    entry.count += 1;
    unknown.set(k, entry);
  }
  return [...unknown.values()];
}

export async function saveTitleMappings(db: Executor, userId: number, at: string, mappings: { title: string; position: Position }[]) {
  for (const m of mappings) {
    await db
      .insertInto('position_titles')
      .values({ title_key: titleKey(m.title), title: m.title.trim(), position: m.position, updated_by: userId || null, updated_at: at })
      .onConflict((oc) =>
        oc.column('title_key').doUpdateSet({ title: m.title.trim(), position: m.position, updated_by: userId || null, updated_at: at }),
      )
      .execute();
  }
}

export function describeMappings(mappings: { title: string; position: Position }[]): string {
  return mappings.map((m) => `"${m.title.trim()}" → ${POSITION_LABELS[m.position]}`).join('; ');
}
