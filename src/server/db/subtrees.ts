/** Unit subtrees as SQL: what every scoped query (a reader's units, by materialised path) filters on. */
import { sql, type RawBuilder } from 'kysely';

/** `column` lies in one of the subtrees; undefined = no limit, none = nothing. */
export function inSubtrees(paths: string[] | undefined, column: string): RawBuilder<boolean> {
  if (!paths) return sql<boolean>`1 = 1`;
  if (paths.length === 0) return sql<boolean>`1 = 0`;
  return sql<boolean>`(${sql.join(
    paths.map((p) => sql`${sql.ref(column)} like ${`${p}%`}`),
    sql` or `,
  )})`;
}
