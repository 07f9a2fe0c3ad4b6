import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { systemClock } from '../server/context.ts';
import { openDatabase } from '../server/db/database.ts';
import { ensureRootUnit } from '../server/bootstrap.ts';
import { assessmentInput, buildBank, rootActor } from '../server/test/assessment-builders.ts';
import { createAssessment } from '../server/modules/assessments/service.ts';
import { parseQuestionDocx } from '../domain/question-bank/docx/index.ts';
import { describeEachDialect } from '../server/test/harness.ts';
import { createCliEnv, type CliEnv } from '../server/test/cli-harness.ts';

describeEachDialect('command line: assessments', (dialect) => {
  let env: CliEnv;
  let id: number;

  beforeAll(async () => {
    env = await createCliEnv(dialect);
    expect((await env.cli('migrate')).code).toBe(0);
    const handle = openDatabase({ ...loadConfig({}), dataDir: path.join(env.dir, 'data'), databaseUrl: env.databaseUrl });
    const ctx = { db: handle.db, dialect, config: loadConfig({}), clock: systemClock };
    const root = await ensureRootUnit(ctx);
    const bank = await buildBank(ctx);
    id = (
      await createAssessment(
        ctx,
        await rootActor(ctx),
        assessmentInput({ bankId: bank.id, unitId: root.id, targetUnitIds: [root.id], title: 'Khảo sát hè 2026', variantCount: 3 }),
      )
    ).id;
    await ctx.db
      .insertInto('people')
      .values({
        full_name: 'Người làm bài',
        name_folded: 'nguoi lam bai',
        sort_key: 'x',
        birth_date: null,
        gender: null,
        staff_id: '0000001',
        citizen_id: null,
        unit_id: root.id,
        position: 'teacher',
        party_member: 0,
        party_joined_on: null,
        theory_level: null,
        phone: null,
        email: null,
        active: 1,
        created_at: '2026-01-01T00:00:00Z',
        updated_at: '2026-01-01T00:00:00Z',
      })
      .execute();
    await handle.destroy();
  });
  afterAll(async () => env.close());

  it('refuses to export before publishing, then publishes and writes each code as Word and PDF', async () => {
    const early = await env.cli('assessment', 'export-variants', String(id), 'de');
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('chưa phát hành');
    const published = await env.cli('assessment', 'publish', String(id));
    expect(published.code).toBe(0);
    expect(published.stdout).toContain('Đã phát hành "Khảo sát hè 2026": 10 câu, mã đề 101, 102, 103.');
    const out = await env.cli('assessment', 'export-variants', String(id), 'de');
    expect(out.code).toBe(0);
    const files = fs.readdirSync(path.join(env.dir, 'de')).sort();
    expect(files).toEqual(
      ['101', '102', '103'].flatMap((c) => [`Khảo sát hè 2026 - ma de ${c}.docx`, `Khảo sát hè 2026 - ma de ${c}.pdf`]),
    );
    // The printed paper reads back as ten questions of four options, numbered in the code's order.
    const paper = await parseQuestionDocx(new Uint8Array(fs.readFileSync(path.join(env.dir, 'de', files[0]))));
    expect(paper.questions.map((q) => q.options.length)).toEqual(Array(10).fill(4));
    const report = await env.cli('report', String(id), '--format', 'xlsx', '--out', 'ket-qua.xlsx');
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('Khảo sát hè 2026');
    expect(fs.statSync(path.join(env.dir, 'ket-qua.xlsx')).size).toBeGreaterThan(1000);
    const bad = await env.cli('report', String(id), '--format', 'doc', '--out', 'x');
    expect(bad.stderr).toContain('--format phải là xlsx, pdf, csv (dấu ; và dấu phẩy thập phân, cho Excel tiếng Việt) hoặc csv-intl');
    const again = await env.cli('assessment', 'publish', String(id));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Bài khảo sát đã được phát hành.');
  });
});
