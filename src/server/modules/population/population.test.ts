import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { buildPublishedAssessment, rootActor } from '../../test/assessment-builders.ts';
import { createTestEnv, describeEachDialect, login, type Session, type TestEnv } from '../../test/harness.ts';
import { manualClock } from '../../test/training-fixture.ts';
import { openDatabase } from '../../db/database.ts';
import { findRootUnit } from '../units/repository.ts';
import { findAssessment } from '../assessments/repository.ts';
import { toInput } from '../assessments/input.ts';
import { updateAssessment } from '../assessments/service.ts';
import { forgetStatistics } from '../statistics/compute.ts';
import { closeOverdueAttempts } from '../exam/sweeper.ts';
import type { UnitRow } from '../../db/schema.ts';
import { freezeClosedPopulations, freezePopulation } from './service.ts';

const run = promisify(execFile);
const FREEZE_PROCESS = path.resolve(import.meta.dirname, '../../test/freeze-process.ts');
const OPENS = '2026-06-30T23:00:00.000Z';
const CLOSES = '2026-07-02T00:00:00.000Z';
const AFTER_CLOSE = '2026-07-02T01:00:00.000Z';

type Figures = { name: string; eligible: number; took: number; participationPercent: number | null };

describeEachDialect('official figures of a closed survey', (dialect) => {
  let env: TestEnv;
  const clock = manualClock('2026-07-01T00:00:00Z');
  let root: UnitRow;
  const units: Record<string, UnitRow> = {};
  let organizerLogin: { username: string; password: string };
  let closedId: number;
  let openId: number;
  const takers: { personId: number; unit: string }[] = [];

  const organizer = (): Promise<Session> => login(env.app, organizerLogin.username, organizerLogin.password);
  /** The figures computed afresh from the database (the per-process cache dropped), as the organiser reads them. */
  async function officialFigures(session: Session, id: number) {
    forgetStatistics(env.ctx.db, id);
    const view = (await session.request('GET', `/api/assessments/${id}/statistics?unitId=${units.X.id}`)).json();
    const detail = (await session.request('GET', `/api/assessments/${id}`)).json();
    return {
      live: view.live as boolean,
      frozenAt: view.populationFrozenAt as string | null,
      node: {
        name: view.node.name,
        eligible: view.node.eligible,
        took: view.node.took,
        participationPercent: view.node.participationPercent,
      } as Figures,
      children: (view.children as Figures[]).map((c) => [c.name, c.eligible, c.took, c.participationPercent]),
      byPosition: (view.cuts.byPosition as { label: string; summary: { took: number } }[]).map((c) => [c.label, c.summary.took]),
      byParty: (view.cuts.byPartyMember as { label: string; summary: { took: number } }[]).map((c) => [c.label, c.summary.took]),
      detailEligible: detail.counts.eligible as number,
    };
  }

  beforeAll(async () => {
    env = await createTestEnv(dialect, { clock });
    root = (await findRootUnit(env.ctx.db))!;
    units.X = await buildUnit(env.ctx, { name: 'Xã Bình Minh', kind: 'commune', schoolLevel: null });
    units.A = await buildUnit(env.ctx, { name: 'Trường THCS Bình Minh', parent: units.X, schoolLevel: 'thcs' });
    units.B = await buildUnit(env.ctx, { name: 'Trường Tiểu học Bình Minh', parent: units.X, schoolLevel: 'tieu_hoc' });
    const org = await buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
    organizerLogin = { username: org.username, password: org.password };
    const people = [];
    for (const school of ['A', 'A', 'A', 'A', 'B', 'B', 'B'])
      people.push({ school, user: await buildUser(env.ctx, { unit: units[school] }) });
    const window = { opensAt: OPENS, closesAt: CLOSES, shuffleQuestions: false, shuffleOptions: false };
    closedId = (await buildPublishedAssessment(env.ctx, { ...window, targets: [units.X] })).id;
    openId = (await buildPublishedAssessment(env.ctx, { ...window, closesAt: '2026-07-20T00:00:00.000Z', targets: [units.X] })).id;
    // Three of school A and one of school B take the survey before it closes.
    for (const { school, user } of [people[0], people[1], people[2], people[4]]) {
      const s = await login(env.app, user.username, user.password);
      const attemptId = (await s.request('POST', `/api/my/assessments/${closedId}/start`)).json().attemptId;
      const answers = Array.from({ length: 10 }, (_, p) => ({ position: p, flagged: false, seq: p + 1, base: 0, choice: p % 4 }));
      const res = await s.request('POST', `/api/attempts/${attemptId}/submit`, {
        clientId: 'x',
        deviceId: 'device-x',
        kind: 'participant',
        answers,
      });
      expect(res.statusCode).toBe(200);
      takers.push({ personId: user.person.id, unit: school });
    }
  });
  afterAll(async () => env.close());

  it('freezes who had to take the survey at its close: 7 people added, one moved, one promoted change nothing', async () => {
    const whileOpen = await officialFigures(await organizer(), closedId);
    expect(whileOpen.live).toBe(true);
    expect(whileOpen.frozenAt).toBeNull();
    expect(whileOpen.node.eligible).toBe(7);

    clock.set(AFTER_CLOSE);
    await closeOverdueAttempts(env.ctx);
    expect(await freezeClosedPopulations(env.ctx)).toBe(1);
    expect(await freezeClosedPopulations(env.ctx)).toBe(0);
    const session = await organizer();
    const atClose = await officialFigures(session, closedId);
    expect(atClose.live).toBe(false);
    expect(atClose.frozenAt).toBe(AFTER_CLOSE);
    expect(atClose.node).toEqual({ name: 'Xã Bình Minh', eligible: 7, took: 4, participationPercent: expect.closeTo(57.14, 1) });
    expect(atClose.children).toEqual([
      ['Trường THCS Bình Minh', 4, 3, 75],
      ['Trường Tiểu học Bình Minh', 3, 1, expect.closeTo(33.33, 1)],
    ]);
    expect(atClose.detailEligible).toBe(7);

    // Today's roster: 7 new teachers in school A, a taker of school A moved to school B, another made a party member and manager.
    for (let i = 0; i < 7; i++) {
      const res = await session.request('POST', '/api/people', {
        fullName: `Trần Thị Mới ${'ABCDEFG'[i]}`,
        unitId: units.A.id,
        position: 'teacher',
        staffId: `79000${i}`,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await session.request('PATCH', `/api/people/${takers[0].personId}`, { unitId: units.B.id })).statusCode).toBe(200);
    expect(
      (await session.request('PATCH', `/api/people/${takers[1].personId}`, { position: 'manager', partyMember: true })).statusCode,
    ).toBe(200);

    const later = await officialFigures(session, closedId);
    expect(later).toEqual(atClose);
    // The survey still open follows the roster: 7 more people, the moved one counted in school B.
    const open = await officialFigures(session, openId);
    expect(open.live).toBe(true);
    expect(open.node.eligible).toBe(14);
    expect(open.children.map((c) => c.slice(0, 2))).toEqual([
      ['Trường THCS Bình Minh', 10],
      ['Trường Tiểu học Bình Minh', 4],
    ]);

    // The report offices send upward says the same.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await session.request('GET', `/api/assessments/${closedId}/report?format=xlsx&unitId=${units.X.id}`))
        .rawPayload as unknown as ArrayBuffer,
    );
    const detail = book.getWorksheet('Chi tiết')!;
    const rows = [];
    for (let r = 6; r <= detail.rowCount; r++) rows.push(String(detail.getRow(r).getCell(3).value));
    expect(rows.sort()).toEqual(['Trường THCS Bình Minh', 'Trường THCS Bình Minh', 'Trường THCS Bình Minh', 'Trường Tiểu học Bình Minh']);
  });

  it('keeps the population through a key correction (audited) and refuses to move the close of a frozen survey', async () => {
    const session = await organizer();
    const before = await officialFigures(session, closedId);
    const frozenRows = await env.ctx.db
      .selectFrom('assessment_population')
      .selectAll()
      .where('assessment_id', '=', closedId)
      .orderBy('person_id')
      .execute();
    expect(frozenRows).toHaveLength(7);
    const key = await env.ctx.db
      .selectFrom('assessment_questions')
      .select('correct_index')
      .where('assessment_id', '=', closedId)
      .where('ordinal', '=', 0)
      .executeTakeFirstOrThrow();
    const regrade = await session.request('POST', `/api/assessments/${closedId}/questions/0/key`, {
      correctIndex: (key.correct_index + 1) % 4,
    });
    expect(regrade.statusCode).toBe(200);
    const after = await officialFigures(session, closedId);
    expect(after.node.eligible).toBe(before.node.eligible);
    expect(after.children).toEqual(before.children);
    expect(
      await env.ctx.db.selectFrom('assessment_population').selectAll().where('assessment_id', '=', closedId).orderBy('person_id').execute(),
    ).toEqual(frozenRows);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('entity_id', '=', String(closedId))
      .where('action', 'in', ['assessment.population_freeze', 'assessment.regrade'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['assessment.population_freeze', 'assessment.regrade']);
    expect(audit[0].summary).toContain('7 người phải làm bài');

    const row = (await findAssessment(env.ctx.db, closedId))!;
    const input = { ...toInput(row, [units.X.id], []), closesAt: '2026-07-10T00:00:00.000Z' };
    await expect(updateAssessment(env.ctx, await rootActor(env.ctx), closedId, input)).rejects.toMatchObject({
      statusCode: 409,
      code: 'population_frozen',
      message: expect.stringContaining('không thể đổi thời gian đóng bài'),
    });
  });

  it('is frozen once when two app processes close the same survey at the same moment', async () => {
    clock.set('2026-07-01T12:00:00Z');
    const id = (
      await buildPublishedAssessment(env.ctx, {
        opensAt: '2026-07-01T00:30:00.000Z',
        closesAt: '2026-07-02T00:30:00.000Z',
        targets: [units.X],
      })
    ).id;
    clock.set(AFTER_CLOSE);
    const other = openDatabase({ dataDir: env.dataDir, databaseUrl: env.ctx.config.databaseUrl, poolSize: 4 });
    try {
      const second = { ...env.ctx, db: other.db };
      // SQLite's writers queue on the file lock; in one test process two connections can only take turns.
      const results =
        dialect === 'postgres'
          ? await Promise.all([freezePopulation(env.ctx, id), freezePopulation(second, id)])
          : [await freezePopulation(env.ctx, id), await freezePopulation(second, id)];
      expect(results.map((r) => r.frozen).sort()).toEqual([false, true]);
      expect(results.find((r) => r.frozen)!.count).toBe(14);
      const freezes = await env.ctx.db.selectFrom('assessment_population_freezes').selectAll().where('assessment_id', '=', id).execute();
      expect(freezes).toHaveLength(1);
      expect(freezes[0].eligible_count).toBe(14);
      const audit = await env.ctx.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'assessment.population_freeze')
        .where('entity_id', '=', String(id))
        .execute();
      expect(audit).toHaveLength(1);
      expect(await freezeClosedPopulations(second)).toBe(0);
    } finally {
      await other.destroy();
    }
  });
  it('is frozen once by two separate app processes racing at the close', async () => {
    clock.set('2026-07-01T12:00:00Z');
    const id = (
      await buildPublishedAssessment(env.ctx, {
        opensAt: '2026-07-01T00:30:00.000Z',
        closesAt: '2026-07-02T00:40:00.000Z',
        targets: [units.X],
      })
    ).id;
    clock.set(AFTER_CLOSE);
    const childEnv = {
      ...process.env,
      DATA_DIR: env.dataDir,
      DATABASE_URL: env.ctx.config.databaseUrl ?? '',
      ASSESSMENT_ID: String(id),
      GO_AT: String(Date.now() + 4000),
    };
    const outputs = await Promise.all([0, 1].map(() => run(process.execPath, ['--import', 'tsx', FREEZE_PROCESS], { env: childEnv })));
    const results = outputs.map((o) => JSON.parse(o.stdout) as { frozen: boolean; count: number });
    expect(results.map((r) => r.frozen).sort()).toEqual([false, true]);
    expect(results.find((r) => r.frozen)!.count).toBe(14);
    expect(await env.ctx.db.selectFrom('assessment_population').select('person_id').where('assessment_id', '=', id).execute()).toHaveLength(
      14,
    );
    expect(
      await env.ctx.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'assessment.population_freeze')
        .where('entity_id', '=', String(id))
        .execute(),
    ).toHaveLength(1);
  }, 60_000);
});
