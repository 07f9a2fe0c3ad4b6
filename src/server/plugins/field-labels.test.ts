import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RouteOptions } from 'fastify';
import { loadConfig } from '../../config.ts';
import { buildApp } from '../app.ts';
import { ensureRootUnit } from '../bootstrap.ts';
import { systemClock, type AppContext } from '../context.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { findRootUnit } from '../modules/units/repository.ts';
import { buildUser } from '../test/builders.ts';
import { login } from '../test/harness.ts';
import { FIELD_LABELS } from './field-labels.ts';

/** Every property name that a route's body, query string or parameters schema declares, with the routes using it. */
function fieldNames(routes: RouteOptions[]): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const walk = (schema: unknown, route: string): void => {
    if (!schema || typeof schema !== 'object') return;
    const s = schema as Record<string, unknown>;
    for (const [name, sub] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) {
      names.set(name, [...(names.get(name) ?? []), route]);
      walk(sub, route);
    }
    for (const key of ['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties']) {
      const sub = s[key];
      if (Array.isArray(sub)) sub.forEach((x) => walk(x, route));
      else walk(sub, route);
    }
  };
  for (const r of routes) {
    const schema = (r.schema ?? {}) as Record<string, unknown>;
    for (const part of ['body', 'querystring', 'params']) walk(schema[part], `${String(r.method)} ${r.url}`);
  }
  return names;
}

describe('validation messages name fields in Vietnamese', () => {
  const routes: RouteOptions[] = [];
  let dataDir: string;
  let ctx: AppContext;
  let destroy: () => Promise<void>;
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-labels-'));
    const config = { ...loadConfig({}), dataDir, logLevel: 'silent' };
    const handle = openDatabase({ ...config, poolSize: 1 });
    destroy = handle.destroy;
    await migrateToLatest(handle.db);
    ctx = { db: handle.db, dialect: 'sqlite', config, clock: systemClock };
    await ensureRootUnit(ctx);
    app = await buildApp(ctx, { serveWeb: false, onRoute: (r) => routes.push(r) });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('has a Vietnamese label for every field a route accepts', () => {
    const names = fieldNames(routes);
    expect(names.size).toBeGreaterThan(100);
    const missing = [...names].filter(([name]) => !Object.hasOwn(FIELD_LABELS, name)).map(([name, where]) => `${name} (${where[0]})`);
    expect(missing).toEqual([]);
  });

  it('answers a missing field with its label, never its internal name', async () => {
    const root = (await findRootUnit(ctx.db))!;
    const user = await buildUser(ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
    const session = await login(app, user.username, user.password);
    const res = await session.request('POST', '/api/assessments', {
      title: 'Khảo sát',
      bankId: 1,
      unitId: root.id,
      durationMin: 60,
      questionCount: 10,
      attemptsAllowed: 1,
      opensAt: new Date().toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      selection: { mode: 'rules', rules: [{ topicId: null, difficulty: null, count: 10 }] },
      variantMode: 'per_person',
      shuffleQuestions: true,
      shuffleOptions: true,
      scoring: { decimals: 2, bands: [{ label: 'Đạt', min: 5 }] },
      review: { score: 'immediately', answers: 'never', key: 'never' },
      graceSeconds: 60,
      targetUnitIds: [root.id],
      inviteePersonIds: [],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('Dữ liệu không hợp lệ ở trường "số mã đề".');
  });

  it('says the request is invalid without a name when the field has no label', async () => {
    const { fieldLabel } = await import('./error-handler.ts');
    expect(fieldLabel({ validation: [{ instancePath: '/internalThing', keyword: 'type', schemaPath: '', params: {}, message: '' }] })).toBe(
      '',
    );
    expect(
      fieldLabel({
        validation: [
          { instancePath: '/scoring', keyword: 'required', schemaPath: '', params: { missingProperty: 'decimals' }, message: '' },
        ],
      }),
    ).toBe('làm tròn điểm');
  });
});
