import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { buildPublishedAssessment } from '../test/assessment-builders.ts';
import { login, until } from '../test/harness.ts';
import { createTrainingFixture } from '../test/training-fixture.ts';
import { startServer, type RunningServer } from '../main.ts';
import { fetchBundle, prepareEdgeDatabase, type Prepared } from './prepare.ts';

/** "Mỗi người một mã đề": the edge builds the person's own variant; the province must grade it on the same order. */
describe('an edge running a survey with a variant per person', () => {
  let f: Awaited<ReturnType<typeof createTrainingFixture>>;
  let edge: RunningServer;
  let edgeDir: string;
  let prepared: Prepared;
  let assessmentId: number;

  beforeAll(async () => {
    f = await createTrainingFixture('sqlite', new Date().toISOString());
    assessmentId = (await buildPublishedAssessment(f.env.ctx, { targets: [f.schoolA], variantMode: 'per_person' })).id;
    const campaignId = (
      await f.organizer.request('POST', '/api/campaigns', { name: 'Bồi dưỡng hè 2026', schoolYear: '2025–2026', unitId: f.root.id })
    ).json().id;
    const siteId = (
      await f.organizer.request('POST', `/api/campaigns/${campaignId}/sites`, { name: 'Điểm cầu Tân Lập', unitId: f.schoolA.id })
    ).json().id;
    await f.organizer.request('POST', `/api/sites/${siteId}/participants`, { personIds: f.teachersA.map((t) => t.person.id) });
    await f.organizer.request('PUT', `/api/sites/${siteId}/proctors`, { personIds: [f.proctorUser.person.id] });
    await f.env.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = f.env.app.server.address() as { port: number };
    const upstream = `http://127.0.0.1:${port}`;
    prepared = await fetchBundle({ upstream, siteId, username: f.proctorUser.username, password: f.proctorUser.password });
    edgeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-edge-pp-'));
    const config = {
      ...loadConfig({}),
      dataDir: edgeDir,
      port: 0,
      host: '127.0.0.1',
      logLevel: 'silent',
      webDir: path.join(edgeDir, 'no-web'),
      edgeUplink: { idleMs: 200, backoffMs: 200, maxBackoffMs: 500 },
    };
    await prepareEdgeDatabase(config, prepared.bundle, upstream);
    edge = await startServer(config, { handleSignals: false });
  }, 60_000);

  afterAll(async () => {
    await edge?.close();
    await f?.env.close();
    if (edgeDir) fs.rmSync(edgeDir, { recursive: true, force: true });
  });

  it('grades on the province the order each person saw on the edge: all right is 10/10 for each', async () => {
    const key = await f.env.ctx.db
      .selectFrom('assessment_questions')
      .select('correct_index')
      .where('assessment_id', '=', assessmentId)
      .orderBy('ordinal')
      .execute();
    const orders: string[] = [];
    for (const who of f.teachersA) {
      const code = prepared.slips.find((s) => s.personId === who.person.id)!.code;
      const session = await login(edge.app, who.username, code);
      const { attemptId } = (await session.request('POST', `/api/my/assessments/${assessmentId}/start`)).json();
      const attempt = await edge.ctx.db.selectFrom('attempts').select('variant_id').where('id', '=', attemptId).executeTakeFirstOrThrow();
      const variant = await edge.ctx.db
        .selectFrom('assessment_variants')
        .select(['items_json', 'person_id'])
        .where('id', '=', attempt.variant_id)
        .executeTakeFirstOrThrow();
      expect(variant.person_id).toBe(who.person.id);
      orders.push(variant.items_json);
      // The right display option of each position, from the order the edge showed and the key only the province has.
      const items = JSON.parse(variant.items_json) as { ordinal: number; optionOrder: number[] }[];
      const answers = items.map((item, position) => ({
        position,
        choice: item.optionOrder.indexOf(key[item.ordinal].correct_index),
        flagged: false,
        seq: position + 1,
        base: 0,
      }));
      const device = { clientId: `client-${who.person.id}`, deviceId: `device-${who.person.id}-phone` };
      const saved = await session.request('POST', `/api/attempts/${attemptId}/answers`, { ...device, answers });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(
        (await session.request('POST', `/api/attempts/${attemptId}/submit`, { ...device, answers: [], kind: 'participant' })).statusCode,
      ).toBe(200);
    }
    // Each person had an order of their own.
    expect(new Set(orders).size).toBe(f.teachersA.length);

    for (const who of f.teachersA) {
      const graded = await until(`the grade of ${who.person.fullName} on the province`, () =>
        f.env.ctx.db
          .selectFrom('attempts')
          .select(['correct_count', 'answered_count', 'variant_id'])
          .where('person_id', '=', who.person.id)
          .where('status', '=', 'submitted')
          .executeTakeFirst(),
      );
      expect(graded).toMatchObject({ correct_count: 10, answered_count: 10 });
    }
  });
});
