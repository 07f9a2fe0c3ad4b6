/**
 * Issue 13: uploaded and CLI-read files never take the server down or stall it. The real server runs in its own
 * process; hostile files are built here and uploaded over HTTP as a unit manager (rosters) and an organiser (banks)
 * while /healthz is asked every 50 ms.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { buildDocx, p } from '../domain/question-bank/docx/docx-test-builder.ts';
import { ensureRootUnit } from './bootstrap.ts';
import { systemClock, type AppContext } from './context.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './db/database.ts';
import { createBank } from './modules/banks/service.ts';
import { buildUnit, buildUser } from './test/builders.ts';
import { createPgDatabase, describeEachDialect } from './test/harness.ts';
import { blankBombXlsx, imageBombDocx, manyRowsXlsx, paragraphBombDocx, rosterXlsx } from './test/hostile-files.ts';
import { spawnServer, type ServerProcess } from './test/server-process.ts';
import { sampleHealth, signIn, uploadFile, type HealthFigures, type SignedIn, type UploadReply } from './test/upload-probe.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/boiduong.js');
const MB = 1024 * 1024;

const files = {} as Record<'paragraphBomb' | 'rows' | 'blankBomb' | 'imageBomb' | 'bigRoster' | 'smallRoster' | 'bank', Uint8Array>;

beforeAll(async () => {
  files.paragraphBomb = await paragraphBombDocx(150 * MB);
  files.rows = await manyRowsXlsx(120_000);
  files.blankBomb = await blankBombXlsx(300 * MB);
  files.imageBomb = await imageBombDocx(64 * MB);
  files.bigRoster = await rosterXlsx(60_000);
  files.smallRoster = await rosterXlsx(120);
  files.bank = await buildDocx([
    p('Câu 1. Nghị quyết số 29-NQ/TW bàn về lĩnh vực nào?'),
    p('A. Y tế'),
    p({ text: 'B. Giáo dục và đào tạo', underline: {} }),
    p('Câu 2. Đại hội Đảng toàn quốc lần thứ XIII họp năm nào?'),
    p('A. 2016'),
    p({ text: 'B. 2021', underline: {} }),
  ]);
}, 120_000);

describeEachDialect('hostile uploads over HTTP', (dialect) => {
  let dataDir: string;
  let pgDb: Awaited<ReturnType<typeof createPgDatabase>> | undefined;
  let handle: DatabaseHandle;
  let server: ServerProcess;
  let capped: ServerProcess | undefined;
  let manager: SignedIn;
  let organiser: SignedIn;
  let communeId: number;
  let bankId: number;
  let users: { manager: { username: string; password: string }; organiser: { username: string; password: string } };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-hostile-'));
    pgDb = dialect === 'postgres' ? await createPgDatabase() : undefined;
    const config = { ...loadConfig({}), dataDir, databaseUrl: pgDb?.url, logLevel: 'silent' };
    handle = openDatabase({ ...config, poolSize: 2 });
    await migrateToLatest(handle.db);
    const ctx: AppContext = { db: handle.db, dialect, config, clock: systemClock };
    const root = await ensureRootUnit(ctx);
    const commune = await buildUnit(ctx, { name: 'Xã Sơn Lâm', kind: 'commune', schoolLevel: null });
    communeId = commune.id;
    users = {
      manager: await buildUser(ctx, { unit: commune, roles: [{ role: 'unit_manager', unit: commune }] }),
      organiser: await buildUser(ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] }),
    };
    const system = {
      userId: 0,
      personId: null,
      username: 'system',
      grants: [{ role: 'admin' as const, unitId: root.id, unitPath: root.path }],
    };
    bankId = (await createBank(ctx, system, { name: 'Ngân hàng Nghị quyết', unitId: root.id })).id;
    server = await spawnServer({ dataDir, databaseUrl: pgDb?.url });
    manager = await signIn(server.port, users.manager.username, users.manager.password);
    organiser = await signIn(server.port, users.organiser.username, users.organiser.password);
  }, 120_000);

  afterAll(async () => {
    for (const s of [server, capped]) {
      s?.child.kill('SIGTERM');
      await s?.exited;
    }
    await handle?.destroy();
    await pgDb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  /** What an upload could have written. */
  async function counts() {
    const count = async (table: 'people' | 'units' | 'roster_imports' | 'questions' | 'question_imports' | 'audit_log') =>
      Number(
        (
          await handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      people: await count('people'),
      units: await count('units'),
      rosterImports: await count('roster_imports'),
      questions: await count('questions'),
      questionImports: await count('question_imports'),
      audit: await count('audit_log'),
    };
  }

  /** Uploads while /healthz is asked every 50 ms. */
  async function watched(upload: () => Promise<UploadReply>, port = server.port): Promise<{ reply: UploadReply; health: HealthFigures }> {
    const sampler = sampleHealth(port);
    const reply = await upload();
    await new Promise((r) => setTimeout(r, 100));
    return { reply, health: await sampler.stop() };
  }

  const roster = (session: SignedIn, file: Uint8Array, name = 'danh-sach.xlsx') =>
    uploadFile(session, `/api/roster/imports?underUnitId=${communeId}`, file, name);
  const bank = (session: SignedIn, file: Uint8Array, name: string) =>
    uploadFile(session, `/api/banks/${bankId}/question-imports`, file, name);

  /** Every /healthz answered 200, none waited long (generous: the test machine is shared). */
  function expectHealthy(health: HealthFigures) {
    expect(health.count).toBeGreaterThan(0);
    expect(health.failures).toBe(0);
    expect(health.max).toBeLessThan(2000);
  }

  it('refuses a Word file whose document.xml inflates to 150 MB of short paragraphs, naming the paragraph limit, within seconds', async () => {
    const before = await counts();
    expect(files.paragraphBomb.length).toBeLessThan(MB);
    const { reply, health } = await watched(() => bank(organiser, files.paragraphBomb, 'ngan-hang.docx'));
    expect(reply.final.error).toEqual({
      code: 'file_over_limit',
      message: 'Tệp Word có hơn 30.000 đoạn văn; hãy tách ngân hàng thành nhiều tệp.',
      details: { limit: 'paragraphs', max: 30_000 },
    });
    expect(reply.ms).toBeLessThan(15_000);
    expectHealthy(health);
    expect(await counts()).toEqual(before);
  }, 60_000);

  it('refuses a roster of more than 100,000 rows (the real limit) as it streams, storing nothing', async () => {
    const before = await counts();
    const { reply, health } = await watched(() => roster(manager, files.rows));
    expect(reply.final.error).toMatchObject({
      code: 'file_over_limit',
      message: 'Tệp có hơn 100.000 dòng; hãy tách theo đơn vị.',
      details: { limit: 'rows', max: 100_000 },
    });
    expect(reply.ms).toBeLessThan(15_000);
    expectHealthy(health);
    expect(await counts()).toEqual(before);
  }, 60_000);

  it('stops deflate bombs whose zip directory lies about their sizes, counting what comes out', async () => {
    const before = await counts();
    const sheet = await watched(() => roster(manager, files.blankBomb));
    expect(sheet.reply.final.error?.message).toBe('Một trang tính của tệp Excel lớn hơn 256 MB sau khi giải nén; hãy tách theo đơn vị.');
    expectHealthy(sheet.health);
    const image = await watched(() => bank(organiser, files.imageBomb, 'anh.docx'));
    expect(image.reply.final.error?.message).toBe(
      'Một hình ảnh trong tệp Word (word/media/image1.png) lớn hơn 20 MB sau khi giải nén; hãy thu nhỏ ảnh rồi tải lên lại.',
    );
    expectHealthy(image.health);
    expect(await counts()).toEqual(before);
  }, 60_000);

  it('still previews and imports real files read in the child process', async () => {
    const before = await counts();
    const preview = await roster(manager, files.smallRoster);
    expect(preview.final.result).toMatchObject({ rows: 120, valid: 120, problems: [], toCreate: 120 });
    const committed = await uploadJson(manager, `/api/roster/imports/${preview.final.result.importId}/commit`, {
      confirmedUnits: preview.final.result.unitsToCreate,
    });
    expect(committed.result).toMatchObject({ created: 120 });
    const questions = await bank(organiser, files.bank, 'nghi-quyet.docx');
    expect(questions.final.result.questions).toHaveLength(2);
    expect(questions.final.result.problems).toEqual([]);
    const imported = await uploadJson(organiser, `/api/question-imports/${questions.final.result.importId}/commit`, { numbers: [1, 2] });
    expect(imported).toMatchObject({ imported: 2 });
    const after = await counts();
    expect(after.people - before.people).toBe(120);
    expect(after.questions - before.questions).toBe(2);
  }, 60_000);

  it('survives a parse its budgets let through but its memory cap does not, then takes the next upload; a full queue is a 503', async () => {
    // A test-only cap far below what 60,000 rows need, high enough for a small file.
    capped = await spawnServer({ dataDir, databaseUrl: pgDb?.url, env: { UPLOAD_PARSE_HEAP_MB: '48', UPLOAD_PARSE_QUEUE: '1' } });
    const session = await signIn(capped.port, users.manager.username, users.manager.password);
    const before = await counts();
    const killed = await watched(() => roster(session, files.bigRoster), capped.port);
    expect(killed.reply.final.error).toMatchObject({ code: 'file_too_complex', details: { limit: 'memory', max: 48 } });
    expect(killed.reply.final.error?.message).toBe(
      'Tệp quá lớn hoặc quá phức tạp: việc đọc tệp vượt giới hạn bộ nhớ (48 MB) nên đã bị ' + 'dừng; hãy tách theo đơn vị.',
    );
    expectHealthy(killed.health);
    expect(capped.child.exitCode).toBeNull();
    expect(await counts()).toEqual(before);

    const next = await roster(session, files.smallRoster);
    expect(next.final.result).toMatchObject({ rows: 120, problems: [] });

    // One parse at a time and one waiting: of six uploads at once, those beyond that are refused straight away
    // (how many depends on how fast the first ones finish on a shared machine; never all of them).
    const six = await Promise.all(Array.from({ length: 6 }, () => roster(session, files.smallRoster)));
    // Refused before the answer starts (503, Retry-After), or, when the queue filled while the unit was being checked,
    // in the streamed answer: the same code and message either way.
    const busy = six.filter((r) => r.status === 503 || r.final.error?.code === 'files_busy');
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(busy.length).toBeLessThanOrEqual(4);
    for (const refused of busy) {
      expect(refused.status === 503 ? refused.final : refused.final.error).toMatchObject({
        code: 'files_busy',
        message: 'Máy chủ đang xử lý tệp khác, vui lòng thử lại sau ít phút.',
      });
      if (refused.status === 503) expect(refused.headers['retry-after']).toBe('30');
    }
    expect(six.filter((r) => r.final.result?.rows === 120)).toHaveLength(6 - busy.length);
  }, 120_000);

  it('the CLI reads files under the same budgets and says why in one Vietnamese line', async () => {
    const bomb = path.join(dataDir, 'ngan-hang.docx');
    const rows = path.join(dataDir, 'danh-sach.xlsx');
    const big = path.join(dataDir, 'qua-lon.xlsx');
    fs.writeFileSync(bomb, files.paragraphBomb);
    fs.writeFileSync(rows, files.rows);
    fs.writeFileSync(big, Buffer.alloc(21 * MB));
    const before = await counts();
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? '' };
    const cli = async (...args: string[]) => {
      try {
        await promisify(execFile)(process.execPath, [BIN, ...args], { env });
        return { code: 0, stderr: '' };
      } catch (err) {
        return err as { code: number; stderr: string };
      }
    };
    expect(await cli('import-questions', bomb, '--dry-run')).toMatchObject({
      code: 1,
      stderr: 'Lỗi: Tệp Word có hơn 30.000 đoạn văn; hãy tách ngân hàng thành nhiều tệp.\n',
    });
    expect(await cli('import-roster', rows, '--dry-run')).toMatchObject({
      code: 1,
      stderr: 'Lỗi: Tệp có hơn 100.000 dòng; hãy tách theo đơn vị.\n',
    });
    expect(await cli('import-roster', big)).toMatchObject({
      code: 1,
      stderr: `Lỗi: Tệp ${big} lớn hơn 20 MB (giới hạn như khi tải lên); hãy tách theo đơn vị.\n`,
    });
    expect(await counts()).toEqual(before);
  }, 60_000);

  /** A JSON POST (or the final line of a streamed answer) as the session's user. */
  async function uploadJson(session: SignedIn, url: string, body: unknown = {}): Promise<any> {
    const res = await fetch(`http://127.0.0.1:${session.port}${url}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
    });
    const lines = (await res.text()).trim().split('\n');
    return JSON.parse(lines[lines.length - 1]);
  }
});
