/** After the run, straight from the database: every acknowledged answer is stored, every score equals a grading done here. */
import type { AppConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/server/db/database.ts';

export interface Acked {
  attemptId: number;
  /** position → the latest acknowledged answer */
  answers: Map<number, { choice: number | null; seq: number }>;
  submitted: boolean;
}

export async function verifyRun(config: AppConfig, participants: Acked[]) {
  const handle = openDatabase(config);
  try {
    const db = handle.db;
    const attempts = await db
      .selectFrom('attempts')
      .select(['id', 'variant_id', 'assessment_id', 'status', 'score', 'correct_count'])
      .execute();
    const byId = new Map(attempts.map((a) => [a.id, a]));
    const answers = await db.selectFrom('attempt_answers').select(['attempt_id', 'position', 'choice', 'seq']).execute();
    const stored = new Map<number, Map<number, { choice: number | null; seq: number }>>();
    for (const a of answers) {
      if (!stored.has(a.attempt_id)) stored.set(a.attempt_id, new Map());
      stored.get(a.attempt_id)!.set(a.position, { choice: a.choice, seq: a.seq });
    }
    let lost = 0;
    for (const p of participants) {
      const mine = stored.get(p.attemptId) ?? new Map();
      for (const [position, acked] of p.answers) {
        const s = mine.get(position);
        if (!s || s.seq < acked.seq || (s.seq === acked.seq && s.choice !== acked.choice)) lost++;
      }
    }
    // Independent grading: display choice → original option through the variant's order, against the frozen key.
    const variants = new Map(
      (await db.selectFrom('assessment_variants').select(['id', 'items_json']).execute()).map((v) => [
        v.id,
        JSON.parse(v.items_json) as { ordinal: number; optionOrder: number[] }[],
      ]),
    );
    const keys = new Map<number, number[]>();
    for (const k of await db
      .selectFrom('assessment_questions')
      .select(['assessment_id', 'ordinal', 'correct_index'])
      .orderBy('ordinal')
      .execute()) {
      if (!keys.has(k.assessment_id)) keys.set(k.assessment_id, []);
      keys.get(k.assessment_id)![k.ordinal] = k.correct_index;
    }
    let mismatches = 0;
    let graded = 0;
    for (const p of participants) {
      const attempt = byId.get(p.attemptId);
      if (!attempt || attempt.status !== 'submitted') continue;
      graded++;
      const items = variants.get(attempt.variant_id)!;
      const key = keys.get(attempt.assessment_id)!;
      let correct = 0;
      items.forEach((item, position) => {
        const choice = stored.get(p.attemptId)?.get(position)?.choice;
        if (choice !== null && choice !== undefined && item.optionOrder[choice] === key[item.ordinal]) correct++;
      });
      const expected = Math.floor((2 * correct * 10 * 100 + items.length) / (2 * items.length)) / 100;
      if (attempt.correct_count !== correct || attempt.score !== expected) mismatches++;
    }
    const notSubmitted = participants.filter((p) => byId.get(p.attemptId)?.status !== 'submitted').length;
    return { lost, mismatches, graded, notSubmitted };
  } finally {
    await handle.destroy();
  }
}
