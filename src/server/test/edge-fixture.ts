/** A province (training fixture) with one site, and a prepared edge server for it, each on its own database. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config.ts';
import { fetchBundle, prepareEdgeDatabase, type Prepared } from '../edge/prepare.ts';
import { startServer, type RunningServer } from '../main.ts';
import { startCutProxy, type CutProxy } from './cut-proxy.ts';
import { createTrainingFixture } from './training-fixture.ts';

export type TrainingFixture = Awaited<ReturnType<typeof createTrainingFixture>>;

/** A campaign whose one site holds school A's teachers, with the fixture's proctor. */
export async function siteOfSchoolA(f: TrainingFixture): Promise<number> {
  const campaignId = (
    await f.organizer.request('POST', '/api/campaigns', { name: 'Bồi dưỡng hè 2026', schoolYear: '2025–2026', unitId: f.root.id })
  ).json().id;
  const siteId = (
    await f.organizer.request('POST', `/api/campaigns/${campaignId}/sites`, { name: 'Điểm cầu Tân Lập', unitId: f.schoolA.id })
  ).json().id;
  await f.organizer.request('POST', `/api/sites/${siteId}/participants`, { personIds: f.teachersA.map((t) => t.person.id) });
  await f.organizer.request('PUT', `/api/sites/${siteId}/proctors`, { personIds: [f.proctorUser.person.id] });
  return siteId;
}

export interface TestEdge {
  edge: RunningServer;
  /** Between the edge and the province: cut() drops every connection until restore(). */
  proxy: CutProxy;
  prepared: Prepared;
  close(): Promise<void>;
}

/** Prepares and starts an edge for the site through a cuttable proxy to the fixture's (listening) province. */
export async function startTestEdge(f: TrainingFixture, siteId: number): Promise<TestEdge> {
  if (!f.env.app.server.listening) await f.env.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = f.env.app.server.address() as { port: number };
  const proxy = await startCutProxy({ host: '127.0.0.1', port });
  const prepared = await fetchBundle({ upstream: proxy.url, siteId, username: f.proctorUser.username, password: f.proctorUser.password });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-edge-'));
  const config = {
    ...loadConfig({}),
    dataDir,
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    webDir: path.join(dataDir, 'no-web'),
    edgeUplink: { idleMs: 200, backoffMs: 200, maxBackoffMs: 500 },
  };
  await prepareEdgeDatabase(config, prepared.bundle, proxy.url);
  const edge = await startServer(config, { handleSignals: false });
  return {
    edge,
    proxy,
    prepared,
    close: async () => {
      await edge.close();
      await proxy.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
