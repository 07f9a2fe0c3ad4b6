/**
 * npm run bench:training [-- --people N]: seeds the demonstration province (default 10,000 people, a year of
 * political centres' classes) into a fresh SQLite database (or DATABASE_URL), puts every teacher and manager on one
 * of 164 sites of a campaign with 3 sessions each, marks every session (5 % absent), then times what organisers and
 * the survey wait on: attendance rates, the absentee list, the survey attendance rule for everyone, a site's marking
 * list, and the yearly classes report in Excel and PDF. Prints figures; never fails on a time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { systemActor } from '../src/cli/cli-context.ts';
import { bootstrap } from '../src/server/bootstrap.ts';
import { systemClock, type AppContext } from '../src/server/context.ts';
import { migrateToLatest, openDatabase } from '../src/server/db/database.ts';
import { seedDemo } from '../src/server/demo/seed-demo.ts';
import { absentees, attendanceSummary, markingList } from '../src/server/modules/attendance/service.ts';
import { missingRequiredAttendance } from '../src/server/modules/attendance/repository.ts';
import { insertCampaign } from '../src/server/modules/campaigns/repository.ts';
import { writeClassReportPdf, writeClassReportXlsx } from '../src/server/modules/classes/report-files.ts';
import { classReportFor } from '../src/server/modules/classes/report-service.ts';
import { insertParticipants, insertSession, insertSite } from '../src/server/modules/sites/repository.ts';
import { ensureRootUnit } from '../src/server/bootstrap.ts';

const { values } = parseArgs({ options: { people: { type: 'string', default: '10000' } } });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-bench-training-'));
const config = { ...loadConfig(), dataDir, logLevel: 'silent' };
const handle = openDatabase(config);
const ctx: AppContext = { db: handle.db, dialect: handle.dialect, config, clock: systemClock };

async function time<T>(label: string, fn: () => Promise<T>, describe: (v: T) => string = () => ''): Promise<T> {
  const started = performance.now();
  const value = await fn();
  console.log(`${label.padEnd(52)} ${(performance.now() - started).toFixed(0).padStart(6)} ms  ${describe(value)}`);
  return value;
}

try {
  await migrateToLatest(ctx.db);
  await bootstrap(ctx).catch(() => undefined);
  await time(
    'seed demo province + a year of classes',
    () => seedDemo(ctx, { people: Number(values.people) }),
    (r) => `${r.province.people.length} people`,
  );
  const actor = await systemActor(ctx);
  const root = await ensureRootUnit(ctx);
  const at = new Date().toISOString();
  const campaignId = await insertCampaign(ctx.db, {
    name: 'Bench',
    name_folded: 'bench',
    school_year: '2025–2026',
    unit_id: root.id,
    starts_on: '2026-07-06',
    ends_on: '2026-07-07',
    description: null,
    attendance_required_percent: 100,
    created_by: null,
    at,
  });
  const schools = await ctx.db.selectFrom('units').select(['id', 'name']).where('kind', 'in', ['school', 'center']).orderBy('id').execute();
  const sessions: number[] = [];
  const participantIds: number[] = [];
  await time(
    `assign people to ${schools.length} sites, 3 sessions each`,
    () =>
      ctx.db.transaction().execute(async (trx) => {
        for (const s of schools) {
          const siteId = await insertSite(trx, {
            campaign_id: campaignId,
            unit_id: s.id,
            name: `Điểm cầu ${s.name}`,
            address: null,
            capacity: null,
            online_url: null,
            created_at: at,
          });
          const people = (
            await trx.selectFrom('people').select('id').where('unit_id', '=', s.id).where('position', '!=', 'staff').execute()
          ).map((p) => p.id);
          await insertParticipants(trx, campaignId, siteId, people);
          participantIds.push(...people);
          for (const [date, start, end] of [
            ['2026-07-06', '07:30', '11:00'],
            ['2026-07-06', '13:30', '17:00'],
            ['2026-07-07', '07:30', '11:00'],
          ]) {
            const id = await insertSession(trx, {
              site_id: siteId,
              date,
              starts_at: start,
              ends_at: end,
              topic_id: null,
              lecturer_id: null,
              note: null,
            });
            sessions.push(id);
            const rows = people.map((person_id, k) => ({
              session_id: id,
              person_id,
              status: (person_id + k) % 20 === 0 ? 'absent' : 'present',
              reason: null,
              note: null,
              via: 'proctor',
              marked_by: null,
              marked_at: at,
            }));
            for (let i = 0; i < rows.length; i += 500)
              await trx
                .insertInto('attendance')
                .values(rows.slice(i, i + 500))
                .execute();
          }
        }
      }),
    () => `${participantIds.length} participants, ${sessions.length} sessions`,
  );
  await time(
    'attendance rates (campaign, sites, units)',
    () => attendanceSummary(ctx, actor, campaignId),
    (s) => `rate ${s.total.rate?.toFixed(2)} %, ${s.units.length} units`,
  );
  await time(
    'absentee list',
    () => absentees(ctx, actor, campaignId),
    (a) => `${a.rows.length} rows`,
  );
  await time(
    'missingRequiredAttendance for every participant',
    () => missingRequiredAttendance(ctx.db, campaignId, participantIds),
    (s) => `${s.size} not eligible`,
  );
  await time(
    "one site's marking list",
    () => markingList(ctx, actor, sessions[0]),
    (l) => `${l.items.length} people`,
  );
  const report = await time(
    'yearly classes report (province)',
    () => classReportFor(ctx, root, new Date().getUTCFullYear()),
    (r) => `${r.total.openedClasses} classes, ${r.total.trainees} trainees`,
  );
  await time(
    '  as Excel',
    () => writeClassReportXlsx(report),
    (b) => `${(b.length / 1024).toFixed(0)} KB`,
  );
  await time(
    '  as PDF',
    () => writeClassReportPdf(report),
    (b) => `${(b.length / 1024).toFixed(0)} KB`,
  );
  console.log(`peak RSS ${(process.memoryUsage().rss / 1_048_576).toFixed(0)} MB (${handle.dialect})`);
} finally {
  await handle.destroy();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
