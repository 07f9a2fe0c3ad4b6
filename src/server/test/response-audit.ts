import fs from 'node:fs';
import type { RouteOptions } from 'fastify';

/**
 * With BD_RESPONSE_AUDIT=<file>, every property a reply carries that its response schema does not list (and the
 * serializer would silently drop) is appended to the file as `METHOD url status: path`. A tool for writing schemas:
 * run a module's tests with it and read the file.
 */
export function auditResponses(route: RouteOptions): void {
  const file = process.env.BD_RESPONSE_AUDIT;
  const responses = (route.schema?.response ?? {}) as Record<string, unknown>;
  if (!file || Object.keys(responses).length === 0) return;
  const hook = async (request: { routeOptions: { url?: string } }, reply: { statusCode: number }, payload: unknown) => {
    const schema = responses[String(reply.statusCode)] ?? responses[`${String(reply.statusCode)[0]}xx`];
    if (!schema) return payload;
    const dropped: string[] = [];
    walk(schema, payload, '', dropped);
    if (dropped.length > 0) {
      fs.appendFileSync(file, [...new Set(dropped)].map((p) => `${String(route.method)} ${route.url} ${reply.statusCode}: ${p}\n`).join(''));
    }
    return payload;
  };
  const existing = route.preSerialization;
  route.preSerialization = [...(Array.isArray(existing) ? existing : existing ? [existing] : []), hook as never];
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
  if (s.additionalProperties === true || (Object.keys(properties).length === 0 && s.type !== 'object')) return;
  for (const [k, v] of Object.entries(value as object)) {
    if (v === undefined) continue;
    if (!(k in properties)) dropped.push(`${at}.${k}`);
    else walk(properties[k], v, `${at}.${k}`, dropped);
  }
}
