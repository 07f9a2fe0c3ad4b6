/** A fresh province for the benchmark: the demo roster of N people, one shared password, a 50-question survey open now. */
import { loadConfig, type AppConfig } from '../../src/config.ts';
import { ensureRootUnit } from '../../src/server/bootstrap.ts';
import { systemClock, type AppContext } from '../../src/server/context.ts';
import { migrateToLatest, openDatabase } from '../../src/server/db/database.ts';
import { seedDemo } from '../../src/server/demo/seed-demo.ts';
import { hashPassword, verifyPassword } from '../../src/server/modules/auth/password.ts';
import { createBank } from '../../src/server/modules/banks/service.ts';
import { applyQuestionImport } from '../../src/server/modules/questions/import-service.ts';
import { createAssessment, publish } from '../../src/server/modules/assessments/service.ts';
import { assessmentInput, rootActor, sampleQuestions } from '../../src/server/test/assessment-builders.ts';

export const BENCH_PASSWORD = 'bench-pass-2026';

export async function seedBench(config: AppConfig, participants: number) {
  const handle = openDatabase(config);
  try {
    await migrateToLatest(handle.db);
    const ctx: AppContext = { db: handle.db, dialect: handle.dialect, config, clock: systemClock };
    const root = await ensureRootUnit(ctx);
    await seedDemo(ctx, { people: participants });
    // One hash for everyone: seeding 10,000 hashes would take minutes; every login still verifies argon2id.
    await handle.db
      .updateTable('users')
      .set({ password_hash: await hashPassword(BENCH_PASSWORD), must_change_password: 0 })
      .execute();
    const actor = await rootActor(ctx);
    const topics = ['Nghị quyết Đại hội XIII', 'Nghị quyết 29-NQ/TW', 'Chuyên đề năm 2026', 'Tình hình kinh tế – xã hội'];
    const bank = await createBank(ctx, actor, { name: 'Ngân hàng khảo sát hè 2026', unitId: root.id });
    await applyQuestionImport(ctx, actor, bank.id, sampleQuestions(topics, 30), 'bench');
    const topicRows = await handle.db.selectFrom('topics').select('id').where('bank_id', '=', bank.id).orderBy('id').execute();
    const now = Date.now();
    const { id } = await createAssessment(
      ctx,
      actor,
      assessmentInput({
        bankId: bank.id,
        unitId: root.id,
        targetUnitIds: [root.id],
        questionCount: 50,
        durationMin: 120,
        opensAt: new Date(now - 3_600_000).toISOString(),
        closesAt: new Date(now + 4 * 3_600_000).toISOString(),
        selection: { mode: 'rules', rules: topicRows.map((t, i) => ({ topicId: t.id, difficulty: null, count: i < 2 ? 13 : 12 })) },
      }),
    );
    await publish(ctx, actor, id);
    const users = await handle.db
      .selectFrom('users')
      .innerJoin('people', 'people.id', 'users.person_id')
      .select('users.username')
      .where('people.active', '=', 1)
      .orderBy('users.id')
      .limit(participants)
      .execute();
    return { assessmentId: id, usernames: users.map((u) => u.username) };
  } finally {
    await handle.destroy();
  }
}

/** argon2id verifications per second on this machine with libuv's 4 threads, as the server computes them. */
export async function rawArgon2PerSecond(seconds = 3): Promise<number> {
  const hash = await hashPassword(BENCH_PASSWORD);
  let done = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (performance.now() < until) {
        await verifyPassword(hash, BENCH_PASSWORD);
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

export { loadConfig };
