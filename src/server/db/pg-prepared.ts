/**
 * Named prepared statements for node-postgres under Kysely. Kysely sends every query with parameters as an unnamed
 * statement, so PostgreSQL parses and plans it on every call; the hot ones (an answer save, a session, a submit) cost
 * that again thousands of times a second. A connection wrapped here names each distinct query text (by its hash) the
 * first time, and later calls only bind and execute. Bounded per connection: texts that vary (IN lists of varying
 * length) past `capacity` names run unnamed as before. A statement whose plan no longer fits the table (a migration by
 * another process changed a column) is run again unnamed, and never named again on this connection.
 */
import crypto from 'node:crypto';
import type pg from 'pg';

const WRAPPED = Symbol('preparedStatements');
const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `bd_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (names.size >= 5000) names.delete(names.keys().next().value as string);
    names.set(text, name);
  }
  return name;
}

const isStalePlan = (err: unknown) => (err as { code?: string }).code === '0A000';

type Query = (...args: unknown[]) => unknown;

export function prepareStatementsOn(client: pg.PoolClient, capacity = 200): void {
  const target = client as unknown as { query: Query; [WRAPPED]?: true };
  if (target[WRAPPED]) return;
  target[WRAPPED] = true;
  const prepared = new Set<string>();
  const refused = new Set<string>();
  const query = target.query.bind(client) as Query;
  target.query = (...args: unknown[]) => {
    const [text, values, callback] = args;
    if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0 || callback !== undefined) return query(...args);
    const name = statementName(text);
    if (refused.has(name) || (!prepared.has(name) && prepared.size >= capacity)) return query(text, values);
    prepared.add(name);
    return (query({ name, text, values }) as Promise<unknown>).catch((err: unknown) => {
      if (!isStalePlan(err)) throw err;
      refused.add(name);
      return query(text, values);
    });
  };
}
