/** After bench:edge, straight from both databases: what the edge acknowledged is on the province, once, graded right. */
import type { Db } from '../../src/server/db/database.ts';

export interface AckedAnswer {
  username: string;
  /** The edge's attempt id. */
  attemptId: number;
  position: number;
  choice: number | null;
}

export async function verifyEdgeRun(run: { province: Db; edge: Db; assessmentId: number; acked: AckedAnswer[]; usernames: string[] }) {
  const { province, edge } = run;
  const mapping = new Map(
    (await province.selectFrom('edge_attempts').select(['edge_attempt_id', 'attempt_id']).execute()).map((m) => [
      m.edge_attempt_id,
      m.attempt_id,
    ]),
  );
  const stored = new Map<string, number | null>();
  for (const a of await province.selectFrom('attempt_answers').select(['attempt_id', 'position', 'choice']).execute()) {
    stored.set(`${a.attempt_id}:${a.position}`, a.choice);
  }
  // The latest acknowledgement per answer is what must be there.
  const latest = new Map<string, AckedAnswer>();
  for (const a of run.acked) latest.set(`${a.attemptId}:${a.position}`, a);
  let lostAnswers = 0;
  for (const a of latest.values()) {
    const attemptId = mapping.get(a.attemptId);
    if (attemptId === undefined || stored.get(`${attemptId}:${a.position}`) !== a.choice) lostAnswers++;
  }

  const attempts = await province
    .selectFrom('attempts')
    .innerJoin('users', 'users.id', 'attempts.user_id')
    .select(['attempts.id', 'users.username', 'attempts.variant_id', 'attempts.correct_count', 'attempts.score', 'attempts.status'])
    .where('attempts.assessment_id', '=', run.assessmentId)
    .execute();
  const perPerson = new Map<string, number>();
  for (const a of attempts) perPerson.set(a.username, (perPerson.get(a.username) ?? 0) + 1);
  let duplicatedAttempts = 0;
  for (const n of perPerson.values()) duplicatedAttempts += Math.max(0, n - 1);

  // Independent grading: display choice → original option through the variant's order, against the province's key.
  const variants = new Map(
    (await province.selectFrom('assessment_variants').select(['id', 'items_json']).execute()).map((v) => [
      v.id,
      JSON.parse(v.items_json) as { ordinal: number; optionOrder: number[] }[],
    ]),
  );
  const key: number[] = [];
  for (const k of await province
    .selectFrom('assessment_questions')
    .select(['ordinal', 'correct_index'])
    .where('assessment_id', '=', run.assessmentId)
    .execute()) {
    key[k.ordinal] = k.correct_index;
  }
  let scoreMismatches = 0;
  for (const username of run.usernames) {
    const attempt = attempts.find((a) => a.username === username);
    if (!attempt || attempt.status !== 'submitted') {
      scoreMismatches++;
      continue;
    }
    const items = variants.get(attempt.variant_id)!;
    let correct = 0;
    items.forEach((item, position) => {
      const choice = stored.get(`${attempt.id}:${position}`);
      if (choice !== null && choice !== undefined && item.optionOrder[choice] === key[item.ordinal]) correct++;
    });
    const expected = Math.floor((2 * correct * 10 * 100 + items.length) / (2 * items.length)) / 100;
    if (attempt.correct_count !== correct || attempt.score !== expected) scoreMismatches++;
  }

  const keyRows = await Promise.all([
    edge.selectFrom('assessment_questions').select('correct_index').where('correct_index', '<>', -1).execute(),
    edge.selectFrom('question_versions').select('correct_index').where('correct_index', '<>', -1).execute(),
  ]);
  return { lostAnswers, duplicatedAttempts, scoreMismatches, keyOnEdge: keyRows[0].length + keyRows[1].length };
}
