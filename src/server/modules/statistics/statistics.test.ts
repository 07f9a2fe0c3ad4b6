import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { buildPublishedAssessment, rootActor } from '../../test/assessment-builders.ts';
import { createTestEnv, describeEachDialect, login, type Session, type TestEnv } from '../../test/harness.ts';
import { findRootUnit } from '../units/repository.ts';
import { reportData } from '../reports/report-data.ts';
import { renderReport } from '../reports/service.ts';
import { personRowPages, reportPeoplePages } from '../reports/repository.ts';
import { eligiblePeople } from '../assessments/eligibility.ts';
import { eligibleByUnit } from './repository.ts';
import { computeStatistics } from './compute.ts';
import { findAssessment } from '../assessments/repository.ts';
import { gradedStream } from '../results/repository.ts';
import { StatisticsBuilder } from '../../../domain/statistics/builder.ts';
import { writeResultsXlsx } from '../reports/report-xlsx.ts';
import { unitPages } from '../../../domain/statistics/unit-pages.ts';
import type { UnitRow } from '../../db/schema.ts';

const hasPdftotext = !spawnSync('pdftotext', ['-v']).error;

describeEachDialect('statistics of an assessment', (dialect) => {
  let env: TestEnv;
  let organizer: Session;
  let principalA: Session;
  let assessmentId: number;
  const units: Record<string, UnitRow> = {};
  /** Correct answers given by each participant, by school. */
  const plan: [school: string, correct: number][] = [
    ['A', 10],
    ['A', 9],
    ['A', 6],
    ['B', 8],
    ['B', 4],
    ['C', 7],
    ['C', 7],
    ['C', 2],
  ];

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    const root = (await findRootUnit(env.ctx.db))!;
    units.X = await buildUnit(env.ctx, { name: 'Xã Hòa Bình', kind: 'commune', schoolLevel: null });
    units.Y = await buildUnit(env.ctx, { name: 'Phường Tân An', kind: 'commune', schoolLevel: null });
    units.A = await buildUnit(env.ctx, { name: 'Trường THCS A', parent: units.X, schoolLevel: 'thcs' });
    units.B = await buildUnit(env.ctx, { name: 'Trường Tiểu học B', parent: units.X, schoolLevel: 'tieu_hoc' });
    units.C = await buildUnit(env.ctx, { name: 'Trường THCS C', parent: units.Y, schoolLevel: 'thcs' });
    const as = async (u: Awaited<ReturnType<typeof buildUser>>) => login(env.app, u.username, u.password);
    organizer = await as(await buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] }));
    principalA = await as(await buildUser(env.ctx, { unit: units.A, roles: [{ role: 'unit_manager', unit: units.A }] }));
    const people = [];
    for (const [school] of plan) people.push(await as(await buildUser(env.ctx, { unit: units[school] })));
    assessmentId = (
      await buildPublishedAssessment(env.ctx, { targets: [units.X, units.Y], shuffleQuestions: false, shuffleOptions: false })
    ).id;
    const key = (
      await env.ctx.db
        .selectFrom('assessment_questions')
        .select('correct_index')
        .where('assessment_id', '=', assessmentId)
        .orderBy('ordinal')
        .execute()
    ).map((k) => k.correct_index);
    for (const [i, s] of people.entries()) {
      const attemptId = (await s.request('POST', `/api/my/assessments/${assessmentId}/start`)).json().attemptId;
      // Without shuffling, display = canonical: the first `correct` right; question 10 (index 9) everyone answers with the same wrong option.
      const answers = key.map((k, p) => ({
        position: p,
        flagged: false,
        seq: p + 1,
        base: 0,
        choice: p === 9 ? (k + 1) % 4 : p < plan[i][1] ? k : (k + 1) % 4,
      }));
      await s.request('POST', `/api/attempts/${attemptId}/submit`, { clientId: 'x', deviceId: 'device-x', kind: 'participant', answers });
    }
  });
  afterAll(async () => env.close());

  it('rolls the province up from schools to communes, with figures equal to the stored scores', async () => {
    const view = (await organizer.request('GET', `/api/assessments/${assessmentId}/statistics`)).json();
    const scores = (await env.ctx.db.selectFrom('attempts').select('score').where('status', '=', 'submitted').execute()).map(
      (r) => r.score!,
    );
    expect(view.live).toBe(true);
    expect(view.node.took).toBe(8);
    expect(view.node.summary.mean).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 2);
    const communes = view.children.map((c: { name: string; took: number; eligible: number }) => [c.name, c.took, c.eligible]);
    // Eligible includes the principal of school A.
    expect(communes).toEqual([
      ['Xã Hòa Bình', 5, 6],
      ['Phường Tân An', 3, 3],
    ]);
    const bandTotal = view.node.summary.bands.reduce((n: number, b: { count: number }) => n + b.count, 0);
    expect(bandTotal).toBe(8);
    expect(view.node.summary.bands.reduce((n: number, b: { percent: number }) => n + b.percent, 0)).toBeCloseTo(100, 5);
    expect(view.cuts.bySchoolLevel.map((c: { label: string; summary: { took: number } }) => [c.label, c.summary.took])).toEqual([
      ['Tiểu học', 2],
      ['THCS', 6],
    ]);
    expect(view.items).toHaveLength(10);
    expect(view.test.kr20).not.toBeNull();

    const drill = (await organizer.request('GET', `/api/assessments/${assessmentId}/statistics?unitId=${units.X.id}`)).json();
    expect(drill.path.map((p: { name: string }) => p.name)).toEqual(['Sở Giáo dục và Đào tạo', 'Xã Hòa Bình']);
    expect(drill.children.map((c: { name: string; took: number }) => [c.name, c.took])).toEqual([
      ['Trường THCS A', 3],
      ['Trường Tiểu học B', 2],
    ]);
  });

  it("counts each person's latest attempt once, the same whether the database groups them or they are read one by one", async () => {
    // A retake of the first participant, submitted later with every answer wrong: it counts, their first attempt does not.
    const first = await env.ctx.db
      .selectFrom('attempts')
      .selectAll()
      .where('assessment_id', '=', assessmentId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const { id: _id, ...copy } = first;
    const retake = await env.ctx.db
      .insertInto('attempts')
      .values({
        ...copy,
        attempt_no: first.attempt_no + 1,
        score: 0,
        correct_count: 0,
        band: 'Không đạt',
        responses: first.responses!.replace(/[A-H]/g, '-'),
        answered_count: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    try {
      const row = (await findAssessment(env.ctx.db, assessmentId))!;
      const computed = await computeStatistics(env.ctx, row);
      const facts = computed.result.items.map((i) => i.key).join('');
      const oneByOne = new StatisticsBuilder({ key: facts, optionCounts: computed.result.items.map((i) => i.options.length) });
      for await (const batch of gradedStream(env.ctx.db, assessmentId, undefined, 3)) {
        for (const a of batch) {
          oneByOne.add({
            unitId: a.unit_id,
            schoolLevel: a.school_level,
            position: a.position,
            partyMember: a.party_member === 1,
            variantCode: a.variant_code,
            score: a.score!,
            band: a.band!,
            responses: a.responses!,
          });
        }
      }
      expect(computed.result).toEqual(oneByOne.result());
      expect(computed.result.overall.took).toBe(8);
      expect(computed.result.overall.min).toBe(0);
      expect(computed.result.test.attempts).toBe(8);
    } finally {
      await env.ctx.db.deleteFrom('attempts').where('id', '=', retake.id).execute();
    }
  });

  it('counts who must take it unit by unit exactly as the eligibility rule lists them, in every scope', async () => {
    for (const scope of [undefined, [units.X.path], [units.A.path, units.C.path]]) {
      const listed = await eligiblePeople(env.ctx.db, assessmentId, scope)
        .select(['p.unit_id', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('p.unit_id')
        .execute();
      expect(await eligibleByUnit(env.ctx.db, assessmentId, scope)).toEqual(new Map(listed.map((r) => [r.unit_id, Number(r.n)])));
    }
  });

  it('shows a principal only their school, without the key or the item analysis', async () => {
    const view = (await principalA.request('GET', `/api/assessments/${assessmentId}/statistics`)).json();
    expect(view.node).toMatchObject({ name: 'Trường THCS A', took: 3, eligible: 4 });
    expect(view.items).toBeNull();
    expect(view.test).toBeNull();
    expect((await principalA.request('GET', `/api/assessments/${assessmentId}/statistics?unitId=${units.B.id}`)).statusCode).toBe(404);
  });

  it("writes the Excel report offices send upward, with figures equal to the database, and only the reader's people", async () => {
    const res = await organizer.request('GET', `/api/assessments/${assessmentId}/report?format=xlsx`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Chi tiết', 'Phân tích câu hỏi']);
    const summary = book.getWorksheet('Tổng hợp')!;
    const header = summary.getRow(5);
    expect(header.getCell(2).value).toBe('Đơn vị');
    const total = summary.getRow(6);
    const scores = (await env.ctx.db.selectFrom('attempts').select('score').where('status', '=', 'submitted').execute()).map(
      (r) => r.score!,
    );
    expect([total.getCell(3).value, total.getCell(4).value, total.getCell(5).value]).toEqual([9, 8, 1]);
    expect(total.getCell(16).value).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 2);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    const detail = book.getWorksheet('Chi tiết')!;
    expect(detail.rowCount - 5).toBe(8);

    const own = new ExcelJS.Workbook();
    await own.xlsx.load(
      (await principalA.request('GET', `/api/assessments/${assessmentId}/report?format=xlsx`)).rawPayload as unknown as ArrayBuffer,
    );
    expect(own.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Chi tiết']);
    const ownDetail = own.getWorksheet('Chi tiết')!;
    const unitNames = [];
    for (let r = 6; r <= ownDetail.rowCount; r++) unitNames.push(ownDetail.getRow(r).getCell(3).value);
    expect(unitNames).toEqual(['Trường THCS A', 'Trường THCS A', 'Trường THCS A']);

    const csv = await organizer.request('GET', `/api/assessments/${assessmentId}/report?format=csv&unitId=${units.Y.id}`);
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.rawPayload.toString('utf8').trim().split('\r\n')).toHaveLength(4);
    const pdf = await organizer.request('GET', `/api/assessments/${assessmentId}/report?format=pdf`);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    if (hasPdftotext) {
      const file = path.join(env.dataDir, 'bao-cao.pdf');
      fs.writeFileSync(file, pdf.rawPayload);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
      expect(text).toContain('BÁO CÁO KẾT QUẢ KHẢO SÁT');
      expect(text).toContain('SỐ LIỆU TẠM THỜI');
      expect(text).toContain('Xã Hòa Bình');
    }
  });

  it('streams the workbook page by page: every counted person once, by unit then name, as the report held in memory lists them', async () => {
    const actor = await rootActor(env.ctx);
    const data = await reportData(env.ctx, actor, assessmentId);
    // Independently: each person's latest submitted attempt, ordered by unit path then name.
    const expected = (
      await env.ctx.db
        .selectFrom('attempts as a')
        .innerJoin('people as p', 'p.id', 'a.person_id')
        .innerJoin('units as u', 'u.id', 'p.unit_id')
        .select(['p.full_name', 'u.name', 'u.path', 'p.sort_key', 'a.person_id', 'a.attempt_no'])
        .where('a.assessment_id', '=', assessmentId)
        .where('a.status', '=', 'submitted')
        .execute()
    )
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : 0))
      .map((r) => [r.full_name, r.name]);
    expect(expected).toHaveLength(plan.length);
    expect(data.people.map((p) => [p.fullName, p.unitName])).toEqual(expected);
    // Pages of two rows over groups of units (one school alone, two together): the same rows in the same order.
    const ids = (await env.ctx.db.selectFrom('units').select(['id', 'path']).orderBy('path').execute()).map((u) => u.id);
    const groups = unitPages(
      ids.map((id) => ({ id, rows: id === units.A.id ? 3 : 1 })),
      2,
    );
    expect(groups.some((g) => g.length > 1) && groups.some((g) => g.length === 1 && g[0] === units.A.id)).toBe(true);
    const paged: string[][] = [];
    for await (const page of personRowPages(env.ctx.db, assessmentId, groups, 2)) {
      expect(page.length).toBeLessThanOrEqual(2);
      for (const r of page) paged.push([r.full_name, r.unit_name]);
    }
    expect(paged).toEqual(expected);
    // As the report reads them on this dialect (PostgreSQL: a cursor fetched two rows at a time).
    const read: string[][] = [];
    for await (const page of reportPeoplePages(env.ctx.db, dialect, { assessmentId, unitGroups: groups, expectedRows: plan.length }, 2)) {
      expect(page.length).toBeLessThanOrEqual(2);
      for (const r of page) read.push([r.full_name, r.unit_name]);
    }
    expect(read).toEqual(expected);

    const res = await organizer.request('GET', `/api/assessments/${assessmentId}/report?format=xlsx`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const detail = book.getWorksheet('Chi tiết')!;
    const rows = [];
    for (let r = 6; r <= detail.rowCount; r++) rows.push([detail.getRow(r).getCell(2).value, detail.getRow(r).getCell(3).value]);
    expect(rows).toEqual(expected);
    // The same sheets as the workbook written from the report held in memory.
    const sheets = async (body: Buffer) => {
      const b = new ExcelJS.Workbook();
      await b.xlsx.load(body as unknown as ArrayBuffer);
      return b.worksheets.map((w) => ({
        name: w.name,
        rows: w
          .getSheetValues()
          .slice(4)
          .map((r) => JSON.stringify(r)),
      }));
    };
    expect(await sheets(res.rawPayload)).toEqual(await sheets(await writeResultsXlsx(data)));
  });

  it('renders a province-sized PDF in a separate process', async () => {
    const data = await reportData(env.ctx, await rootActor(env.ctx), assessmentId);
    const child = await renderReport(data, 'pdf', 0);
    expect(child.peakRssMb).toBeGreaterThan(0);
    expect(child.body.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('flags the question everyone answered alike as likely mis-keyed, and a corrected key regrades every attempt (audited)', async () => {
    const before = (await organizer.request('GET', `/api/assessments/${assessmentId}/statistics`)).json();
    const q10 = before.items[9];
    const meanBefore = before.node.summary.mean;
    const chosen = 'ABCD'[('ABCD'.indexOf(q10.key) + 1) % 4];
    expect(q10.facility).toBe(0);
    expect(q10.flags).toContain('likely_miskeyed');
    expect(q10.options.find((o: { letter: string }) => o.letter === chosen).count).toBe(8);
    const regrade = await organizer.request('POST', `/api/assessments/${assessmentId}/questions/9/key`, {
      correctIndex: 'ABCD'.indexOf(chosen),
    });
    expect(regrade.json()).toEqual({ total: 8, changed: 8, key: chosen });
    const after = (await organizer.request('GET', `/api/assessments/${assessmentId}/statistics`)).json();
    expect(after.regradedAt).not.toBeNull();
    expect(after.node.summary.mean).toBeCloseTo(meanBefore + 1, 5);
    expect(after.items[9]).toMatchObject({ key: chosen, facility: 1 });
    const stored = await env.ctx.db.selectFrom('attempts').select('correct_count').where('status', '=', 'submitted').execute();
    expect(stored.map((s) => s.correct_count).sort((a, b) => a! - b!)).toEqual(
      plan.map(([, c]) => Math.min(10, c + 1)).sort((a, b) => a - b),
    );
    const audit = await env.ctx.db.selectFrom('audit_log').select('summary').where('action', '=', 'assessment.regrade').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].summary).toContain('Sửa đáp án câu 10');
    expect((await principalA.request('POST', `/api/assessments/${assessmentId}/questions/9/key`, { correctIndex: 1 })).statusCode).toBe(
      403,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await organizer.request('GET', `/api/assessments/${assessmentId}/report?format=xlsx`)).rawPayload as unknown as ArrayBuffer,
    );
    expect(String(book.getWorksheet('Tổng hợp')!.getRow(3).getCell(1).value)).toContain('Điểm đã được tính lại sau khi sửa đáp án');
  });
});
