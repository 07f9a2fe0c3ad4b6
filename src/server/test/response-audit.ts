import fs from 'node:fs';
import type { RouteOptions } from 'fastify';

/**
 * With BD_RESPONSE_AUDIT=<file>, every property a reply carries that its response schema does not list (and the
 * serializer would silently drop) is appended to the file as `METHOD url status: path`, and so is every value the
 * serializer sent differently from `JSON.stringify` of the handler's object (`changed: path`: a float declared an
 * integer is truncated, a property missing, a value coerced). A tool for writing schemas: run a module's tests with it
 * and read the file.
 */
export function auditResponses(route: RouteOptions): void {
  const file = process.env.BD_RESPONSE_AUDIT;
  const responses = (route.schema?.response ?? {}) as Record<string, unknown>;
  if (!file || Object.keys(responses).length === 0) return;
  const sent = new WeakMap<object, string>();
  const write = (status: number, lines: string[]) => {
    if (lines.length > 0) {
      fs.appendFileSync(file, [...new Set(lines)].map((p) => `${String(route.method)} ${route.url} ${status}: ${p}\n`).join(''));
    }
  };
  const hook = async (request: object, reply: { statusCode: number }, payload: unknown) => {
    const schema = responses[String(reply.statusCode)] ?? responses[`${String(reply.statusCode)[0]}xx`];
    if (!schema) return payload;
    const dropped: string[] = [];
    walk(schema, payload, '', dropped);
    write(reply.statusCode, dropped);
    if (payload !== null && typeof payload === 'object' && !Buffer.isBuffer(payload)) sent.set(request, JSON.stringify(payload));
    return payload;
  };
  const compare = async (request: object, reply: { statusCode: number }, payload: unknown) => {
    const expected = sent.get(request);
    if (expected !== undefined && typeof payload === 'string') {
      const changed: string[] = [];
      diff(JSON.parse(expected), JSON.parse(payload), '', changed);
      write(
        reply.statusCode,
        changed.map((p) => `changed: ${p}`),
      );
    }
    return payload;
  };
  const list = (hooks: unknown) => (Array.isArray(hooks) ? hooks : hooks ? [hooks] : []);
  route.preSerialization = [...list(route.preSerialization), hook as never];
  route.onSend = [...list(route.onSend), compare as never];
}

/** Where the serialized reply differs from what JSON.stringify makes of the handler's object. */
function diff(expected: unknown, actual: unknown, at: string, changed: string[]): void {
  if (expected === actual) return;
  if (
    expected === null
    || actual === null
    || typeof expected !== 'object'
    || typeof actual !== 'object'
    || Array.isArray(expected) !== Array.isArray(actual)
  ) {
    changed.push(`${at || '.'} (${JSON.stringify(expected)?.slice(0, 40)} → ${JSON.stringify(actual)?.slice(0, 40)})`);
    return;
  }
  if (Array.isArray(expected)) {
    const a = actual as unknown[];
    if (expected.length !== a.length) changed.push(`${at}.length`);
    expected.forEach((item, i) => diff(item, a[i], `${at}[]`, changed));
    return;
  }
  const a = actual as Record<string, unknown>;
  for (const key of new Set([...Object.keys(expected), ...Object.keys(a)])) {
    diff((expected as Record<string, unknown>)[key], a[key], `${at}.${key}`, changed);
  }
}

function walk(schema: unknown, value: unknown, at: string, dropped: string[]): void {
  if (!schema || typeof schema !== 'object' || value === null || typeof value !== 'object') return;
  const s = schema as Record<string, unknown>;
  for (const key of ['anyOf', 'oneOf']) {
    if (Array.isArray(s[key])) {
      // The branch that leaves the fewest properties out stands for the union.
      let best: string[] | undefined;
      for (const branch of s[key] as unknown[]) {
        const d: string[] = [];
        walk(branch, value, at, d);
        if (!best || d.length < best.length) best = d;
      }
      dropped.push(...(best ?? []));
      return;
    }
  }
  if (Array.isArray(value)) {
    if (s.items) value.forEach((item) => walk(s.items, item, `${at}[]`, dropped));
    return;
  }
  const properties: Record<string, unknown> = {};
  const collect = (x: unknown) => {
    const o = x as Record<string, unknown>;
    Object.assign(properties, (o.properties ?? {}) as object);
    if (Array.isArray(o.allOf)) o.allOf.forEach(collect);
  };
  collect(s);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') {
    for (const [k, v] of Object.entries(value)) walk(s.additionalProperties, v, `${at}.${k}`, dropped);
    return;
  }
  const patterns = Object.entries((s.patternProperties ?? {}) as Record<string, unknown>).map(([p, schema]) => ({
    re: new RegExp(p, 'u'),
    schema,
  }));
  if (patterns.length > 0) {
    // A record (Type.Record): every key that matches a pattern is kept and written by that pattern's schema.
    for (const [k, v] of Object.entries(value as object)) {
      const pattern = patterns.find((p) => p.re.test(k));
      if (pattern) walk(pattern.schema, v, `${at}.${k}`, dropped);
      else if (!(k in properties) && v !== undefined) dropped.push(`${at}.${k}`);
    }
    return;
  }
  if (s.additionalProperties === true || (Object.keys(properties).length === 0 && s.type !== 'object')) return;
  for (const [k, v] of Object.entries(value as object)) {
    if (v === undefined) continue;
    if (!(k in properties)) dropped.push(`${at}.${k}`);
    else walk(properties[k], v, `${at}.${k}`, dropped);
  }
}
